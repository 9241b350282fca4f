package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/adrg/strutil/metrics"
	"github.com/kljensen/snowball/english"

	"github.com/crosscheck-news/crosscheck/facts"
)

var stopwords = toSet(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves said says say told according
us u.s mr mrs ms one two three also would could may might must shall new s t per cent percent
its it's said, saying added stated however meanwhile`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.Trim(w, ",")] = true
	}
	return m
}

// contentTerms returns the stemmed content words of tokens: letters only, hyphenated words split,
// stop words and numbers dropped.
func contentTerms(toks []facts.Token) []string {
	var out []string
	for _, t := range toks {
		for _, p := range strings.FieldsFunc(t.Lower, func(r rune) bool { return r == '-' || r == '–' || r == '’' || r == '\'' || r == '.' }) {
			if len(p) < 2 || stopwords[p] || !isLetters(p) {
				continue
			}
			out = append(out, stem(p))
		}
	}
	return out
}

// stemCache memoises english.Stem, which costs more than the rest of preparing a sentence: a
// story of thousands of articles has a vocabulary of a few thousand words but stems them
// millions of times. A stem depends on the word alone, so the cache cannot change a result;
// it stops growing at stemCacheMax words, past which words are stemmed each time.
var stemCache struct {
	m sync.Map
	n atomic.Int64
}

const stemCacheMax = 1 << 17

