package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/strutil/metrics"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck-news/crosscheck/calendar"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// Name spelling variants. A name is a run of capitalised words (titles, months, weekdays and
// sentence-opening words that are not written as names elsewhere are left out). Two spellings
// are one entity written two ways when, word for word, they agree on a transliteration key
// (skeleton) and are close by Jaro-Winkler; diacritics and hyphens alone also make a variant.
// The thresholds were tuned on the names of testdata/eval (transliterations such as
// Sergei/Sergey, Kyiv/Kiev, Yerlan Zhaksybekov/Erlan Jaksybekov, misspellings such as
// Okafor/Okafer) against look-alikes that are different entities (Iran/Iraq, Austria/Australia,
// Ukraine/Ukrainian, John/Jane).
const (
	// NameWordJW is the least Jaro-Winkler similarity of two single-word names with the same
	// skeleton (Kyiv/Kiev .80 after folding; Iran/Iraq differ in skeleton; Austria/Australia .93
	// but differ in skeleton).
	NameWordJW = 0.78
	// NameLooseJW is the least similarity of a word in a name of two or more words whose
	// skeletons differ, when another word of the name matches: "Timur Yusupov"/"Temur Yusufov".
	NameLooseJW = 0.88
)

// nameTitles are capitalised words that stand before a name but are not part of it.
var nameTitles = toSet(`president vice prime minister foreign secretary spokesman spokeswoman spokesperson
	justice judge chief executive ceo prefect governor mayor senator sen rep representative general gen
	mr mrs ms dr prof professor king queen prince princess sir lord lady deputy chairman chairwoman chair
	director head lead author coach captain striker midfielder defender goalkeeper substitute ambassador
	commissioner chancellor pope state interior finance defence defense economy economic trade
	officer analyst economist researcher dean rector mp leader`)

// mention is one occurrence of a name.
type mention struct {
	doc, sent  int
	start, end int
	surface    string   // as written, words joined by one space
	words      []string // folded words: lower case, no diacritics, no hyphens
}

var jw = &metrics.JaroWinkler{CaseSensitive: false}

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// foldName lowers a word, drops diacritics and hyphens, and spells out letters that do not
// decompose (ø, ł, æ, ß).
func foldName(w string) string {
	w = nameLetters.Replace(w)
	if isASCII(w) {
		return strings.ToLower(w) // decomposing and stripping marks leave ASCII as it is
	}
	t := transform.Chain(norm.NFKD, stripMarks, norm.NFC)
	out, _, err := transform.String(t, w)
	if err != nil {
		out = w
	}
	return strings.ToLower(out)
}

// nameLetters spells out the letters foldName cannot decompose and drops hyphens and
// apostrophes; a Replacer is safe for concurrent use, and building one per word cost more than
// the folding.
var nameLetters = strings.NewReplacer("ø", "o", "Ø", "o", "ł", "l", "Ł", "l", "æ", "ae", "Æ", "ae", "ß", "ss",
	"đ", "d", "Đ", "d", "-", "", "‐", "", "’", "", "'", "")

