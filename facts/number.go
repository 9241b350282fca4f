package facts

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/calendar"
)

// Quantity is a number stated in the text, with its unit and qualifier, as an interval.
type Quantity struct {
	Value     float64 // the number as written, after scale words ("2.4bn" is 2.4e9)
	Low, High float64 // the interval the wording allows; High is +Inf for "at least"
	Qualifier string  // "at least", "nearly", … or "" when exact
	Range     bool    // "between 10 and 12", "10-12"
	Tally     bool    // a score or vote such as "6-3": Low and High are the two sides
	Unit      string  // normalised unit: "page", "percent", "usd", "km", "person", or ""
	Alt       string  // the following word, a second guess at the unit ("2,500 Ukrainian drones")
	Dim       string  // what can be compared: "length", "usd", "duration", "count:page", …
	Base      float64 // factor to the dimension's base unit
	Precision float64 // half the last significant digit: 2.4 → 0.05; 0 for integers
}

type unitInfo struct {
	name, dim string
	base      float64
}

var units = map[string]unitInfo{
	"%": {"percent", "percent", 1}, "percent": {"percent", "percent", 1}, "pc": {"percent", "percent", 1},
	"km": {"km", "length", 1000}, "kilometre": {"km", "length", 1000}, "kilometer": {"km", "length", 1000},
	"mile": {"mile", "length", 1609.344}, "mi": {"mile", "length", 1609.344},
	"metre": {"m", "length", 1}, "meter": {"m", "length", 1}, "m": {"m", "length", 1},
	"foot": {"ft", "length", 0.3048}, "feet": {"ft", "length", 0.3048}, "ft": {"ft", "length", 0.3048},
	"yard": {"yard", "length", 0.9144}, "cm": {"cm", "length", 0.01}, "centimetre": {"cm", "length", 0.01},
	"centimeter": {"cm", "length", 0.01}, "inch": {"inch", "length", 0.0254}, "mm": {"mm", "length", 0.001},
	"millimetre": {"mm", "length", 0.001}, "millimeter": {"mm", "length", 0.001},
	"kg": {"kg", "mass", 1}, "kilogram": {"kg", "mass", 1}, "kilo": {"kg", "mass", 1},
	"tonne": {"tonne", "mass", 1000}, "ton": {"tonne", "mass", 1000}, "lb": {"lb", "mass", 0.45359237},
	"gram": {"g", "mass", 0.001}, "g": {"g", "mass", 0.001},
	"hectare": {"hectare", "area", 10000}, "acre": {"acre", "area", 4046.856}, "ha": {"hectare", "area", 10000},
	"second": {"second", "duration", 1}, "minute": {"minute", "duration", 60}, "min": {"minute", "duration", 60},
	"hour": {"hour", "duration", 3600}, "hr": {"hour", "duration", 3600}, "day": {"day", "duration", 86400},
	"week": {"week", "duration", 604800}, "month": {"month", "duration", 2629800}, "year": {"year", "duration", 31557600},
	"decade": {"decade", "duration", 315576000},
	"dollar": {"usd", "usd", 1}, "usd": {"usd", "usd", 1}, "euro": {"eur", "eur", 1}, "eur": {"eur", "eur", 1},
	"sterling": {"gbp", "gbp", 1}, "gbp": {"gbp", "gbp", 1}, "yen": {"jpy", "jpy", 1}, "yuan": {"cny", "cny", 1},
	"rouble": {"rub", "rub", 1}, "ruble": {"rub", "rub", 1}, "rupee": {"inr", "inr", 1},
	"person": {"person", "count:person", 1}, "people": {"person", "count:person", 1},
	// Temperatures keep their scale apart: "warmed by 1.5 degrees Celsius (2.7 degrees
	// Fahrenheit)" is a difference, "a high of 30 degrees Celsius" a reading, and the two convert
	// differently; a Celsius figure is never compared with a Fahrenheit one.
	"celsius": {"celsius", "temperature:c", 1}, "centigrade": {"celsius", "temperature:c", 1},
	"fahrenheit": {"fahrenheit", "temperature:f", 1},
	"mph":        {"mph", "speed", 0.44704}, "kph": {"kph", "speed", 1 / 3.6}, "km/h": {"kph", "speed", 1 / 3.6},
}

