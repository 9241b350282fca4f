// Package gen generates synthetic wire-style stories for benchmarks and accuracy checks at
// scale: many articles about one invented disaster, with planted conflicts (a figure, a date or a
// quotation's speaker that one article gives differently), agreements written in different forms
// (digits and words, weekday and date, kilometres and miles) and look-alike traps (an earlier
// event told in the same words), together with the story's annotations in the evaluation format.
// Output depends only on the seed, the story's index and the number of articles.
package gen

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/evaluate/casefile"
	"github.com/crosscheck-news/crosscheck/source"
)

// File is one generated article.
type File struct {
	Name    string // base name, "000_easternwire.txt"
	Content string
}

// Story is a generated story: its articles and its annotations.
type Story struct {
	Name  string
	Files []File
	Case  casefile.Case // the annotations, in the evaluation's format (case.yaml)
}

// CaseYAML returns the story's annotations as a case.yaml file.
func (s Story) CaseYAML() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(s.Case); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// Size is the number of bytes of article text.
func (s Story) Size() int {
	n := 0
	for _, f := range s.Files {
		n += len(f.Content)
	}
	return n
}

// Write writes the story's articles and case.yaml into dir (created when missing).
func (s Story) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range s.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Content), 0o644); err != nil {
			return err
		}
	}
	data, err := s.CaseYAML()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "case.yaml"), data, 0o644)
}

// story holds what every article of one story agrees on, and the planted differences.
type story struct {
	name                   string
	k                      kind
	slots                  map[string]string
	official, other        string // the quotation's speaker and the one misattributed
	eventDay, warnDay      time.Time
	published              time.Time
	toll, injured, evac    int
	oddValue               int // the toll the odd article gives
	km                     int
	priorToll              int
	priorMonth, priorYear  string
	oddToll, oddDay, oddQu int // the articles that state the toll, the day, the speaker differently
	trapArticle            int
	quote                  int
}

// New generates story number index (0, 1, …) of the corpus of seed, with the given number of
// articles (at least 2).
func New(seed int64, index, articles int) Story {
	articles = max(articles, 2)
	r := rand.New(rand.NewPCG(uint64(seed), uint64(index)*0x9e3779b97f4a7c15+1))
	st := plan(r, index, articles)
	width := max(3, len(strconv.Itoa(articles-1)))
	out := Story{Name: st.name}
	out.Case = casefile.Case{Name: st.name, Event: st.describe()}
	type stated struct {
		id    string
		sents map[string]string // fact → the sentence that states it
		forms map[string]string // fact → the form of its value (digits, words, weekday, date)
	}
	arts := make([]stated, articles)
	for i := range articles {
		// Each article has a generator of its own, so the first articles of a story are the
		// same whatever the story's size.
		ar := rand.New(rand.NewPCG(uint64(seed)^0x5851f42d4c957f2d, uint64(index)<<32|uint64(i)))
		a := st.article(ar, i, width)
		arts[i] = stated{a.id, a.sents, a.forms}
		out.Files = append(out.Files, File{Name: a.id + ".txt", Content: a.text})
		out.Case.Articles = append(out.Case.Articles, casefile.Article{ID: a.id, Source: a.outlet, Published: a.published})
	}
	// Annotations: each fact with the articles that state it in the forms that matter, a few
	// of each so the case stays small whatever the number of articles.
	pick := func(fact string, want func(i int, form string) bool, n int) []casefile.Value {
		var vs []casefile.Value
		for i, a := range arts {
			if len(vs) == n {
				break
			}
			if s, ok := a.sents[fact]; ok && want(i, a.forms[fact]) {
				vs = append(vs, casefile.Value{Article: a.id, Says: a.forms[fact+":value"], Anchor: anchor(s)})
			}
		}
		return vs
	}
	conflict := func(id, fact, what, kind string, odd int) {
		vals := pick(fact, func(i int, _ string) bool { return i == odd }, 1)
		vals = append(vals, pick(fact, func(i int, _ string) bool { return i != odd }, 2)...)
		out.Case.Facts = append(out.Case.Facts, casefile.Fact{ID: id, Fact: what, Kind: kind, Status: "conflict", Values: vals})
	}
	agree := func(id, fact, what, kind string, formA, formB string) {
		not := func(i int) bool { return i != st.oddToll && i != st.oddDay && i != st.oddQu }
		vals := pick(fact, func(i int, f string) bool { return not(i) && f == formA }, 1)
		vals = append(vals, pick(fact, func(i int, f string) bool { return not(i) && f == formB }, 1)...)
		if len(vals) == 2 {
			out.Case.Facts = append(out.Case.Facts, casefile.Fact{ID: id, Fact: what, Kind: kind, Status: "agree", Values: vals})
		}
	}
	conflict("f1", "toll", "death toll of "+st.k.event, "number", st.oddToll)
	conflict("f2", "eventday", "day "+st.k.event+" began ("+st.eventDay.Format("2006-01-02")+")", "date", st.oddDay)
	conflict("f3", "quote", "speaker of the quotation “"+quotes[st.quote]+"”", "quote", st.oddQu)
	agree("f4", "injured", "number of people injured", "number", "digits", "words")
	agree("f5", "evac", "number of people evacuated", "number", "digits", "words")
	agree("f6", "warning", "day the first warning was issued ("+st.warnDay.Format("2006-01-02")+")", "date", "weekday", "date")
	agree("f7", "length", "length of the main road affected", "number", "km", "miles")
	if t := arts[st.trapArticle]; t.sents["trap"] != "" {
		other := (st.trapArticle + 1) % articles
		for other == st.oddToll {
			other = (other + 1) % articles
		}
		out.Case.Traps = append(out.Case.Traps, casefile.Trap{
			ID:       "t1",
			What:     "the toll of an earlier event told in the same words as this one's",
			Articles: []string{t.id, arts[other].id},
			Anchors:  []string{anchor(t.sents["trap"]), anchor(arts[other].sents["toll"])},
			Why:      "the earlier event is dated " + st.priorMonth + " " + st.priorYear + ", a different occasion",
		})
	}
	return out
}