var skeletonSpellings = strings.NewReplacer("zh", "j", "kh", "h", "ph", "f", "w", "v", "y", "i", "ck", "k")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// skeleton is a transliteration key: common alternative spellings folded (zh/j, kh/h, ph/f,
// w/v, y/i), then vowels dropped and doubled letters collapsed. "kyiv" and "kiev" give "kv",
// "sergei" and "sergey" "srg".
func skeleton(w string) string {
	w = skeletonSpellings.Replace(w)
	var b strings.Builder
	var last rune
	for _, r := range w {
		if strings.ContainsRune("aeiou", r) {
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// derivationSuffixes turn a name into a related word (Ukraine → Ukrainian, Kazakh → Kazakhstan):
// a related word, not a spelling of the same one.
var derivationSuffixes = []string{"a", "n", "an", "ian", "ians", "ans", "ns", "s", "es", "i", "is", "ese", "stan", "ish", "er", "ers"}

func derived(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	// Feminine and masculine forms of a surname are two people: Kowalska/Kowalski.
	if n := len(a); n == len(b) && n > 1 && a[:n-1] == b[:n-1] {
		if x, y := a[n-1], b[n-1]; (x == 'a') != (y == 'a') && strings.IndexByte("iy", x+y-'a') >= 0 {
			return true
		}
	}
	for k, base := range []string{a, strings.TrimRight(a, "aeiouy")} {
		if base != "" && strings.HasPrefix(b, base) {
			rest := b[len(base):]
			for _, s := range derivationSuffixes {
				// Past a dropped final vowel a one-letter rest is a vowel written another
				// way (Dmitry/Dmitri), not a suffix.
				if rest == s && (k == 0 || len(rest) > 1) {
					return true
				}
			}
		}
	}
	return false
}

// sameWord reports whether two folded name words can be one word spelled two ways; loose
// allows a close word whose skeleton differs (used beside a matching word).
func sameWord(a, b string, loose bool) bool {
	if a == b {
		return true
	}
	// A word that extends another is a different word or person: Troms/Tromsø, German/Germany,
	// Tom/Tomas, Daniel/Danielle.
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	if derived(a, b) || utf8.RuneCountInString(a) < 3 || utf8.RuneCountInString(b) < 3 {
		return false
	}
	if skeleton(a) == skeleton(b) && jw.Compare(a, b) >= NameWordJW {
		return true
	}
	return loose && jw.Compare(a, b) >= NameLooseJW && a[0] == b[0]
}

// variantForms reports whether two name forms are one entity spelled differently.
func variantForms(a, b *mention) bool {
	if a.surface == b.surface {
		return false
	}
	switch {
	case len(a.words) == 1 && len(b.words) == 1:
		return sameWord(a.words[0], b.words[0], false)
	case len(a.words) == len(b.words):
		// Word for word: each the same or close, at least one the same by the strict rule.
		strict := 0
		for i := range a.words {
			switch {
			case sameWord(a.words[i], b.words[i], false):
				strict++
			case !sameWord(a.words[i], b.words[i], true):
				return false
			}
		}
		return strict >= 1
	}
	return false
}

// nameMentions finds the names of every sentence.
func nameMentions(docs []*source.Document, flat []*facts.Sentence, proper map[string]bool) []mention {
	return eachCollect(len(flat), func(i int) []mention {
		s := flat[i]
		d := docs[s.Doc]
		if d.Sentences[s.Index].Heading {
			return nil
		}
		return namesIn(d.Text, s, s.Tokens, datelineEnd(d.Text, s.Tokens), proper)
	})
}

// namesIn returns the names among toks, tokens of sentence s; toks[first] opens the sentence
// (its capital is forced, so it counts only if the story writes the word as a name, or a name
// follows it).
func namesIn(text string, s *facts.Sentence, toks []facts.Token, first int, proper map[string]bool) []mention {
	var out []mention
	for i := max(first, 0); i < len(toks); {
		opening := i == first && !(i+1 < len(toks) && nameToken(toks[i+1], false, proper) &&
			text[toks[i].End:toks[i+1].Start] == " ")
		if !nameToken(toks[i], opening, proper) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && text[toks[j-1].End:toks[j].Start] == " " && nameToken(toks[j], false, proper) {
			j++
		}
		// Titles inside a run split it: "Russian President Vladimir Putin".
		from := i
		for k := i; k <= j; k++ {
			if k == j || nameTitles[toks[k].Lower] {
				if m, ok := makeMention(text, s, toks[from:k]); ok {
					out = append(out, m)
				}
				from = k + 1
			}
		}
		i = j
	}
	return out
}

// nameToken reports whether a token can be a word of a name.
func nameToken(t facts.Token, opening bool, proper map[string]bool) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) || strings.Contains(t.Text, ".") {
		return false
	}
	w := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "'s"), "’s")
	if opening && !proper[w] {
		return false
	}
	if stopwords[w] {
		return false
	}
	if _, ok := calendar.Month(w); ok {
		return false
	}
	if _, ok := calendar.Weekday(w); ok {
		return false
	}
	return true
}

// makeMention trims titles and acronyms off a run of name tokens.
func makeMention(text string, s *facts.Sentence, run []facts.Token) (mention, bool) {
	// A leading acronym is a title or an organisation before the name: "CFO Paul Dressler".
	for len(run) > 1 && isAcronym(run[0].Text) {
		run = run[1:]
	}
	if len(run) == 0 || len(run) > 4 {
		return mention{}, false
	}
	m := mention{start: run[0].Start, end: run[len(run)-1].End}
	if s != nil {
		m.doc, m.sent = s.Doc, s.Index
	}
	var surf []string
	for _, t := range run {
		w := strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s")
		if isAcronym(w) {
			return mention{}, false
		}
		surf = append(surf, w)
		m.words = append(m.words, foldName(w))
	}
	last := run[len(run)-1]
	m.end = last.Start + len(strings.TrimSuffix(strings.TrimSuffix(last.Text, "'s"), "’s"))
	m.surface = strings.Join(surf, " ")
	if len(m.words) == 1 && utf8.RuneCountInString(m.words[0]) < 4 {
		return mention{}, false
	}
	return m, true
}

