package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// Statuses of a finding. Flags (what an editor must look at) are Conflict and Variant.
const (
	Conflict        = "conflict"
	Variant         = "variant"
	Agreement       = "agreement"
	DifferentEvents = "different-events"
)

// Severities, from most to least urgent.
const (
	High   = "high"
	Medium = "medium"
	Low    = "low"
	Info   = "info"
)

// SeverityRank orders severities: high 3 … info 0; unknown names rank -1.
func SeverityRank(s string) int {
	switch s {
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	case Info:
		return 0
	}
	return -1
}

// Options tunes pairing and judging. Zero values take the defaults documented on each field;
// they were tuned on testdata/eval (see compare_test.go and docs/evaluation.md).
type Options struct {
	// Scorer measures passage similarity (default: HybridScorer).
	Scorer Scorer
	// PairScore is the least fact-pair similarity for two facts to be about the same thing
	// (default 0.25). Below it a pair is ignored.
	PairScore float64
	// ConflictScore is the least similarity for differing values to be flagged (default 0.30):
	// higher than PairScore because a false flag costs an editor more than a missed agreement.
	ConflictScore float64
	// DatePairScore is the least similarity for two dates to be paired (default 0.20): lower
	// than PairScore because a date sits in a window of sentences, not in one; date conflicts
	// still need ConflictScore.
	DatePairScore float64
	// EventGapDays: articles published this many days apart or more report different moments;
	// their differing figures are not conflicts (default 2).
	EventGapDays int
}

func (o Options) withDefaults() Options {
	if o.Scorer == nil {
		o.Scorer = NewHybridScorer()
	}
	if o.PairScore == 0 {
		o.PairScore = 0.25
	}
	if o.ConflictScore == 0 {
		o.ConflictScore = 0.30
	}
	if o.DatePairScore == 0 {
		o.DatePairScore = 0.20
	}
	if o.EventGapDays == 0 {
		o.EventGapDays = 2
	}
	return o
}

// Claim is one source's statement of a finding's value.
type Claim struct {
	Doc, Sentence int
	Start, End    int    // the value's span in the document
	Value         string // the wording
	Normalized    string // the value after normalisation ("30 day")
}

// Finding is a judged group of claims about one fact.
type Finding struct {
	ID       string
	Status   string
	Kind     string
	Severity string
	Fact     string // the fact in words
	Note     string // how it was judged, for the editor
	Score    float64
	Claims   []Claim
	// Sources is the number of sources that state the finding; Claims lists at most
	// MaxClaims of them.
	Sources int
}

// node is one fact with its prepared context.
type node struct {
	sent  int // global sentence index
	fact  facts.Fact
	local []string        // stems near the value, sorted, each once
	subj  map[string]bool // the named subject of a number (subjectOf)
	when  sentenceTime    // the dates of the fact's sentence
	prior bool            // an earlier value set beside the current one (isPrior)
	// measure is what a figure without a unit measures, from a measure noun near it ("the
	// death toll rose to 26", "23 dead"): "deaths", "attendance", "turnout" or "total".
	measure string
	role    figureRole // a change or a level (roleOf)
	stage   countStage // a preliminary or a final account (stageOf)
}

type edge struct {
	a, b   int // node indexes
	score  float64
	status string
	note   string
}

