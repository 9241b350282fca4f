package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// Claims: statements with no figure or date that several sources make in similar words, and a
// statement one source makes and another negates.
const (
	// ClaimScore is the least similarity of two sentences to be one claim (higher than
	// PairScore: without a figure to anchor them, only close wording says two sentences make
	// the same statement). On testdata/eval, restatements score 0.6 to 0.85; below 0.6 sentences
	// of one story that share a topic but say different things are common.
	ClaimScore = 0.6
	// NegationScore is the least similarity for a negated statement and its affirmation to
	// conflict ("did not discuss sanctions" against "had discussed sanctions"): lower than
	// ClaimScore, because the negation itself changes the wording, but the negated word must
	// also be shared (see negatedTerms).
	NegationScore = 0.3
	// ClaimMinTerms is the least number of content words of a claim sentence.
	ClaimMinTerms = 5
	// ClaimShared is the least number of content words two sentences share to be compared.
	ClaimShared = 3
)

var negators = toSet(`not no never nor neither cannot`)

// negation is a negated word with the content word after it ("did not discuss sanctions":
// discuss, sanction): a negation is compared only where both are shared.
type negation struct{ word, object string }

// negatedTerms returns what toks negates (the first content word within three words after
// "not", "never", "no" or a "-n't" form, with the content word after it) and the stems stated
// without a negation. "Not only" and "not just" do not negate.
func negatedTerms(toks []facts.Token) (neg []negation, plain map[string]bool) {
	plain = map[string]bool{}
	pending := -1
	for i := 0; i < len(toks); i++ {
		w := toks[i].Lower
		if negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			if i+1 < len(toks) && notNegating[toks[i+1].Lower] {
				i++
				continue
			}
			pending = i
			continue
		}
		terms := contentTerms(toks[i : i+1])
		if len(terms) == 0 {
			continue
		}
		if pending >= 0 && i-pending <= 3 {
			n := negation{word: terms[0]}
			for j := i + 1; j < len(toks) && j <= i+3 && n.object == ""; j++ {
				if ts := contentTerms(toks[j : j+1]); len(ts) > 0 {
					n.object = ts[0]
				}
			}
			if n.object != "" {
				neg = append(neg, n)
			}
			pending = -1
			continue
		}
		pending = -1
		for _, t := range terms {
			plain[t] = true
		}
	}
	return neg, plain
}

var notNegating = toSet(`only just merely simply least`)