// isAcronym: NATO, US, CEO.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// nameVariants groups the mentions (from nameMentions) into entities and returns one variant finding per entity
// spelled in more than one way, with a claim per source and spelling.
func nameVariants(docs []*source.Document, flat []*facts.Sentence, mentions []mention) []Finding {
	ms := trimNeighbours(append([]mention(nil), mentions...))
	factCount := map[[2]int]int{} // (document, sentence) → number of facts
	for _, s := range flat {
		factCount[[2]int{s.Doc, s.Index}] = len(s.Facts)
	}
	// One representative mention per distinct surface form: its first occurrence per document.
	// Per document and spelling the claim shows the shortest sentence that states no figure,
	// date or quotation (else the shortest): the name is then easy to see, and the passage is not taken for
	// a finding about a figure or a quote.
	facty := func(m mention) bool {
		if strings.ContainsAny(docs[m.doc].SentenceText(m.sent), "\"“”„«") {
			return true
		}
		return factCount[[2]int{m.doc, m.sent}] > 0
	}
	better := func(a, b mention) bool {
		if fa, fb := facty(a), facty(b); fa != fb {
			return fb
		}
		la := docs[a.doc].Sentences[a.sent].End - docs[a.doc].Sentences[a.sent].Start
		lb := docs[b.doc].Sentences[b.sent].End - docs[b.doc].Sentences[b.sent].Start
		return la < lb
	}
	firstOf := map[formKey]int{}
	var forms []string
	formIdx := map[string]int{}
	for i, m := range ms {
		k := formKey{m.surface, m.doc}
		if j, ok := firstOf[k]; !ok || better(m, ms[j]) {
			firstOf[k] = i
		}
		if _, ok := formIdx[m.surface]; !ok {
			formIdx[m.surface] = len(forms)
			forms = append(forms, m.surface)
		}
	}
	rep := make([]*mention, len(forms))
	for i := range ms {
		if f := formIdx[ms[i].surface]; rep[f] == nil {
			rep[f] = &ms[i]
		}
	}
	uf := make(unionFind, len(forms))
	for i := range uf {
		uf[i] = i
	}
	// Forms of one word join forms of one word, longer forms join forms of their length;
	// candidates are blocked by the first letter of the last word's skeleton.
	block := map[string][]int{}
	for i, r := range rep {
		if k := skeleton(r.words[len(r.words)-1]); k != "" {
			key := fmt.Sprintf("%d:%s", min(len(r.words), 2), k[:1])
			block[key] = append(block[key], i)
		}
	}
	keys := make([]string, 0, len(block))
	for k := range block {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b := block[k]
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				if variantForms(rep[b[x]], rep[b[y]]) {
					uf.union(b[x], b[y])
				}
			}
		}
	}
	// A one-word group joins the group of the full name whose last word it is ("Okafor",
	// spelled "Okafer" too, joins "Miriam Okafor"), when exactly one group has that surname.
	lastOf := map[string]map[int]bool{}
	for i, r := range rep {
		if len(r.words) > 1 {
			w := r.words[len(r.words)-1]
			if lastOf[w] == nil {
				lastOf[w] = map[int]bool{}
			}
			lastOf[w][uf.find(i)] = true
		}
	}
	alias := make([]bool, len(forms))
	target := map[int]map[int]bool{} // one-word group root → full-name group roots
	for i, r := range rep {
		if len(r.words) == 1 {
			if gs := lastOf[r.words[0]]; len(gs) > 0 {
				alias[i] = true
				root := uf.find(i)
				if target[root] == nil {
					target[root] = map[int]bool{}
				}
				for g := range gs {
					target[root][g] = true
				}
			}
		}
	}
	roots := make([]int, 0, len(target))
	for r := range target {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	for _, r := range roots {
		if len(target[r]) == 1 {
			for g := range target[r] {
				uf.union(r, g)
			}
		}
	}
	groups := map[int][]int{}
	for i := range forms {
		groups[uf.find(i)] = append(groups[uf.find(i)], i)
	}
	var out []Finding
	for _, g := range groups {
		// Surnames written as in the full name are aliases, not spellings; a form that holds
		// another form of the group and more words ("Kazakhstan Erlan Jaksybekov") is a run
		// that took in a neighbouring name.
		var keep []int
		for _, fi := range g {
			if alias[fi] && len(g) > 1 {
				continue
			}
			wider := false
			for _, fj := range g {
				if fj != fi && len(rep[fj].words) < len(rep[fi].words) && len(rep[fj].words) > 1 &&
					strings.HasSuffix(" "+rep[fi].surface, " "+rep[fj].surface) {
					wider = true
				}
			}
			if !wider {
				keep = append(keep, fi)
			}
		}
		g = keep
		if len(g) < 2 {
			continue
		}
		if f, ok := nameFinding(docs, ms, firstOf, forms, g); ok {
			out = append(out, f)
		}
	}
	return out
}