// Compare pairs the facts of sents (as returned by facts.Extract for docs) across documents and
// returns the findings, sorted by severity, kind and ID.
func Compare(docs []*source.Document, sents [][]facts.Sentence, opts Options) []Finding {
	opts = opts.withDefaults()
	var flat []*facts.Sentence
	for di := range sents {
		for si := range sents[di] {
			flat = append(flat, &sents[di][si])
		}
	}
	c := &corpus{df: map[string]int{}, n: len(flat)}
	terms := make([][]string, len(flat))
	distinct := make([][]string, len(flat)) // each sentence's terms sorted, each once
	eachIndex(len(flat), func(i int) {
		terms[i] = contentTerms(flat[i].Tokens)
		distinct[i] = distinctTerms(terms[i])
	})
	for _, ts := range distinct {
		for _, t := range ts {
			c.df[t]++
		}
	}
	c.prepare()
	proper := properWords(docs, flat)
	story := facts.StoryReference(docs)
	passages := make([]*Passage, len(flat))
	windows := make([]*Passage, len(flat))
	// Each sentence's facts are prepared on all cores, then numbered in sentence order.
	nodesIn := make([][]node, len(flat))
	eachIndex(len(flat), func(i int) {
		s := flat[i]
		if len(s.Facts) == 0 {
			return
		}
		passages[i] = newPassage(terms[i], c)
		hasDate := false
		st := timeOf(docs[s.Doc], s.Facts, story)
		if len(st.days) == 0 && !st.past && i > 0 && anaphoricTime(s.Tokens) {
			// "At that time the talks lasted five hours": the moment of the sentence before.
			if p := flat[i-1]; p.Doc == s.Doc && docs[s.Doc].Sentences[p.Index].Para == docs[s.Doc].Sentences[s.Index].Para {
				st = timeOf(docs[s.Doc], p.Facts, story)
			}
		}
		var prev map[string]bool
		earlier := priorSentence(s.Tokens)
		stage := stageOf(s.Tokens)
		for k, f := range s.Facts {
			n := node{sent: i, fact: f, local: localTerms(s.Tokens, f), when: st, stage: stage}
			if f.Kind == facts.Number {
				n.subj = subjectOf(docs[s.Doc].Text, s.Tokens, s.Facts, k, prev, proper)
				n.prior = earlier || isPrior(s.Tokens, f)
				n.measure = measureOf(s.Tokens, f)
				n.role = roleOf(s.Tokens, f)
				prev = n.subj
			}
			nodesIn[i] = append(nodesIn[i], n)
			hasDate = hasDate || f.Kind == facts.Date
		}
		if hasDate {
			windows[i] = windowPassage(flat, terms, i, c)
		}
	})
	var nodes []node
	nodesOf := make([][]int, len(flat))
	for i, ns := range nodesIn {
		for _, n := range ns {
			nodesOf[i] = append(nodesOf[i], len(nodes))
			nodes = append(nodes, n)
		}
	}
	// Claims need neither the facts nor their edges: they are found beside the facts' pairing,
	// which keeps both cores busy while the clustering runs on one.
	claims := make(chan []Finding, 1)
	go func() { claims <- claimFindings(docs, flat, terms, distinct, passages, c, opts) }()
	edges := pairEdges(docs, flat, passages, windows, distinct, nodes, nodesOf, c, opts)
	out := cluster(docs, flat, nodes, edges, c, opts)
	mentions := nameMentions(docs, flat, proper)
	out = append(out, nameVariants(docs, flat, mentions)...)
	out = append(out, quoteFindings(docs, proper, mentions)...)
	out = append(out, <-claims...)
	uniqueIDs(docs, out)
	limitClaims(out)
	sortFindings(out)
	return out
}

// WindowDiscount scales the similarity of two sentence windows before it stands for the
// similarity of the sentences: three sentences share more words by chance than one.
const WindowDiscount = 0.9

// windowPassage joins sentence i with its neighbours in the same document.
func windowPassage(flat []*facts.Sentence, terms [][]string, i int, c *corpus) *Passage {
	var ts []string
	for j := max(0, i-1); j <= min(len(flat)-1, i+1); j++ {
		if flat[j].Doc == flat[i].Doc {
			ts = append(ts, terms[j]...)
		}
	}
	return newPassage(ts, c)
}

// localTerms returns the stems within a few words of the fact, the words that say what is counted.
func localTerms(toks []facts.Token, f facts.Fact) []string {
	first, last := factTokens(toks, f)
	if first < 0 {
		return nil
	}
	lo, hi := max(0, first-5), min(len(toks), last+6)
	var win []facts.Token
	win = append(win, toks[lo:first]...)
	win = append(win, toks[last+1:hi]...)
	// the unit inside a hyphenated value ("33-page") counts as context too
	win = append(win, toks[first:last+1]...)
	ts := contentTerms(win)
	slices.Sort(ts)
	return slices.Compact(ts)
}