// negates reports whether toks hold a negating word at all (see negatedTerms).
func negates(toks []facts.Token) bool {
	for _, t := range toks {
		if w := t.Lower; negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// sortedSet is a sorted list of distinct stems.
type sortedSet []string

func (s sortedSet) has(w string) bool {
	_, ok := slices.BinarySearch(s, w)
	return ok
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// claimFindings pairs sentences of different documents that carry no figure, date or
// quotation by their similarity.
func claimFindings(docs []*source.Document, flat []*facts.Sentence, terms, distinctOf [][]string, prepared []*Passage, c *corpus, opts Options) []Finding {
	// What each candidate sentence negates is found once rather than once per pair; the
	// sentences are prepared on all cores. A sentence prepared for its facts (prepared[i]) is
	// not prepared again.
	type negations struct {
		neg   []negation
		plain []string // sorted stems stated without a negation
	}
	passages := make([]*Passage, len(flat))
	distinct := make([][]string, len(flat))
	negs := make([]negations, len(flat))
	eachIndex(len(flat), func(i int) {
		s := flat[i]
		d := docs[s.Doc]
		if d.Sentences[s.Index].Heading || quoted(d.SentenceText(s.Index)) {
			return
		}
		ds := distinctOf[i]
		if len(ds) < ClaimMinTerms {
			return
		}
		distinct[i] = ds
		if passages[i] = prepared[i]; passages[i] == nil {
			passages[i] = newPassage(terms[i], c)
		}
		if negates(s.Tokens) {
			n, p := negatedTerms(s.Tokens)
			negs[i] = negations{n, sortedKeys(p)}
		} else {
			negs[i] = negations{nil, ds} // with no negation every stem is stated plainly
		}
	})
	var cand []int
	for i, p := range passages {
		if p != nil {
			cand = append(cand, i)
		}
	}
	// Blocking: an inverted index on each sentence's content words, rare words only (a word in
	// more than a fifth of the story's sentences links everything to everything).
	index := postings{}
	ts := newTallies(len(flat))
	for _, i := range cand {
		for _, t := range distinct[i] {
			if c.df[t]*5 <= c.n {
				index.add(t, i)
			}
		}
	}
	// Each sentence is compared with its later candidates on all cores; the pairs are joined in
	// sentence order.
	pairs := eachCollect(len(cand), func(k int) []claimPair {
		i := cand[k]
		js := index.shared(ts, distinct[i], i, ClaimShared, func(t string) bool { return c.df[t]*5 <= c.n },
			func(j int) bool { return flat[j].Doc != flat[i].Doc })
		pairs := make([]claimPair, 0, len(js))
		for _, j := range js {
			// Without a negation on either side the pair can only agree, which sentences with
			// figures or dates do not do here: it is not scored.
			if len(negs[i].neg) == 0 && len(negs[j].neg) == 0 && (len(flat[i].Facts) > 0 || len(flat[j].Facts) > 0) {
				continue
			}
			sc := opts.Scorer.Score(passages[i], passages[j])
			if sc < NegationScore {
				continue
			}
			if w, ok := clashOf(negs[i].neg, negs[i].plain, negs[j].neg, negs[j].plain); ok {
				pairs = append(pairs, claimPair{i, j, sc, Conflict, fmt.Sprintf("one source says %q, the other says it without the negation", w)})
				continue
			}
			// Agreements are for statements with no figure or date: those have their own
			// findings.
			if sc >= ClaimScore && len(flat[i].Facts) == 0 && len(flat[j].Facts) == 0 {
				pairs = append(pairs, claimPair{i, j, sc, Agreement, ""})
			}
		}
		return pairs
	})
	// A negation and the sentences that affirm it make one conflict; agreements join into
	// groups of sentences that say one thing. Each finding shows one sentence per source.
	conflicts := groupPairs(pairs, Conflict, len(flat))
	agreements := groupPairs(pairs, Agreement, len(flat))
	// Each group becomes its finding on all cores; the findings keep the order of the groups.
	made := make([]Finding, len(conflicts)+len(agreements))
	keep := make([]bool, len(made))
	eachIndex(len(made), func(k int) {
		if k < len(conflicts) {
			g := conflicts[k]
			f := claimFinding(docs, flat, terms, g.members, g.best)
			f.Status, f.Severity, f.Note = Conflict, Medium, g.note
			f.Fact = "a statement one source negates: " + shortText(docs[flat[g.members[0]].Doc].SentenceText(flat[g.members[0]].Index), 12)
			f.ID = findingID("claim", Conflict, nil, commonTerms(f.Claims))
			made[k], keep[k] = f, true
			return
		}
		g := agreements[k-len(conflicts)]
		f := claimFinding(docs, flat, terms, g.members, g.best)
		if len(f.Claims) < 2 {
			return
		}
		f.Status, f.Severity = Agreement, Info
		var srcs []string
		for _, cl := range f.Claims {
			srcs = append(srcs, docs[cl.Doc].ID)
		}
		f.Note = "stated in similar words by " + listed(srcs, ", ")
		f.ID = findingID("claim", Agreement, nil, commonTerms(f.Claims))
		made[k], keep[k] = f, true
	})
	var out []Finding
	for k, f := range made {
		if keep[k] {
			out = append(out, f)
		}
	}
	return out
}

// claimPair is two sentences (global indexes) judged to make one claim, or to negate it.
type claimPair struct {
	a, b   int
	score  float64
	status string
	note   string
}

// pairGroup is a connected set of sentences, sorted, with its best pair's score and note.
type pairGroup struct {
	members []int
	best    float64
	note    string
	has     map[int]bool // members, for lookup
}

// groupPairs joins the pairs of one status into connected groups, in a fixed order.
func groupPairs(pairs []claimPair, status string, n int) []pairGroup {
	uf := make(unionFind, n)
	for i := range uf {
		uf[i] = i
	}
	for _, p := range pairs {
		if p.status == status {
			uf.union(p.a, p.b)
		}
	}
	byRoot := map[int]*pairGroup{}
	var roots []int
	for _, p := range pairs {
		if p.status != status {
			continue
		}
		r := uf.find(p.a)
		g, ok := byRoot[r]
		if !ok {
			g = &pairGroup{has: map[int]bool{}}
			byRoot[r] = g
			roots = append(roots, r)
		}
		if p.score > g.best || g.note == "" {
			g.best, g.note = max(g.best, p.score), p.note
		}
		for _, x := range []int{p.a, p.b} {
			if !g.has[x] {
				g.has[x] = true
				g.members = append(g.members, x)
			}
		}
	}
	sort.Ints(roots)
	out := make([]pairGroup, 0, len(roots))
	for _, r := range roots {
		g := byRoot[r]
		sort.Ints(g.members)
		out = append(out, *g)
	}
	return out
}

// quoted reports whether quotation marks hold much of a sentence (a fifth of it or more):
// quotations have their own findings.
func quoted(s string) bool {
	n := 0
	for _, sp := range quoteSpans(s, 0, len(s)) {
		n += sp[1] - sp[0]
	}
	return n*5 >= len(s)
}

// shortText is the first n words of s, with an ellipsis when cut.
func shortText(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " …"
}

// claimFinding makes a finding of sentences (global indexes), the first per document.
func claimFinding(docs []*source.Document, flat []*facts.Sentence, terms [][]string, g []int, score float64) Finding {
	f := Finding{Kind: "claim", Score: round3(score)}
	seen := map[int]bool{}
	for _, i := range g {
		s := flat[i]
		if seen[s.Doc] {
			continue
		}
		seen[s.Doc] = true
		sent := docs[s.Doc].Sentences[s.Index]
		text := docs[s.Doc].Text[sent.Start:sent.End]
		f.Claims = append(f.Claims, Claim{Doc: s.Doc, Sentence: s.Index, Start: sent.Start, End: sent.End,
			Value: text, Normalized: strings.Join(terms[i], " ")})
	}
	sort.Slice(f.Claims, func(i, j int) bool { return f.Claims[i].Doc < f.Claims[j].Doc })
	if len(f.Claims) > 0 {
		f.Fact = "the statement: " + shortText(strings.TrimRight(f.Claims[0].Value, "."), 16)
	}
	return f
}

// negationClash reports whether one sentence negates a word, with its object, that the other
// states plainly with that object; it returns the negated wording.
func negationClash(a, b []facts.Token) (string, bool) {
	na, pa := negatedTerms(a)
	nb, pb := negatedTerms(b)
	return clashOf(na, sortedKeys(pa), nb, sortedKeys(pb))
}

// clashOf is negationClash on what the two sentences negate and state plainly (negatedTerms).
// The plain stems pa and pb are sorted.
func clashOf(na []negation, pa []string, nb []negation, pb []string) (string, bool) {
	if len(na) == 0 && len(nb) == 0 {
		return "", false
	}
	for _, p := range []struct {
		neg          []negation
		plain, other sortedSet
		otherNeg     []negation
	}{{na, pa, pb, nb}, {nb, pb, pa, na}} {
		for _, n := range p.neg {
			negatedThere := false
			for _, m := range p.otherNeg {
				negatedThere = negatedThere || m.word == n.word
			}
			// Negated on one side only, stated plainly with the same object on the other only.
			if !negatedThere && !p.plain.has(n.word) && p.other.has(n.word) && p.other.has(n.object) && len(n.word) > 3 {
				return "not " + n.word + " " + n.object, true
			}
		}
	}
	return "", false
}

// commonTerms is the key of a claim finding: the content words all its sentences share.
func commonTerms(cs []Claim) string {
	var texts []string
	for _, c := range cs {
		texts = append(texts, c.Normalized)
	}
	return sharedWords(texts)
}

// sharedWords returns, sorted and joined, up to eight stems that every text holds. Each
// distinct text is read once, and reading stops when nothing is common any more.
func sharedWords(texts []string) string {
	var common map[string]bool
	read := map[string]bool{}
	for _, t := range texts {
		if read[t] {
			continue
		}
		read[t] = true
		m := map[string]bool{}
		for _, w := range contentTerms(facts.Tokenize(t, 0)) {
			if common == nil || common[w] {
				m[w] = true
			}
		}
		common = m
		if len(common) == 0 {
			break
		}
	}
	out := make([]string, 0, len(common))
	for w := range common {
		out = append(out, w)
	}
	sort.Strings(out)
	return strings.Join(out[:min(len(out), 8)], " ")
}