var currencySymbols = map[string]string{"$": "dollar", "€": "euro", "£": "sterling", "¥": "yen"}

var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
	"bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12,
}

// qualifiers maps the words before a number to how they widen it: lo and hi multiply the
// value; hi = +Inf for open-ended wording.
var qualifiers = []struct {
	words  string
	lo, hi float64
}{
	{"at least", 1, math.Inf(1)}, {"no fewer than", 1, math.Inf(1)}, {"no less than", 1, math.Inf(1)},
	{"upwards of", 1, math.Inf(1)}, {"more than", 1, math.Inf(1)}, {"over", 1, math.Inf(1)},
	{"above", 1, math.Inf(1)}, {"exceeding", 1, math.Inf(1)}, {"just over", 1, math.Inf(1)},
	{"in excess of", 1, math.Inf(1)}, {"at most", 0, 1}, {"up to", 0, 1}, {"as many as", 0, 1},
	{"as much as", 0, 1}, {"no more than", 0, 1}, {"less than", 0, 1}, {"fewer than", 0, 1},
	{"under", 0, 1}, {"below", 0, 1}, {"just under", 0.8, 1}, {"nearly", 0.8, 1}, {"almost", 0.8, 1},
	{"close to", 0.8, 1.05}, {"about", 0.85, 1.15}, {"around", 0.85, 1.15}, {"roughly", 0.85, 1.15},
	{"approximately", 0.85, 1.15}, {"some", 0.85, 1.15}, {"an estimated", 0.8, 1.2},
	{"estimated", 0.8, 1.2}, {"approx", 0.85, 1.15}, {"circa", 0.85, 1.15},
}

// identifiers are words after which a number names a thing instead of counting it.
var identifiers = map[string]bool{
	"article": true, "section": true, "resolution": true, "chapter": true, "flight": true,
	"route": true, "highway": true, "room": true, "number": true, "no": true, "game": true,
	"round": true, "stage": true, "level": true, "phase": true, "act": true, "rule": true,
	"amendment": true, "apollo": true, "boeing": true, "airbus": true, "covid": true, "page": true,
	"version": true, "model": true, "series": true, "gate": true, "platform": true, "line": true,
	"district": true, "zone": true, "ward": true, "pier": true, "terminal": true, "group": true,
	"unit": true, "block": true, "category": true, "grade": true, "class": true, "item": true,
}

// skipUnit are words that follow a number without being its unit.
var skipUnit = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "and": true, "or": true, "the": true,
	"a": true, "an": true, "for": true, "from": true, "by": true, "with": true, "was": true,
	"were": true, "is": true, "are": true, "had": true, "has": true, "have": true, "who": true,
	"that": true, "which": true, "as": true, "than": true, "per": true, "more": true, "other": true,
	"others": true, "after": true, "before": true, "while": true, "since": true, "last": true,
	"this": true, "it": true, "he": true, "she": true, "they": true, "we": true, "be": true,
	"been": true, "will": true, "would": true, "said": true, "into": true, "out": true, "up": true,
	"down": true, "over": true, "under": true, "about": true, "between": true, "among": true, "but": true,
	"s": true, "percentage": false,
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digit
}

