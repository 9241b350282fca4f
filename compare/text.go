package compare

import (
	"math"
	"sort"
	"strings"
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
			out = append(out, english.Stem(p, false))
		}
	}
	return out
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
}

func (c *corpus) idf(t string) float64 {
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

// Scorer measures how similar two passages are, from 0 to 1.
type Scorer interface {
	Score(a, b *Passage) float64
}

// Passage is a sentence prepared for scoring.
type Passage struct {
	Terms []string // stemmed content words
	Vec   vector
	Plain string // content words joined, for character metrics
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
	return 0.5*a.Vec.dot(b.Vec) + 0.5*h.dice.Compare(a.Plain, b.Plain)
}