// anchor is a sentence without its final punctuation, as the case file quotes it.
func anchor(s string) string { return strings.TrimRight(s, ".”\"") }

func plan(r *rand.Rand, index, articles int) *story {
	k := kinds[index%len(kinds)]
	town := towns[r.IntN(len(towns))]
	ci := r.IntN(len(countries))
	st := &story{k: k}
	pickName := func() string { return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))] }
	st.official = pickName()
	for st.other = pickName(); strings.Fields(st.other)[1] == strings.Fields(st.official)[1]; st.other = pickName() {
	}
	st.slots = map[string]string{
		"town": town, "region": regions[r.IntN(len(regions))], "country": countries[ci],
		"capital": capitals[ci], "river": rivers[r.IntN(len(rivers))],
		"agency": agencies[r.IntN(len(agencies))], "role": roles[r.IntN(len(roles))],
		"official": st.official, "event": k.event,
	}
	st.name = fmt.Sprintf("%s-%s-%03d", k.name, slug(town), index)
	year := 2024 + r.IntN(3)
	st.eventDay = time.Date(year, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	st.published = st.eventDay.AddDate(0, 0, 1)
	st.warnDay = st.eventDay.AddDate(0, 0, -2)
	st.toll = 6 + r.IntN(40)
	st.injured = 11 + r.IntN(10)
	st.evac = 1000 * (2 + r.IntN(8))
	st.km = 8 * (1 + r.IntN(4))
	// The odd toll and the earlier event's toll differ from every figure of the story, so
	// neither agrees with another fact by chance.
	for st.oddValue = st.toll + 3 + r.IntN(6); st.oddValue >= st.injured && st.oddValue <= st.injured+1; st.oddValue++ {
	}
	for st.priorToll = st.toll + 5 + r.IntN(20); st.priorToll == st.oddValue || st.priorToll == st.injured; st.priorToll++ {
	}
	st.priorMonth = time.Month(1 + r.IntN(12)).String()
	st.priorYear = strconv.Itoa(year - 2 - r.IntN(5))
	st.quote = r.IntN(len(quotes))
	// The odd articles are distinct and not the first, so a story's first articles agree.
	perm := r.Perm(articles - 1)
	odd := func(j int) int { return 1 + perm[j%len(perm)] }
	st.oddToll, st.oddDay, st.oddQu = odd(0), odd(1), odd(2)
	st.trapArticle = odd(3)
	if articles < 5 {
		st.trapArticle = 0
	}
	return st
}