// factTokens returns the first and last index of the tokens that overlap the fact's span, or
// -1, -1 when none does.
func factTokens(toks []facts.Token, f facts.Fact) (first, last int) {
	first, last = -1, -1
	for i, t := range toks {
		if t.End > f.Start && t.Start < f.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// weightedJaccard is the IDF-weighted Jaccard similarity of two sorted sets of stems. The sums
// run in the order of the stems, so the figure is the same on every run (summed in map order,
// it differed in the last bits and reordered ties).
func weightedJaccard(a, b []string, c *corpus) float64 {
	inter, union := 0.0, 0.0
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			union += c.idf(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			union += c.idf(b[j])
			j++
		default:
			w := c.idf(a[i])
			union += w
			inter += w
			i++
			j++
		}
	}
	if union == 0 {
		return 0
	}
	return inter / union
}

// pairEdges finds candidate sentence pairs through an inverted index on content words and
// judges the facts they share.
func pairEdges(docs []*source.Document, flat []*facts.Sentence, passages, windows []*Passage, distinct [][]string, nodes []node, nodesOf [][]int, c *corpus, opts Options) []edge {
	// Words in more than a tenth of the sentences (and at least 50) do not block: they would
	// make every sentence a candidate of every other.
	maxDF := max(50, c.n/10)
	index := postings{}
	// A sentence blocks on its own terms (distinct, from Compare), a dated one on its window's.
	block := make([][]string, len(passages))
	eachIndex(len(passages), func(i int) {
		switch {
		case passages[i] == nil:
		case windows[i] != nil:
			block[i] = distinctTerms(windows[i].Terms)
		default:
			block[i] = distinct[i]
		}
	})
	for i, terms := range block {
		for _, t := range terms {
			if c.df[t] <= maxDF {
				index.add(t, i)
			}
		}
	}
	ts := newTallies(len(passages))
	// Each sentence is scored against its later candidates on all cores; the edges are joined
	// in sentence order, as a single pass would make them.
	return eachCollect(len(passages), func(i int) []edge {
		p := passages[i]
		if p == nil {
			return nil
		}
		cands := index.shared(ts, block[i], i, 1, func(t string) bool { return c.df[t] <= maxDF },
			func(j int) bool { return flat[j].Doc != flat[i].Doc })
		var edges []edge
		for _, j := range cands {
			ss := opts.Scorer.Score(p, passages[j])
			sw := 0.0
			if windows[i] != nil && windows[j] != nil {
				sw = opts.Scorer.Score(windows[i], windows[j])
			}
			if ss < opts.PairScore*0.6 && sw < opts.PairScore*0.6 {
				continue
			}
			edges = append(edges, judgeSentencePair(docs, nodes, nodesOf[i], nodesOf[j], ss, sw, c, opts)...)
		}
		return edges
	})
}

// judgeSentencePair pairs the facts of two sentences one to one, best local match first.
//
// ss is the similarity of the two sentences, sw that of their windows (the sentence with its
// neighbours): a date is often stated a sentence away from what it dates ("On December 7,
// Russia finally took action. Peskov said he welcomed the strategy."), so date facts take the
// better of the two, discounted a little for the wider view.
func judgeSentencePair(docs []*source.Document, nodes []node, as, bs []int, ss, sw float64, c *corpus, opts Options) []edge {
	type cand struct {
		a, b         int
		score, order float64
		status, note string
	}
	var cs []cand
	for _, a := range as {
		for _, b := range bs {
			fa, fb := nodes[a].fact, nodes[b].fact
			if !(comparable(fa, fb) || sameMeasure(nodes[a], nodes[b])) || !sameSubject(nodes[a].subj, nodes[b].subj) ||
				otherRole(nodes[a].role, nodes[b].role) {
				continue
			}
			sim, least := ss, opts.PairScore
			if fa.Kind == facts.Date {
				sim, least = max(ss, WindowDiscount*sw), opts.DatePairScore
			}
			local := weightedJaccard(nodes[a].local, nodes[b].local, c)
			score := 0.7*sim + 0.3*local
			if fa.Kind == facts.Number && digitSlip(fa.Quantity, fb.Quantity) {
				score += SlipBonus
			}
			if score < least {
				continue
			}
			status, note := judge(docs, fa, fb, opts)
			// A window of neighbouring sentences may find two dates of one story alike; a
			// conflict must rest on the dates' own sentences.
			if status == Conflict && fa.Kind == facts.Date && 0.7*ss+0.3*local < opts.ConflictScore {
				continue
			}
			if status == Conflict && strings.HasPrefix(note, spanNote) && 0.7*ss+0.3*local < SpanConflictScore {
				continue
			}
			// An earlier figure ("up from 58.9%") may agree with a figure stated alone ("turnout
			// then was 58.9%"), which tells which moment the other one speaks of; it never
			// conflicts with a current figure.
			if status == "" || (nodes[a].prior != nodes[b].prior && status != Agreement) {
				continue
			}
			if status == Conflict && fa.Kind == facts.Number {
				if apart, why := differentMoments(nodes[a].when, nodes[b].when); apart {
					status, note = DifferentEvents, why
				}
			}
			if status == Conflict && otherStage(nodes[a].stage, nodes[b].stage) {
				status, note = DifferentEvents, "a preliminary and a final account: different moments of the count"
			}
			// Two facts of one sentence often score alike against a third ("On December 7,
			// two days after the release"): the agreeing reading goes first.
			order := score
			if status == Agreement {
				order += AgreementPreference
				if sameFigure(fa, fb) {
					order += FigurePreference
				}
			}
			cs = append(cs, cand{a, b, score, order, status, note})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].order > cs[j].order })
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out []edge
	for _, x := range cs {
		if usedA[x.a] || usedB[x.b] {
			continue
		}
		usedA[x.a], usedB[x.b] = true, true
		out = append(out, edge{a: x.a, b: x.b, score: x.score, status: x.status, note: x.note})
	}
	return out
}