// stem returns the Snowball English stem of a lower-case word.
func stem(w string) string {
	if s, ok := stemCache.m.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if stemCache.n.Load() < stemCacheMax {
		if _, loaded := stemCache.m.LoadOrStore(strings.Clone(w), s); !loaded {
			stemCache.n.Add(1)
		}
	}
	return s
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// vector is a sparse TF-IDF vector, L2-normalised.
type vector struct {
	terms   []string
	weights []float64
}

func (v vector) dot(w vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(v.terms) && j < len(w.terms) {
		switch {
		case v.terms[i] == w.terms[j]:
			s += v.weights[i] * w.weights[j]
			i++
			j++
		case v.terms[i] < w.terms[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// corpus holds document frequencies over all sentences of a story.
type corpus struct {
	df map[string]int
	n  int
	// idfs holds idf of every term of df, computed once (see prepare): the similarity of a
	// candidate pair asks for it several times per term.
	idfs map[string]float64
}

// prepare computes the idf of every term counted in df; later changes to df are not seen.
func (c *corpus) prepare() {
	c.idfs = make(map[string]float64, len(c.df))
	for t := range c.df {
		c.idfs[t] = c.computeIDF(t)
	}
}

func (c *corpus) idf(t string) float64 {
	if w, ok := c.idfs[t]; ok {
		return w
	}
	return c.computeIDF(t)
}

func (c *corpus) computeIDF(t string) float64 {
	return math.Log(float64(c.n+1)/float64(c.df[t]+1)) + 1
}

func (c *corpus) vectorize(terms []string) vector {
	tf := map[string]float64{}
	for _, t := range terms {
		tf[t]++
	}
	keys := make([]string, 0, len(tf))
	for t := range tf {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	v := vector{terms: keys, weights: make([]float64, len(keys))}
	norm := 0.0
	for i, t := range keys {
		w := (1 + math.Log(tf[t])) * c.idf(t)
		v.weights[i] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for i := range v.weights {
		if norm > 0 {
			v.weights[i] /= norm
		}
	}
	return v
}

// Scorer measures how similar two passages are, from 0 to 1. Compare calls it from several
// goroutines at once: Score must be safe for concurrent use.
type Scorer interface {
	Score(a, b *Passage) float64
}

// Passage is a sentence prepared for scoring.
type Passage struct {
	Terms []string // stemmed content words
	Vec   vector
	Plain string // content words joined, for character metrics

	// bigrams of Plain, counted once for HybridScorer instead of once per pair scored.
	grams    []bigram
	runes    int
	prepared bool
}

// bigram is a pair of runes of Plain (21 bits each) and, in the low bigramCountBits bits, how
// often it occurs: one word per bigram keeps the passages of a 10,000-article story small. A
// Passage's bigrams are sorted.
type bigram uint64

const bigramCountBits = 22

func (g bigram) pair() uint64 { return uint64(g) >> bigramCountBits }
func (g bigram) count() int   { return int(g & (1<<bigramCountBits - 1)) }

// newPassage prepares terms for scoring.
func newPassage(terms []string, c *corpus) *Passage {
	p := &Passage{Terms: terms, Vec: c.vectorize(terms), Plain: strings.Join(terms, " ")}
	rs := []rune(p.Plain)
	p.runes = len(rs)
	if len(rs) >= 2 {
		gs := make([]bigram, len(rs)-1)
		for i := range gs {
			gs[i] = bigram((uint64(rs[i])<<21 | uint64(rs[i+1])) << bigramCountBits)
		}
		slices.Sort(gs)
		out := gs[:0]
		for _, g := range gs {
			if n := len(out); n > 0 && out[n-1].pair() == g.pair() && out[n-1].count() < 1<<bigramCountBits-1 {
				out[n-1]++
			} else {
				out = append(out, g+1)
			}
		}
		p.grams = slices.Clone(out) // the unsorted list is garbage now
	}
	p.prepared = true
	return p
}

// dice is the Sorensen-Dice coefficient over character bigrams of two prepared passages, the
// figure metrics.SorensenDice (case-sensitive, bigrams) gives for their Plain texts.
func dice(a, b *Passage) float64 {
	if a.runes == 0 && b.runes == 0 {
		return 1
	}
	total := max(a.runes-1, 0) + max(b.runes-1, 0)
	if total == 0 {
		return 0
	}
	common := 0
	i, j := 0, 0
	for i < len(a.grams) && j < len(b.grams) {
		switch x, y := a.grams[i].pair(), b.grams[j].pair(); {
		case x == y:
			common += min(a.grams[i].count(), b.grams[j].count())
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(total)
}

// HybridScorer averages TF-IDF cosine and Sorensen-Dice over character bigrams of the content
// words: cosine rewards shared rare words, Dice forgives inflection and compound spelling
// ("foreign-policy" and "foreign policy").
type HybridScorer struct{ dice *metrics.SorensenDice }

// NewHybridScorer returns the default scorer.
func NewHybridScorer() *HybridScorer {
	d := metrics.NewSorensenDice()
	d.NgramSize = 2
	return &HybridScorer{dice: d}
}

// Score implements Scorer.
func (h *HybridScorer) Score(a, b *Passage) float64 {
	if a.prepared && b.prepared {
		return 0.5*a.Vec.dot(b.Vec) + 0.5*dice(a, b)
	}
	return 0.5*a.Vec.dot(b.Vec) + 0.5*h.dice.Compare(a.Plain, b.Plain)
}

// Blocking. Candidate pairs come from inverted indexes (postings) on content words: two
// passages are compared only when they share a word. In a story of thousands of articles the
// words of its main facts occur in thousands of passages, and comparing each with all the
// others is quadratic; a posting list longer than PostingCap therefore links each passage only
// to the PostingWindow passages after it in the list (sorted neighbourhood). Passages that say
// one thing still join through chains of neighbours, and a passage that differs is still
// compared with several that agree with each other. Stories of a few dozen articles never
// reach the cap, so their results do not depend on it.
const (
	PostingCap    = 64
	PostingWindow = 12
)

// postings maps a word to the ascending indexes of the passages that hold it. Lists must be
// built in ascending order of index.
type postings map[string][]int

func (p postings) add(t string, i int) { p[t] = append(p[t], i) }

// after returns the indexes after i in t's list that i is compared with: all of them, or the
// PostingWindow next ones when the list is longer than PostingCap.
func (p postings) after(t string, i int) []int {
	l := p[t]
	k, _ := slices.BinarySearch(l, i+1)
	l = l[k:]
	if len(p[t]) > PostingCap && len(l) > PostingWindow {
		l = l[:PostingWindow]
	}
	return l
}

// distinctTerms returns the terms sorted, each once.
func distinctTerms(terms []string) []string {
	d := slices.Clone(terms)
	slices.Sort(d)
	return slices.Compact(d)
}

// shared returns, ascending, the passages after i that share at least least of the distinct
// terms (sorted, each once) for which use holds, through the lists of p (see after), and for
// which keep holds. The hits are counted in a tally borrowed from ts, so no set is built per
// passage.
func (p postings) shared(ts *tallies, distinct []string, i, least int, use func(string) bool, keep func(j int) bool) []int {
	tl := ts.pool.Get().(*tally)
	for _, t := range distinct {
		if !use(t) {
			continue
		}
		for _, j := range p.after(t, i) {
			if tl.count[j] == 0 {
				tl.touched = append(tl.touched, j)
			}
			tl.count[j]++
		}
	}
	var out []int
	for _, j := range tl.touched {
		if int(tl.count[j]) >= least && keep(j) {
			out = append(out, j)
		}
		tl.count[j] = 0
	}
	tl.touched = tl.touched[:0]
	ts.pool.Put(tl)
	slices.Sort(out)
	return out
}

// tallies lends each goroutine of a stage a counter per passage (see shared).
type tallies struct{ pool sync.Pool }

// tally counts hits per passage; touched lists the passages whose count is not 0.
type tally struct {
	count   []uint16 // a sentence has far fewer than 65,536 distinct terms (MaxSentenceBytes)
	touched []int
}

func newTallies(n int) *tallies {
	ts := &tallies{}
	ts.pool.New = func() any { return &tally{count: make([]uint16, n)} }
	return ts
}