func (st *story) describe() string {
	return fmt.Sprintf("%s near %s, %s, on %s (generated); %d dead, %d injured, %d evacuated",
		st.k.event, st.slots["town"], st.slots["country"], st.eventDay.Format("Monday 2006-01-02"), st.toll, st.injured, st.evac)
}

type article struct {
	id, outlet, published string
	text                  string
	sents                 map[string]string
	forms                 map[string]string
}

func (st *story) article(r *rand.Rand, i, width int) article {
	outlet := outletFirst[r.IntN(len(outletFirst))] + " " + outletSecond[r.IntN(len(outletSecond))]
	a := article{id: fmt.Sprintf("%0*d_%s", width, i, slug(outlet)), outlet: outlet, sents: map[string]string{}, forms: map[string]string{}}
	pub := st.published
	dateline := r.IntN(3) == 0 && i > 0
	if !dateline && r.IntN(5) == 0 {
		pub = pub.AddDate(0, 0, 1) // a day later: still the same news
	}
	slots := st.slots
	fill := func(p string, extra map[string]string) string { return expand(p, slots, extra) }
	state := func(fact, sentence, form, value string) string {
		a.sents[fact], a.forms[fact], a.forms[fact+":value"] = sentence, form, value
		return sentence
	}
	pickP := func(ps []string) string { return ps[r.IntN(len(ps))] }

	// Figures, each in a form of the article's choosing.
	toll := st.toll
	if i == st.oddToll {
		toll = st.oddValue
	}
	tollS := state("toll", fill(pickP(tollPatterns), num(strconv.Itoa(toll))), "digits", strconv.Itoa(toll))
	injForm, injured := "digits", strconv.Itoa(st.injured)
	if r.IntN(2) == 0 {
		injForm, injured = "words", numberWords[st.injured]
	}
	injS := state("injured", fill(pickP(injuredPatterns), num(injured)), injForm, injured)
	evacForm, evac := "digits", thousands(st.evac)
	if r.IntN(2) == 0 {
		evacForm, evac = "words", numberWords[st.evac/1000]+" thousand"
	}
	evacS := state("evac", fill(pickP(evacPatterns), num(evac)), evacForm, evac)
	lenForm, length := "km", strconv.Itoa(st.km)+" kilometres"
	switch r.IntN(3) {
	case 0:
		length = strconv.Itoa(st.km) + " km"
	case 1:
		lenForm, length = "miles", strconv.Itoa(st.km*5/8)+" miles"
	}
	lenS := state("length", fill(pickP(lengthPatterns), map[string]string{"n": length}), lenForm, length)

	// Dates: the weekday alone, or the day of the month.
	day, dayForm := st.dayPhrase(r, st.eventDay, i == st.oddDay)
	dayS := state("eventday", fill(pickP(eventDayPatterns), map[string]string{"day": day}), dayForm, day)
	warn, warnForm := st.dayPhrase(r, st.warnDay, false)
	warnS := state("warning", fill(pickP(warningPatterns), map[string]string{"day": warn}), warnForm, warn)

	// The quotation, given to the other official in one article.
	speaker := st.official
	if i == st.oddQu {
		speaker = st.other
	}
	qS := state("quote", fill(pickP(quotePatterns), map[string]string{"quote": quotes[st.quote], "official": speaker}), "speaker", speaker)
	second := (st.quote + 1 + r.IntN(len(quotes)-1)) % len(quotes)
	q2 := fill(pickP(quotePatterns), map[string]string{"quote": quotes[second]})

	var trapS string
	if i == st.trapArticle {
		trapS = state("trap", fill(pickP(trapPatterns), map[string]string{"prior": st.k.prior, "m": strconv.Itoa(st.priorToll),
			"prior_month": st.priorMonth, "prior_year": st.priorYear}), "", "")
	}

	// Paragraphs: the lead (the event and its day, then the toll), the figures, the quotes and
	// background in an order of the article's own.
	var paras [][]string
	paras = append(paras, []string{dayS, tollS})
	rest := [][]string{{injS, evacS}, {warnS}, {lenS}, {qS}, {q2}}
	if trapS != "" {
		rest = append(rest, []string{trapS})
	}
	fl := r.Perm(len(fillers))
	nf := 40 + r.IntN(12)
	for j := 0; j < nf; j += 2 {
		p := []string{fill(fillers[fl[j]], nil)}
		if j+1 < nf {
			p = append(p, fill(fillers[fl[j+1]], nil))
		}
		rest = append(rest, p)
	}
	r.Shuffle(len(rest), func(x, y int) { rest[x], rest[y] = rest[y], rest[x] })
	paras = append(paras, rest...)

	var b strings.Builder
	headline := fill(pickP(st.k.headline), nil)
	a.published = pub.Format("2006-01-02")
	if dateline {
		// A wire dateline with no year: the loader places it by the story's other articles.
		b.WriteString(headline + "\n\n")
		fmt.Fprintf(&b, "%s, %s %d (%s) - ", slots["capital"], pub.Month(), pub.Day(), outlet)
	} else {
		fmt.Fprintf(&b, "---\ntitle: %q\nsource: %s\npublished: %s\n---\n\n", headline, outlet, a.published)
	}
	for k, p := range paras {
		if k > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(p, " "))
	}
	fmt.Fprintf(&b, "\n\n(Reporting by %s; editing by %s)\n", reporters[r.IntN(len(reporters))], reporters[r.IntN(len(reporters))])
	a.text = b.String()
	return a
}