// AgreementPreference is the lead an agreeing fact pair gets over a differing one when facts
// are paired one to one. It exceeds any similarity, so agreements pair first and a conflict is
// only drawn between facts that have no agreeing partner in the other sentence: "as many as 120
// seats in the 225-seat assembly" against "112 seats" pairs 120 with 112, not 225 with 112.
const AgreementPreference = 1.0

// FigurePreference is the further lead of two facts stating one specific figure exactly
// ("58.9%" and "58.9 percent"): the same precise number in two sentences is rarely chance, so
// it outweighs the few context words that favour another pairing ("Turnout was 61.4%, up from
// 58.9%" against "Turnout then was 58.9 percent").
const FigurePreference = 0.15

// SlipBonus is the similarity added to two precise figures that differ as a slip of the pen
// does (82,314 and 83,214; 1,200 and 2,100): like the same precise figure, such a pair in one
// story is rarely chance, so its sentences need fewer words in common to be paired.
const SlipBonus = 0.1

// digitSlip reports whether two whole figures of four or more digits differ only by swapped
// digits or by one digit.
func digitSlip(a, b *facts.Quantity) bool {
	if a == nil || b == nil || a.Range || b.Range || a.Tally || b.Tally {
		return false
	}
	va, vb := a.Value*a.Base, b.Value*b.Base
	if va == vb || va < 1000 || vb < 1000 || va != math.Trunc(va) || vb != math.Trunc(vb) || va > 1e15 || vb > 1e15 {
		return false
	}
	da, db := strconv.FormatFloat(va, 'f', 0, 64), strconv.FormatFloat(vb, 'f', 0, 64)
	if len(da) != len(db) {
		return false
	}
	diff := 0
	for i := range da {
		if da[i] != db[i] {
			diff++
		}
	}
	if diff == 1 {
		return true
	}
	sa, sb := []byte(da), []byte(db)
	sort.Slice(sa, func(i, j int) bool { return sa[i] < sa[j] })
	sort.Slice(sb, func(i, j int) bool { return sb[i] < sb[j] })
	return diff == 2 && string(sa) == string(sb)
}

// sameFigure reports whether two number facts state the same exact, specific figure: neither
// qualified nor a range, and not a small whole number, which texts share by chance.
func sameFigure(a, b facts.Fact) bool {
	qa, qb := a.Quantity, b.Quantity
	if a.Kind != facts.Number || qa == nil || qb == nil || qa.Qualifier != "" || qb.Qualifier != "" || qa.Range || qb.Range || qa.Tally || qb.Tally {
		return false
	}
	va, vb := qa.Value*qa.Base, qb.Value*qb.Base
	if va != vb {
		return false
	}
	return math.Abs(qa.Value) > 12 || qa.Value != math.Trunc(qa.Value)
}

// comparable reports whether two facts measure the same kind of thing.
func comparable(a, b facts.Fact) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case facts.Number:
		qa, qb := a.Quantity, b.Quantity
		if qa.Tally != qb.Tally {
			return false
		}
		if qa.Dim != qb.Dim {
			return false
		}
		if strings.HasPrefix(qa.Dim, "count:") {
			if qa.Unit == "" || qb.Unit == "" {
				return bareLevels(qa, qb)
			}
			return qa.Unit == qb.Unit
		}
		return true
	case facts.Date:
		// A year against a day says too little to be the same statement.
		ga, gb := a.When.Grain, b.When.Grain
		return (ga == facts.GrainYear) == (gb == facts.GrainYear)
	}
	return false
}