// trimNeighbours cuts a leading word off a run of three or more words when that word is a name
// of its own elsewhere and the rest is a name elsewhere: "Kazakhstan Erlan Jaksybekov" in
// "the Republic of Kazakhstan Erlan Jaksybekov" is Kazakhstan, then the minister.
func trimNeighbours(ms []mention) []mention {
	seen := map[string]bool{}
	for _, m := range ms {
		seen[strings.Join(m.words, " ")] = true
	}
	for i := range ms {
		m := &ms[i]
		if len(m.words) >= 3 && seen[m.words[0]] && seen[strings.Join(m.words[1:], " ")] {
			cut := strings.IndexByte(m.surface, ' ')
			m.start += cut + 1
			m.surface = m.surface[cut+1:]
			m.words = m.words[1:]
		}
	}
	return ms
}

// formKey is a spelling in one document.
type formKey struct {
	surface string
	doc     int
}

func nameFinding(docs []*source.Document, ms []mention, firstOf map[formKey]int, forms []string, g []int) (Finding, bool) {
	var claims []Claim
	lettersDiffer := false
	var folded0 string
	for _, fi := range g {
		for di := range docs {
			mi, ok := firstOf[formKey{forms[fi], di}]
			if !ok {
				continue
			}
			m := ms[mi]
			f := strings.Join(m.words, " ")
			if folded0 == "" {
				folded0 = f
			} else if f != folded0 {
				lettersDiffer = true
			}
			claims = append(claims, Claim{Doc: m.doc, Sentence: m.sent, Start: m.start, End: m.end, Value: m.surface, Normalized: f})
		}
	}
	docsSeen := map[int]bool{}
	for _, c := range claims {
		docsSeen[c.Doc] = true
	}
	if len(claims) < 2 {
		return Finding{}, false
	}
	sort.Slice(claims, func(i, j int) bool {
		if claims[i].Doc != claims[j].Doc {
			return claims[i].Doc < claims[j].Doc
		}
		return claims[i].Start < claims[j].Start
	})
	// The fact names the longest spelling used most often.
	count := map[string]int{}
	for _, c := range claims {
		count[c.Value]++
	}
	best := claims[0].Value
	for _, c := range claims {
		n, b := count[c.Value], count[best]
		if n > b || (n == b && (len(c.Value) > len(best) || (len(c.Value) == len(best) && c.Value < best))) {
			best = c.Value
		}
	}
	var parts []string
	for _, c := range claims {
		parts = append(parts, fmt.Sprintf("%q in %s", c.Value, docs[c.Doc].ID))
	}
	f := Finding{
		Status:   Variant,
		Kind:     "name",
		Severity: Low,
		Fact:     "spelling of the name " + best,
		Note:     fmt.Sprintf("spelled %d ways: %s", len(count), listed(parts, "; ")),
		Score:    1,
		Claims:   claims,
	}
	if !lettersDiffer {
		// With and without diacritics or a hyphen is one spelling in two house styles, not a
		// disagreement: reported as agreement so the briefing still shows both forms.
		f.Status, f.Severity = Agreement, Info
		f.Fact = "the name " + best
		f.Note = fmt.Sprintf("written %d ways, with and without diacritics or hyphens: %s", len(count), listed(parts, "; "))
	} else {
		f.Severity = Medium
	}
	if len(docsSeen) < 2 {
		f.Note += "; within one source"
	}
	// The ID rests on the alphabetically first folded spelling: it survives new sources and
	// edits elsewhere in the articles.
	key := claims[0].Normalized
	for _, c := range claims {
		key = min(key, c.Normalized)
	}
	f.ID = findingID(f.Kind, f.Status, nil, key)
	return f, true
}