// parseDigits reads "2,500", "3.5" and "1.000.000"-free forms; returns the value and precision.
func parseDigits(s string) (float64, float64, bool) {
	if !isDigits(s) {
		return 0, 0, false
	}
	// Commas group thousands when every group after the first has three digits.
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for _, p := range parts[1:] {
			q := p
			if i := strings.IndexByte(q, '.'); i >= 0 {
				q = q[:i]
			}
			if len(q) != 3 {
				return 0, 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	prec := 0.0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		prec = 0.5 * math.Pow(10, -float64(len(s)-i-1))
	}
	return v, prec, true
}

// wordNumber reads a run of number words ("one hundred and five", "twenty-nine") from parts.
// It returns the value and how many parts it used.
func wordNumber(parts []string) (float64, int) {
	total, current := 0.0, 0.0
	used, any := 0, false
	for i, p := range parts {
		if v, ok := smallNumbers[p]; ok {
			if p == "dozen" {
				if current == 0 {
					current = 1
				}
				current *= 12
			} else {
				current += v
			}
			any = true
			used = i + 1
			continue
		}
		if p == "hundred" && any {
			current *= 100
			used = i + 1
			continue
		}
		if s, ok := scales[p]; ok && any && s >= 1e3 && len(p) > 2 {
			total += current * s
			current = 0
			used = i + 1
			continue
		}
		if p == "point" && any && i+1 < len(parts) {
			// "three point one": decimal digits follow, one word each
			frac, scale, k := 0.0, 0.1, i+1
			for ; k < len(parts); k++ {
				d, ok := smallNumbers[parts[k]]
				if !ok || d > 9 || parts[k] == "dozen" {
					break
				}
				frac += d * scale
				scale /= 10
			}
			if k > i+1 {
				current += frac
				used = k
				break
			}
		}
		if p == "and" && any && i+1 < len(parts) {
			if _, ok := smallNumbers[parts[i+1]]; ok {
				continue
			}
		}
		if p == "a" && !any && i+1 < len(parts) && (parts[i+1] == "hundred" || parts[i+1] == "thousand" || parts[i+1] == "dozen" || parts[i+1] == "million" || parts[i+1] == "billion") {
			current, any = 1, true
			continue
		}
		break
	}
	if !any {
		return 0, 0
	}
	return total + current, used
}

// singular turns a plural noun into its singular form, roughly.
func singular(w string) string {
	switch w {
	case "people", "persons":
		return "person"
	case "children":
		return "child"
	case "men":
		return "man"
	case "women":
		return "woman"
	case "feet":
		return "foot"
	case "lives":
		return "life"
	case "series", "species", "news":
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

func splitHyphen(s string) []string {
	if strings.IndexByte(s, '-') < 0 && !strings.Contains(s, "–") {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' })
}

// adjacent reports whether only spaces separate tokens a and b.
func adjacent(text string, a, b Token) bool {
	return strings.TrimSpace(text[a.End:b.Start]) == ""
}

func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// extractQuantities finds the quantities in one sentence's tokens. text is the whole document,
// so that the characters between tokens can be checked.
func extractQuantities(text string, toks []Token) []Quantity_ {
	var out []Quantity_
	for i := 0; i < len(toks); i++ {
		if q, end, ok := readOrdinal(text, toks, i); ok {
			out = append(out, Quantity_{Start: toks[i].Start, End: toks[end].End, Q: q})
			i = end
			continue
		}
		if q, end, ok := readFraction(toks, i); ok {
			out = append(out, Quantity_{Start: toks[i].Start, End: toks[end].End, Q: q})
			i = end
			continue
		}
		q, start, end, next, ok := readNumber(text, toks, i)
		if !ok {
			continue
		}
		out = append(out, Quantity_{Start: toks[start].Start, End: toks[end].End, Q: q})
		i = next - 1
	}
	// "112 of the 225 seats", "nine out of ten voters": the part counts what the whole counts.
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k].Q, &out[k+1].Q
		if a.Unit != "" || b.Unit == "" || a.Tally || b.Tally {
			continue
		}
		switch strings.ToLower(strings.Join(strings.Fields(text[out[k].End:out[k+1].Start]), " ")) {
		case "of", "of the", "out of", "out of the", "of a total of":
			a.Unit, a.Alt, a.Dim, a.Base = b.Unit, b.Alt, b.Dim, b.Base
		}
	}
	return out
}

// verbLike reports whether a word after a number is a verb in the past tense ("82,314 watched",
// "12 died"), not the noun that names what is counted.
func verbLike(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !strings.HasSuffix(w, "hundred")
}

// Quantity_ is a found quantity with its span.
type Quantity_ struct {
	Start, End int
	Q          Quantity
}

// readNumber tries to read a quantity whose number starts at token i. It returns the quantity,
// the first and last token of its span and the index of the first token after it.
func readNumber(text string, toks []Token, i int) (q Quantity, first, last, next int, ok bool) {
	t := toks[i]
	first = i
	var unitParts []string
	consumed := i + 1
	parts := splitHyphen(t.Lower)
	switch {
	case isDigits(t.Text):
		v, p, good := parseDigits(t.Text)
		if !good {
			return q, 0, 0, 0, false
		}
		q.Value, q.Precision = v, p
	case len(parts) == 1 && func() bool { _, n := splitScaleSuffix(t.Lower); return n > 0 }():
		v, _ := splitScaleSuffix(t.Lower)
		q.Value = v
	case len(parts) > 1 && isDigits(parts[0]):
		v, p, good := parseDigits(parts[0])
		if !good {
			return q, 0, 0, 0, false
		}
		q.Value, q.Precision = v, p
		if len(parts) == 2 && isDigits(parts[1]) {
			w, _, good := parseDigits(parts[1])
			if !good {
				return q, 0, 0, 0, false
			}
			if w > v {
				q.Range, q.Low, q.High = true, v, w
			} else {
				q.Tally, q.Low, q.High = true, v, w
			}
		} else {
			unitParts = parts[1:]
		}
	default:
		// number words, perhaps across tokens: "one hundred and five", "twenty-nine", "thirty-day"
		if _, small := smallNumbers[parts[0]]; !small && parts[0] != "a" {
			return q, 0, 0, 0, false // wordNumber reads nothing that starts otherwise
		}
		var words []string
		var tokOf []int
		for j := i; j < len(toks) && j < i+8; j++ {
			if !isWordToken(toks[j].Text) {
				break
			}
			for _, p := range splitHyphen(toks[j].Lower) {
				words = append(words, p)
				tokOf = append(tokOf, j)
			}
		}
		v, n := wordNumber(words)
		if n == 0 {
			return q, 0, 0, 0, false
		}
		lastTok := tokOf[n-1]
		// the rest of a hyphenated token is its unit: "thirty-day", "four-year-old"
		for k := n; k < len(words) && tokOf[k] == lastTok; k++ {
			unitParts = append(unitParts, words[k])
		}
		if words[0] == "one" && n == 1 && len(unitParts) == 0 {
			// "one" is mostly a pronoun; count it only before a unit of measure
			if lastTok+1 >= len(toks) {
				return q, 0, 0, 0, false
			}
			if _, known := units[singular(toks[lastTok+1].Lower)]; !known {
				return q, 0, 0, 0, false
			}
		}
		if words[0] == "a" && n <= 2 {
			return q, 0, 0, 0, false
		}
		q.Value = v
		consumed = lastTok + 1
	}
	// Times, dates and identifiers are not quantities.
	if t.Start > 0 && (text[t.Start-1] == ':' || text[t.Start-1] == '/') {
		return q, 0, 0, 0, false
	}
	if t.End < len(text) && (text[t.End] == ':' || text[t.End] == '/') && t.End+1 < len(text) && text[t.End+1] >= '0' && text[t.End+1] <= '9' {
		return q, 0, 0, 0, false
	}
	if i > 0 {
		if _, isMonth := calendar.Month(toks[i-1].Text); isMonth && isDigits(t.Text) && unicode.IsUpper(rune(toks[i-1].Text[0])) {
			return q, 0, 0, 0, false
		}
		prev := toks[i-1]
		if identifiers[prev.Lower] && unicode.IsUpper(rune(prev.Text[0])) && isDigits(t.Text) {
			return q, 0, 0, 0, false
		}
	}
	if consumed < len(toks) && isDigits(t.Text) {
		if _, isMonth := calendar.Month(toks[consumed].Text); isMonth && unicode.IsUpper(rune(toks[consumed].Text[0])) && q.Value >= 1 && q.Value <= 31 {
			return q, 0, 0, 0, false
		}
	}
	if strings.HasSuffix(t.Lower, "th") || strings.HasSuffix(t.Lower, "st") || strings.HasSuffix(t.Lower, "nd") || strings.HasSuffix(t.Lower, "rd") {
		if len(parts) == 1 && !isWordToken(t.Text) {
			return q, 0, 0, 0, false // "80th"
		}
	}
	// Scale words: "2.4 billion", "350bn" (the tokenizer keeps "350bn" whole).
	if consumed < len(toks) {
		if s, ok := scales[toks[consumed].Lower]; ok && (len(toks[consumed].Lower) > 1 || q.Precision > 0 || text[toks[consumed-1].End] != ' ') {
			q.Value *= s
			q.Precision *= s
			if q.Range || q.Tally {
				q.Low *= s
				q.High *= s
			}
			consumed++
		}
	}
	// Ranges written out: "between 10 and 12", "10 to 12", "six to three" (a tally).
	// The symbol before each figure is the currency of both: "$41 billion to $43 billion".
	sym := 0
	if i > 0 {
		if _, ok := currencySymbols[toks[i-1].Text]; ok && toks[i-1].End == t.Start {
			sym = 1
		}
	}
	between := i-sym > 0 && toks[i-sym-1].Lower == "between"
	if consumed+1 < len(toks) && (toks[consumed].Lower == "to" || (toks[consumed].Lower == "and" && between)) && len(unitParts) == 0 {
		k := consumed + 1
		if _, ok := currencySymbols[toks[k].Text]; ok && sym == 1 && k+1 < len(toks) && toks[k].End == toks[k+1].Start {
			k++
		}
		if q2, _, _, n2, ok2 := readNumber(text, toks, k); ok2 && !q2.Range && !q2.Tally {
			lo, hi := q.Value, q2.Value
			if toks[consumed].Lower == "to" && hi < lo && q2.Unit == "" {
				q.Tally, q.Low, q.High = true, lo, hi
			} else if hi > lo {
				q.Range, q.Low, q.High = true, lo, hi
			}
			if q.Range || q.Tally {
				q.Unit, q.Alt, q.Dim, q.Base = q2.Unit, q2.Alt, q2.Dim, q2.Base
				last = n2 - 1
				next = n2
				first = i - sym
				if between {
					first--
				}
				finish(&q)
				return q, first, last, next, true
			}
		}
	}
	// Currency symbol before, qualifier before that.
	unitWord := ""
	if i > 0 {
		if c, ok := currencySymbols[toks[i-1].Text]; ok && toks[i-1].End == t.Start {
			unitWord = c
			first = i - 1
		}
	}
	last = consumed - 1
	next = consumed
	if len(unitParts) > 0 {
		// "33-page", "four-year-old": the unit is in the token, the head noun follows
		u := unitParts[0]
		setUnit(&q, u)
		if consumed < len(toks) && isWordToken(toks[consumed].Text) && !skipUnit[toks[consumed].Lower] {
			q.Alt = singular(toks[consumed].Lower)
		}
	} else {
		if unitWord == "" && consumed < len(toks) {
			nt := toks[consumed].Lower
			switch {
			case nt == "%":
				unitWord = "%"
				last, next = consumed, consumed+1
			case (nt == "per" || nt == "percentage") && consumed+1 < len(toks) && (toks[consumed+1].Lower == "cent" || toks[consumed+1].Lower == "points" || toks[consumed+1].Lower == "point"):
				unitWord = "percent"
				if toks[consumed+1].Lower != "cent" {
					unitWord = "point"
				}
				last, next = consumed+1, consumed+2
			}
		}
		if unitWord != "" {
			setUnit(&q, unitWord)
			if next < len(toks) && isWordToken(toks[next].Text) && !skipUnit[toks[next].Lower] {
				q.Alt = singular(toks[next].Lower)
			}
			if q.Unit == "usd" || q.Unit == "eur" || q.Unit == "gbp" || q.Unit == "jpy" {
				// "$350 billion in American military aid": what the money is for follows
				for k := next; k < len(toks) && k < next+4; k++ {
					if isWordToken(toks[k].Text) && !skipUnit[toks[k].Lower] {
						q.Alt = singular(toks[k].Lower)
						break
					}
				}
			}
		} else if consumed < len(toks) && isWordToken(toks[consumed].Text) && !skipUnit[toks[consumed].Lower] && !verbLike(toks[consumed].Lower) && adjacent(text, toks[consumed-1], toks[consumed]) {
			w := toks[consumed].Lower
			setUnit(&q, singular(w))
			last, next = consumed, consumed+1
			if consumed+1 < len(toks) && isWordToken(toks[consumed+1].Text) && !skipUnit[toks[consumed+1].Lower] && adjacent(text, toks[consumed], toks[consumed+1]) {
				q.Alt = singular(toks[consumed+1].Lower)
				if _, known := units[q.Alt]; known && q.Dim[:min(len(q.Dim), 6)] == "count:" {
					// "2,500 Ukrainian drones" reads the adjective first; "ten nautical miles" too
					setUnit(&q, q.Alt)
				}
			}
		}
	}
	_, measured := units[q.Unit]
	plural := consumed < len(toks) && strings.HasSuffix(toks[consumed].Lower, "s")
	if isDigits(t.Text) && q.Precision == 0 && q.Value >= 1800 && q.Value <= 2100 && !strings.Contains(t.Text, ",") &&
		unitWord == "" && !measured && !plural && !q.Range && !q.Tally {
		return q, 0, 0, 0, false // a year: the date extractor reads it
	}
	if q.Unit == "" && i > 0 && isDigits(t.Text) {
		prev := toks[i-1]
		partOf := next < len(toks) && (toks[next].Lower == "of" || toks[next].Lower == "out") // "Renewal 112 of the 225 seats"
		if unicode.IsUpper(rune(prev.Text[0])) && i > 1 && !isQualifierWord(prev.Lower) && !partOf {
			return q, 0, 0, 0, false // "Boeing 737", "Resolution 2231"
		}
	}
	// Qualifier before the number (or before its currency symbol).
	for _, ql := range qualifiers {
		w := strings.Fields(ql.words)
		if first-len(w) < 0 {
			continue
		}
		match := true
		for k, x := range w {
			if toks[first-len(w)+k].Lower != x {
				match = false
				break
			}
		}
		if match {
			q.Qualifier = ql.words
			first -= len(w)
			lo, hi := q.Value*ql.lo, q.Value*ql.hi
			if q.Range {
				lo, hi = q.Low*ql.lo, q.High*ql.hi
			}
			q.Low, q.High = lo, hi
			break
		}
	}
	if q.Qualifier == "" && !q.Range && !q.Tally {
		q.Low, q.High = q.Value, q.Value
	}
	finish(&q)
	return q, first, last, next, true
}

func isQualifierWord(w string) bool {
	for _, q := range qualifiers {
		f := strings.Fields(q.words)
		if f[len(f)-1] == w {
			return true
		}
	}
	return false
}

// splitScaleSuffix reads "350bn" or "2.4m" as one token.
func splitScaleSuffix(s string) (float64, int) {
	for _, suf := range []string{"bn", "mn", "tn", "m", "k", "b"} {
		if strings.HasSuffix(s, suf) && isDigits(s[:len(s)-len(suf)]) {
			v, _, ok := parseDigits(s[:len(s)-len(suf)])
			if ok {
				return v * scales[suf], len(suf)
			}
		}
	}
	return 0, 0
}

func setUnit(q *Quantity, w string) {
	w = singular(w)
	if u, ok := units[w]; ok {
		q.Unit, q.Dim, q.Base = u.name, u.dim, u.base
		return
	}
	if w == "point" {
		q.Unit, q.Dim, q.Base = "point", "point", 1
		return
	}
	q.Unit, q.Dim, q.Base = w, "count:"+w, 1
}

func finish(q *Quantity) {
	if q.Dim == "" {
		q.Dim = "count:"
		q.Base = 1
	}
}

var reOrdinal = regexp.MustCompile(`^([0-9]{1,4})(?:st|nd|rd|th)$`)

var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true}

// eventNouns rank occasions rather than state figures: "the 80th anniversary" names the day.
var eventNouns = map[string]bool{"anniversary": true, "birthday": true}

// readOrdinal reads a numeral ordinal and the noun it ranks: "the 87th minute", "its 21st
// title". The frame that follows an "of" is part of what is ranked ("the 42nd minute of the
// second half" is not the 42nd minute of the match), so it goes into the dimension. An ordinal
// without a noun ("on the 23rd") or before a month ("3rd March") is a date's, not a figure.
func readOrdinal(text string, toks []Token, i int) (Quantity, int, bool) {
	m := reOrdinal.FindStringSubmatch(toks[i].Lower)
	if m == nil || i+1 >= len(toks) {
		return Quantity{}, 0, false
	}
	noun := toks[i+1].Lower
	if !isWordToken(toks[i+1].Text) || !adjacent(text, toks[i], toks[i+1]) || skipUnit[noun] || monthNames[noun] || verbLike(noun) || eventNouns[noun] {
		return Quantity{}, 0, false
	}
	v, _ := strconv.Atoi(m[1])
	unit := singular(noun)
	dim := "ordinal:" + unit
	end := i + 1
	if end+1 < len(toks) && toks[end+1].Lower == "of" {
		var frame []string
		for k := end + 2; k < len(toks) && k < end+6 && isWordToken(toks[k].Text); k++ {
			if w := toks[k].Lower; w != "the" && w != "a" {
				frame = append(frame, w)
			}
		}
		dim += ":of:" + strings.Join(frame, "-")
	}
	return Quantity{Value: float64(v), Low: float64(v), High: float64(v), Unit: unit, Dim: dim, Base: 1}, end, true
}

// denominators are the words of a fraction's denominator, singular and plural.
var denominators = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
	"quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
	"eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}

// readFraction reads a fraction written in words as a percentage: "one-fifth", "a third",
// "two thirds", "three-quarters". Only a proportion counts: after "by" ("cut by one-fifth") or
// before "of" ("a third of the lakes"); "a fifth cup" ranks, and "the second half" is a time.
// It returns the quantity and the index of its last token.
func readFraction(toks []Token, i int) (Quantity, int, bool) {
	var num, den float64
	last := i
	if parts := splitHyphen(toks[i].Lower); len(parts) == 2 {
		// "one-fifth", "two-thirds"
		n, okN := smallNumbers[parts[0]]
		d, okD := denominators[parts[1]]
		if !okN || !okD || n == 0 || n >= d || parts[0] == "dozen" {
			return Quantity{}, 0, false
		}
		num, den = n, d
	} else if i+1 < len(toks) {
		// "a third", "one fifth", "two thirds"
		w := toks[i].Lower
		n, okN := smallNumbers[w]
		if w == "a" || w == "an" {
			n, okN = 1, true
		}
		d, okD := denominators[toks[i+1].Lower]
		if !okN || !okD || n == 0 || n >= d || w == "dozen" || (n > 1) != strings.HasSuffix(toks[i+1].Lower, "s") {
			return Quantity{}, 0, false
		}
		num, den, last = n, d, i+1
	} else {
		return Quantity{}, 0, false
	}
	by := i > 0 && toks[i-1].Lower == "by"
	of := last+1 < len(toks) && toks[last+1].Lower == "of"
	if !by && !of {
		return Quantity{}, 0, false
	}
	v := 100 * num / den
	q := Quantity{Value: v, Low: v, High: v, Unit: "percent", Dim: "percent", Base: 1}
	if math.Abs(v-math.Round(v)) > 1e-9 {
		q.Precision = 0.5 // a third is 33%, 33.3% or 33.33%, as a writer rounds it
	}
	return q, last, true
}