// bareLevels reports whether two figures without a unit can be one level ("closed at
// 38,412" and "closed at 38,214"): both large, and within a tenth of each other. Small bare
// numbers are too often unrelated to pair on words alone.
func bareLevels(a, b *facts.Quantity) bool {
	if a.Unit != "" || b.Unit != "" || a.Range || b.Range {
		return false
	}
	va, vb := math.Abs(a.Value), math.Abs(b.Value)
	return min(va, vb) >= 1000 && max(va, vb) <= 1.1*min(va, vb)
}

// judge decides what two comparable facts say to each other; "" means nothing worth reporting.
func judge(docs []*source.Document, a, b facts.Fact, opts Options) (string, string) {
	switch a.Kind {
	case facts.Number:
		return judgeNumbers(docs, a, b, opts)
	case facts.Date:
		return judgeDates(docs, a, b, opts)
	}
	return "", ""
}

// approximate reports whether a quantity is a figure with slack on both sides ("about 180").
func approximate(q *facts.Quantity) bool {
	return !q.Range && q.Low < q.Value && q.Value < q.High
}

func judgeNumbers(docs []*source.Document, a, b facts.Fact, opts Options) (string, string) {
	qa, qb := a.Quantity, b.Quantity
	if qa.Tally {
		if qa.Low == qb.Low && qa.High == qb.High {
			return Agreement, ""
		}
		return Conflict, ""
	}
	la, ha := qa.Low*qa.Base, qa.High*qa.Base
	lb, hb := qb.Low*qb.Base, qb.High*qb.Base
	tol := math.Max(qa.Precision*qa.Base, qb.Precision*qb.Base)
	if qa.Unit != qb.Unit {
		tol = math.Max(tol, 0.03*math.Max(math.Abs(qa.Value*qa.Base), math.Abs(qb.Value*qb.Base))) // rounding in conversions
	}
	overlap := la <= hb+tol && lb <= ha+tol
	if approximate(qa) && approximate(qb) {
		// "about 180" and "about 210": the spans overlap, but rounding one figure never gives
		// the other. Two approximations agree when each allows the other's figure.
		va, vb := qa.Value*qa.Base, qb.Value*qb.Base
		overlap = lb-tol <= va && va <= hb+tol && la-tol <= vb && vb <= ha+tol
	}
	if overlap {
		note := ""
		if qa.Qualifier != "" || qb.Qualifier != "" || qa.Range || qb.Range {
			note = "consistent: the qualified figure allows the other"
		}
		if qa.Unit != qb.Unit {
			note = "the same amount in different units"
		}
		return Agreement, note
	}
	if farApart(qa, qb) {
		return "", ""
	}
	if gap, ok := publishedGap(docs[a.Doc], docs[b.Doc]); ok && gap >= opts.EventGapDays {
		return DifferentEvents, fmt.Sprintf("the articles were published %d days apart: the figure may have changed", gap)
	}
	return Conflict, ""
}

// farApart reports whether two figures differ by more than a factor of ten without being the
// same digits at another scale: "$4.05 billion" and "$2.41" (a share price), "four people" and
// "9,300 people" are different facts, however alike their sentences. "$4.2 million" against
// "$4.2 billion", or "1,800" against "18,000", is a slip of scale worth a flag, and stays.
func farApart(a, b *facts.Quantity) bool {
	va, vb := math.Abs(a.Value*a.Base), math.Abs(b.Value*b.Base)
	lo, hi := min(va, vb), max(va, vb)
	if lo == 0 || hi <= 10*lo {
		return false
	}
	exp := math.Log10(hi / lo)
	return math.Abs(exp-math.Round(exp)) > 1e-6
}

// publishedGap is the number of days between two articles' publication dates, when both are known.
func publishedGap(a, b *source.Document) (int, bool) {
	if !a.HasPublished() || !b.HasPublished() {
		return 0, false
	}
	d := a.Published.Sub(b.Published).Hours() / 24
	return int(math.Abs(math.Round(d))), true
}