// dayPhrase writes a day as a weekday ("Tuesday") or a date ("April 14", "14 April"); odd moves
// it a day earlier, the planted date conflict.
func (st *story) dayPhrase(r *rand.Rand, d time.Time, odd bool) (string, string) {
	if odd {
		d = d.AddDate(0, 0, -1)
	}
	switch r.IntN(3) {
	case 0:
		return d.Weekday().String(), "weekday"
	case 1:
		return fmt.Sprintf("%s %d", d.Month(), d.Day()), "date"
	}
	return fmt.Sprintf("%d %s", d.Day(), d.Month()), "date"
}

// num gives a figure for {n}, and capitalised for {N}.
func num(v string) map[string]string {
	return map[string]string{"n": v, "N": capital(v)}
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// expand fills the {slots} of p from extra, then slots; {X_cap} capitalises slot x; {Event} and
// {Cause_cap} are the event and the cause starting a sentence.
func expand(p string, slots, extra map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		b.WriteString(p[:i])
		key := p[i+1 : i+j]
		p = p[i+j+1:]
		b.WriteString(lookup(key, slots, extra))
	}
}

func lookup(key string, slots, extra map[string]string) string {
	if v, ok := extra[key]; ok {
		return v
	}
	switch key {
	case "Event":
		return capital(slots["event"])
	case "cause", "Cause_cap":
		c := expand(kindCause(slots), slots, nil)
		if key == "Cause_cap" {
			return capital(c)
		}
		return c
	}
	if base, ok := strings.CutSuffix(key, "_cap"); ok {
		return capital(lookup(base, slots, extra))
	}
	if v, ok := slots[key]; ok {
		return v
	}
	panic("gen: no slot " + key)
}

func kindCause(slots map[string]string) string {
	for _, k := range kinds {
		if k.event == slots["event"] {
			return k.cause
		}
	}
	return ""
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Load writes the story into dir and loads its articles as a run would (source.Load places
// the wire datelines that give no year).
func (s Story) Load(dir string) ([]*source.Document, error) {
	if err := s.Write(dir); err != nil {
		return nil, err
	}
	files, _ := source.Collect([]string{dir})
	docs, probs := source.Load(context.Background(), files, source.Options{})
	if len(docs) != len(s.Files) {
		return nil, fmt.Errorf("gen: loaded %d of %d articles: %v", len(docs), len(s.Files), probs)
	}
	return docs, nil
}