// FormatQuantity writes a quantity in a canonical form: "33 page", "≥150 person", "10–12 km".
func FormatQuantity(q *facts.Quantity) string {
	num := func(v float64) string {
		switch {
		case math.Abs(v) >= 1e9 && math.Mod(v, 1e7) == 0:
			return trimFloat(v/1e9) + " billion"
		case math.Abs(v) >= 1e6 && math.Mod(v, 1e4) == 0:
			return trimFloat(v/1e6) + " million"
		}
		return trimFloat(v)
	}
	var s string
	switch {
	case q.Tally:
		s = num(q.Low) + "-" + num(q.High)
	case q.Range:
		s = num(q.Low) + "–" + num(q.High)
	case q.Qualifier != "":
		s = q.Qualifier + " " + num(q.Value)
	default:
		s = num(q.Value)
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.4f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// findingID derives an ID from what the finding says, not from where: its kind, whether it
// is a flag, key (the unit, the name, the statement's words) and the distinct values of its
// claims. Moving text, inserting a paragraph or adding a source that repeats a value leaves it
// unchanged; a new value makes a new finding, to be reviewed anew. uniqueIDs settles the rare
// collision.
func findingID(kind, status string, claims []Claim, key string) string {
	vals := make([]string, 0, len(claims))
	for _, c := range claims {
		vals = append(vals, c.Normalized)
	}
	sort.Strings(vals)
	vals = slices.Compact(vals)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", kind, statusGroup(status), key)
	for _, v := range vals {
		fmt.Fprintf(h, "%s\x00", v)
	}
	return "f-" + hex.EncodeToString(h.Sum(nil))[:8]
}

// uniqueIDs gives findings that share an ID the suffixes -2, -3 … in the order of their first
// claims' sources and passages, which do not depend on offsets.
func uniqueIDs(docs []*source.Document, fs []Finding) {
	byID := map[string][]int{}
	for i, f := range fs {
		byID[f.ID] = append(byID[f.ID], i)
	}
	for id, is := range byID {
		if len(is) < 2 {
			continue
		}
		key := func(i int) string {
			var b strings.Builder
			for _, c := range fs[i].Claims {
				b.WriteString(docs[c.Doc].ID + "\x00" + docs[c.Doc].SentenceText(c.Sentence) + "\x00")
			}
			return b.String()
		}
		sort.SliceStable(is, func(a, b int) bool { return key(is[a]) < key(is[b]) })
		for k, i := range is[1:] {
			fs[i].ID = fmt.Sprintf("%s-%d", id, k+2)
		}
	}
}

func statusGroup(s string) string {
	if s == Conflict || s == Variant {
		return "flag"
	}
	return s
}

// FormatWhen writes a resolved date or period: "2025-12-07" or "2025-12-01..2025-12-07"; what
// is known of an unresolved one: "Sunday", "12-07", "December".
func FormatWhen(w *facts.When) string {
	if w.From.IsZero() {
		switch {
		case w.DayOfMonth > 0:
			return fmt.Sprintf("%02d-%02d", int(w.Month), w.DayOfMonth)
		case w.HasWeekday:
			return w.Weekday.String()
		case w.Month > 0:
			return w.Month.String()
		}
		return "unresolved"
	}
	if w.From.Equal(w.To) {
		return isoDay(w.From)
	}
	return isoDay(w.From) + ".." + isoDay(w.To)
}

// isoDay is t.Format("2006-01-02") for years 0 to 9999, without the cost of a layout: notes
// are written for every pair of dates judged.
func isoDay(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// measureNouns map the stems of generic measure nouns to what they measure.
var measureNouns = map[string]string{
	"toll": "deaths", "dead": "deaths", "death": "deaths", "kill": "deaths", "fatal": "deaths",
	"turnout": "turnout", "attend": "attendance", "crowd": "attendance", "spectat": "attendance",
}

// measureOf finds what a figure without a unit measures: a measure noun up to eight words
// before it ("put the death toll at 23", "raising the death toll from this week's floods to
// 26") or right after it ("23 dead"). Figures with a unit are measured by their unit.
func measureOf(toks []facts.Token, f facts.Fact) string {
	if f.Quantity == nil || f.Quantity.Unit != "" && f.Quantity.Unit != "dead" {
		return ""
	}
	first, last := factTokens(toks, f)
	if first < 0 {
		return ""
	}
	for k := last + 1; k < min(len(toks), last+2); k++ {
		for _, t := range contentTerms(toks[k : k+1]) {
			if m := measureNouns[t]; m != "" {
				return m
			}
		}
	}
	for k := first - 1; k >= max(0, first-8); k-- {
		for _, t := range contentTerms(toks[k : k+1]) {
			if m := measureNouns[t]; m != "" {
				return m
			}
		}
	}
	return ""
}

// sameMeasure reports whether two figures without a unit measure one thing by their measure
// nouns (23 and 26 as death tolls), which makes them comparable where bare numbers are not.
func sameMeasure(a, b node) bool {
	return a.measure != "" && a.measure == b.measure && a.fact.Kind == facts.Number && b.fact.Kind == facts.Number &&
		!a.fact.Quantity.Tally && !b.fact.Quantity.Tally
}
