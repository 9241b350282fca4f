package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// Quotes: quoted spans with their speakers, paired across sources by the words they share.
const (
	// QuoteMinWords is the least number of words of a quotation; shorter quoted spans are
	// scare quotes or titles ("flexible realism").
	QuoteMinWords = 3
	// QuoteOverlap is the least overlap coefficient of two quotations' words (shared words over
	// the shorter quotation's words) for them to be one statement, and QuoteShared the least
	// number of shared words. Tuned on testdata/eval, where quotes trimmed differently share
	// all of the shorter one's words and different statements of one speaker share under 0.4.
	QuoteOverlap = 0.6
	QuoteShared  = 3
	// SpeakerLookBack is how many sentences back a pronoun ("he said") looks for the speaker.
	SpeakerLookBack = 3
)

// quote is one quotation in a document.
type quote struct {
	doc        int
	sent       int // the sentence shown for it: where the speaker is named, else where it ends
	start, end int // the quoted words, marks excluded
	text       string
	terms      map[string]bool
	speaker    string // as written ("Peskov"), "" when unknown
	key        string // folded surname
}

// quoteTermStop are words too common to tell two quotations apart; negations are kept.
var quoteTermStop = toSet(`the a an and or of to in on at for is are was were be been it its this that these
	those we i you he she they our my your his her their us me them with as by from has have had will
	would can could do does did so but if than then there here what which who`)

func quoteTerms(toks []facts.Token) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		w := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "'s"), "’s")
		if quoteTermStop[w] || !isLetters(quoteMarks.Replace(w)) {
			continue
		}
		m[stem(w)] = true
	}
	return m
}

// quoteSpans finds the quoted spans of a paragraph text[from:to]: straight and curly double
// quotes, „low-high“ and «guillemets». A closing curly mark that stands where an opening one
// should (after a space, before a word) opens; a quote still open at the end of the paragraph
// runs to its end.
func quoteSpans(text string, from, to int) [][2]int {
	var out [][2]int
	open := -1
	var closer rune
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		prevSpace := i == from || isSpaceOrOpen(lastRune(text[:i]))
		nextRune, _ := utf8.DecodeRuneInString(text[i+n:])
		switch {
		case open >= 0 && (r == closer || (closer == '”' && r == '“' && !prevSpace)):
			out = append(out, [2]int{open, i})
			open = -1
		case open < 0 && (r == '“' || r == '„' || r == '«' || r == '"' || (r == '”' && prevSpace && unicode.IsLetter(nextRune))):
			open = i + n
			switch r {
			case '«':
				closer = '»'
			case '"':
				closer = '"'
			default:
				closer = '”'
			}
		}
		i += n
	}
	if open >= 0 {
		out = append(out, [2]int{open, to})
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isSpaceOrOpen(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–'
}

// extractQuotes finds every quotation of one document with its speaker.
func extractQuotes(d *source.Document, di int, proper map[string]bool) []quote {
	var out []quote
	for a := 0; a < len(d.Sentences); {
		b := a
		for b+1 < len(d.Sentences) && d.Sentences[b+1].Para == d.Sentences[a].Para {
			b++
		}
		if !d.Sentences[a].Heading {
			spans := quoteSpans(d.Text, d.Sentences[a].Start, d.Sentences[b].End)
			for k, sp := range spans {
				prevEnd := d.Sentences[a].Start
				if k > 0 {
					prevEnd = spans[k-1][1]
				}
				nextStart := d.Sentences[b].End
				if k+1 < len(spans) {
					nextStart = spans[k+1][0]
				}
				if q, ok := makeQuote(d, di, sp, prevEnd, nextStart, proper); ok {
					out = append(out, q)
				}
			}
		}
		a = b + 1
	}
	// A quotation attributed to a pronoun takes the speaker of the quotation just before it in
	// the same document when that one is near; a quotation attributed to nobody takes it when
	// both stand in one paragraph (`"This is a repricing," said Raman. "Valuations were
	// built on..."`: a paragraph of quotations is one speaker's).
	for i := range out {
		if i == 0 || out[i].key != "" || out[i-1].key == "" {
			continue
		}
		samePara := d.Sentences[out[i].sent].Para == d.Sentences[out[i-1].sent].Para
		if out[i].speaker == "he" && out[i].sent-out[i-1].sent <= SpeakerLookBack || out[i].speaker == "" && samePara {
			out[i].speaker, out[i].key = out[i-1].speaker, out[i-1].key
		}
		if out[i].speaker == "he" {
			out[i].speaker = ""
		}
	}
	return out
}

// makeQuote builds the quotation text[sp[0]:sp[1]] and looks for its speaker after it (up to
// nextStart) and before it (from prevEnd).
func makeQuote(d *source.Document, di int, sp [2]int, prevEnd, nextStart int, proper map[string]bool) (quote, bool) {
	raw := d.Text[sp[0]:sp[1]]
	toks := facts.Tokenize(raw, sp[0])
	words := 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLetter(r) {
			words++
		}
	}
	if words < QuoteMinWords {
		return quote{}, false
	}
	q := quote{doc: di, start: sp[0], end: sp[1], text: strings.TrimRight(strings.TrimSpace(raw), ",.;: "), terms: quoteTerms(toks)}
	startSent, endSent := d.SentenceAt(sp[0]), d.SentenceAt(max(sp[1]-1, sp[0]))
	if startSent < 0 || endSent < 0 {
		return quote{}, false
	}
	q.sent = endSent
	_, closeLen := utf8.DecodeRuneInString(d.Text[sp[1]:])
	afterStart := min(sp[1]+closeLen, nextStart)
	afterEnd := nextStart
	if e := sentenceEndIn(d, sp[1], nextStart); e < nextStart {
		afterEnd = max(e, afterStart)
	}
	after := d.Text[afterStart:afterEnd]
	beforeStart := max(prevEnd, d.Sentences[startSent].Start)
	before := d.Text[beforeStart:max(sp[0], beforeStart)]
	before = strings.TrimRight(before, "\"“”„«' ")
	if who, _, ok := speakerAfter(after, afterStart, d, proper); ok {
		q.speaker = who
	} else if who, off, ok := speakerBefore(before, beforeStart, d, proper); ok {
		q.speaker = who
		if s := d.SentenceAt(off); s >= startSent && s <= endSent {
			q.sent = s
		}
	}
	if q.speaker == "he" {
		q.speaker = pronounSpeaker(d, sp[0], prevEnd, proper)
	}
	if q.speaker != "" && q.speaker != "he" {
		f := strings.Fields(q.speaker)
		q.key = foldName(f[len(f)-1])
	}
	return q, true
}

// pronounSpeaker resolves "he said" to the name that opens the sentence before the quotation
// (its subject, most often: "Arsenova, speaking from party headquarters, accepted the
// result."), or the quotation's own sentence when it begins before the quotation; "he" when
// neither names anyone, so the previous quotation's speaker may be taken.
func pronounSpeaker(d *source.Document, at, prevEnd int, proper map[string]bool) string {
	k := d.SentenceAt(at)
	for _, j := range []int{k, k - 1} {
		if j < 0 || d.Sentences[j].End <= prevEnd || d.Sentences[j].Para != d.Sentences[k].Para {
			continue
		}
		from, to := max(prevEnd, d.Sentences[j].Start), min(at, d.Sentences[j].End)
		if to <= from {
			continue
		}
		toks := facts.Tokenize(d.Text[from:to], from)
		opening := -1
		if from == d.Sentences[j].Start {
			opening = 0
		}
		for _, m := range namesIn(d.Text, nil, toks, opening, proper) {
			// "Montealto coach Tomas Ledesma": a name before a title qualifies the next one.
			if next := facts.Tokenize(d.Text[m.end:min(m.end+40, len(d.Text))], m.end); len(next) > 0 &&
				d.Text[m.end:next[0].Start] == " " && nameTitles[next[0].Lower] {
				continue
			}
			return m.surface
		}
	}
	return "he"
}

// sentenceEndIn returns the end of the sentence that holds offset off, capped at limit.
func sentenceEndIn(d *source.Document, off, limit int) int {
	s := d.SentenceAt(max(off-1, 0))
	if s < 0 {
		return limit
	}
	return min(d.Sentences[s].End, limit)
}

var pronouns = toSet(`he she they it`)

var auxiliaries = toSet(`had has have was is also then later earlier previously once again has had
	would will`)

// attribution verbs; "according to" is handled apart.
var quoteVerbs = toSet(`said says told added wrote writes stated states declared explained insisted
	warned argued noted recalled replied remarked continued asked acknowledged admitted
	conceded concluded commented announced tweeted posted quipped quoted`)

// participles that attach a quotation to the clause before them: "..., saying: ".
var participles = toSet(`saying adding writing noting warning telling insisting explaining`)

// speakerAfter reads an attribution after a quotation: `," Peskov said`, `," said Ilie
// Munteanu`, `," he told reporters`.
func speakerAfter(s string, base int, d *source.Document, proper map[string]bool) (string, int, bool) {
	toks := facts.Tokenize(s, base)
	if len(toks) > 10 {
		toks = toks[:10]
	}
	for i, t := range toks {
		if !quoteVerbs[t.Lower] || i > 6 {
			continue
		}
		// The speaker is named just before the verb ("Peskov said") or just after it
		// ("said Peskov").
		if i > 0 {
			if pronouns[toks[i-1].Lower] && i == 1 {
				return "he", toks[0].Start, true
			}
			if who, off, ok := lastName(d.Text, toks[:i], t.Start, proper); ok {
				return who, off, true
			}
		}
		// "said Ilie Munteanu", "said chief executive Elena Marchetti"
		if who, off, ok := firstName(d.Text, toks[i+1:], 3, proper); ok {
			return who, off, true
		}
		return "", 0, false
	}
	return "", 0, false
}

// speakerBefore reads an attribution before a quotation: `Peskov said: "`, `According to
// Peskov, "`, `Marcus Feld at Brightwater: "`.
func speakerBefore(s string, base int, d *source.Document, proper map[string]bool) (string, int, bool) {
	toks := facts.Tokenize(s, base)
	trimmed := strings.TrimRight(s, " \t")
	colon := strings.HasSuffix(trimmed, ":")
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-14; i-- {
		t := toks[i]
		if t.Lower == "according" && i+1 < len(toks) && toks[i+1].Lower == "to" {
			return firstName(d.Text, toks[i+2:], 3, proper)
		}
		if participles[t.Lower] && (i == 0 || d.Text[toks[i-1].End:t.Start] == ", ") {
			// "Peskov highly evaluated it, saying, ...": the clause's subject speaks.
			if who, off, ok := firstName(d.Text, toks[:i], i, proper); ok {
				return who, off, true
			}
		}
		if quoteVerbs[t.Lower] {
			if i > 0 && pronouns[toks[i-1].Lower] {
				return "he", toks[i-1].Start, true
			}
			if who, off, ok := lastName(d.Text, toks[:i], t.Start, proper); ok {
				return who, off, true
			}
			if who, off, ok := firstName(d.Text, toks[i+1:], 3, proper); ok {
				return who, off, true
			}
			break // a verb with nobody next to it ("has since been quoted widely:"): the colon decides
		}
	}
	if colon {
		// "Marcus Feld at Brightwater Asset Management:", "CFO Paul Dressler's line of the day:"
		return firstName(d.Text, toks, len(toks), proper)
	}
	return "", 0, false
}

// lastName returns the speaker named before a saying verb that starts at verb: the name just
// before it ("Kremlin spokesman Dmitry Peskov said") or a name followed by its role between
// commas ("Anika Sorensen, Veridian's chief executive, told").
func lastName(text string, toks []facts.Token, verb int, proper map[string]bool) (string, int, bool) {
	from := max(0, len(toks)-10)
	for _, m := range namesIn(text, nil, toks[from:], -1, proper) {
		gap := strings.TrimSpace(text[m.end:verb])
		gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
		// "Danielle Kessler, a Fed governor, had said": auxiliaries and adverbs before the verb.
		for {
			f := strings.Fields(gap)
			if len(f) == 0 || !auxiliaries[strings.ToLower(f[len(f)-1])] {
				break
			}
			gap = strings.TrimSpace(strings.TrimSuffix(gap, f[len(f)-1]))
		}
		if gap == "" || (strings.HasPrefix(gap, ",") && strings.HasSuffix(gap, ",") && len(gap) > 1) {
			return m.surface, m.start, true
		}
	}
	return "", 0, false
}

// firstName returns the first name that begins among the first `within` tokens of toks.
func firstName(text string, toks []facts.Token, within int, proper map[string]bool) (string, int, bool) {
	ms := namesIn(text, nil, toks[:min(len(toks), within+4)], -1, proper)
	if len(ms) == 0 || (len(toks) > within && ms[0].start >= toks[within].Start) {
		return "", 0, false
	}
	return ms[0].surface, ms[0].start, true
}

// sameSpeaker reports whether two speaker keys (folded surnames) are one person.
func sameSpeaker(a, b string) bool { return a == b || sameWord(a, b, true) }

// quoteOverlap is the overlap coefficient of two quotations' words and the number shared.
func quoteOverlap(a, b map[string]bool) (float64, int) {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	m := min(len(a), len(b))
	if m == 0 {
		return 0, 0
	}
	return float64(n) / float64(m), n
}

var (
	quoteMarks      = strings.NewReplacer("-", "", "’", "", "'", "")
	curlyApostrophe = strings.NewReplacer("’", "'")
)

// contractions are spelled out so "doesn't" and "does not" are the same words.
var contractions = strings.NewReplacer("won't", "will not", "can't", "can not", "cannot", "can not",
	"n't", " not", "'re", " are", "'ll", " will", "'ve", " have", "'m", " am")

// normQuote is a quotation's words only, lower case, contractions spelled out.
func normQuote(s string) string {
	var b strings.Builder
	for _, t := range facts.Tokenize(s, 0) {
		b.WriteString(contractions.Replace(curlyApostrophe.Replace(t.Lower)))
		b.WriteByte(' ')
	}
	return b.String()
}

// quoteFindings pairs the quotations of different documents that share their words, joins the
// pairs into statements and judges each statement: named speakers who differ make a conflict,
// the same words (one trimmed from the other) an agreement, other wordings a variant.
func quoteFindings(docs []*source.Document, proper map[string]bool, mentions []mention) []Finding {
	qs := eachCollect(len(docs), func(di int) []quote { return extractQuotes(docs[di], di, proper) })
	// A speaker named by one word must be the surname of someone the story names in full:
	// "Peskov" is, "Russia" in "Russia will examine ..., adding:" is not.
	surnames := map[string]bool{}
	for _, m := range mentions {
		if len(m.words) > 1 {
			surnames[m.words[len(m.words)-1]] = true
		}
	}
	for i := range qs {
		if qs[i].key != "" && !strings.Contains(qs[i].speaker, " ") && !surnames[qs[i].key] {
			qs[i].speaker, qs[i].key = "", ""
		}
	}
	// Candidates: an inverted index on the quotations' words.
	index := postings{}
	for i, q := range qs {
		for t := range q.terms {
			index.add(t, i)
		}
	}
	uf := make(unionFind, len(qs))
	for i := range uf {
		uf[i] = i
	}
	type pair struct {
		a, b  int
		score float64
	}
	var pairs []pair
	for i, q := range qs {
		seen := map[int]bool{}
		terms := make([]string, 0, len(q.terms))
		for t := range q.terms {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		for _, t := range terms {
			for _, j := range index.after(t, i) {
				if seen[j] || qs[j].doc == q.doc {
					continue
				}
				seen[j] = true
				if ov, n := quoteOverlap(q.terms, qs[j].terms); ov >= QuoteOverlap && n >= QuoteShared {
					pairs = append(pairs, pair{i, j, ov})
					uf.union(i, j)
				}
			}
		}
	}
	groups := map[int][]int{}
	for i := range qs {
		groups[uf.find(i)] = append(groups[uf.find(i)], i)
	}
	roots := make([]int, 0, len(groups))
	for r, g := range groups {
		if len(g) > 1 {
			roots = append(roots, r)
		}
	}
	sort.Ints(roots)
	best := map[int]float64{} // group root → its best pair's overlap
	for _, p := range pairs {
		r := uf.find(p.a)
		best[r] = max(best[r], p.score)
	}
	var out []Finding
	for _, r := range roots {
		if f, ok := quoteFinding(docs, qs, groups[r], best[r]); ok {
			out = append(out, f)
		}
	}
	return out
}

func quoteFinding(docs []*source.Document, qs []quote, g []int, score float64) (Finding, bool) {
	// One quotation per document: the longest.
	perDoc := map[int]int{}
	for _, i := range g {
		if j, ok := perDoc[qs[i].doc]; !ok || len(qs[i].text) > len(qs[j].text) {
			perDoc[qs[i].doc] = i
		}
	}
	if len(perDoc) < 2 {
		return Finding{}, false
	}
	ds := make([]int, 0, len(perDoc))
	for d := range perDoc {
		ds = append(ds, d)
	}
	sort.Ints(ds)
	var claims []Claim
	var speakers []string // distinct named speakers, in document order
	var spk []string
	longest := ""
	for _, d := range ds {
		q := qs[perDoc[d]]
		who := q.speaker
		if who == "" {
			who = "unattributed"
		}
		// The value span stays inside the sentence shown (a quotation may run over several).
		sent := docs[q.doc].Sentences[q.sent]
		start, end := max(q.start, sent.Start), min(q.end, sent.End)
		if end < start {
			start, end = sent.Start, sent.Start
		}
		claims = append(claims, Claim{Doc: q.doc, Sentence: q.sent, Start: start, End: end, Value: q.text, Normalized: who})
		spk = append(spk, fmt.Sprintf("%s (%s)", who, docs[q.doc].ID))
		if q.key != "" {
			known := false
			for _, s := range speakers {
				if sameSpeaker(s, q.key) {
					known = true
				}
			}
			if !known {
				speakers = append(speakers, q.key)
			}
		}
		if len(q.text) > len(longest) {
			longest = q.text
		}
	}
	short := shortText(longest, 10)
	f := Finding{Kind: string(facts.Quote), Score: round3(score), Claims: claims}
	switch {
	case len(speakers) > 1:
		f.Status, f.Severity = Conflict, High
		f.Fact = fmt.Sprintf("who said %q", short)
		f.Note = "the same words are attributed to different people: " + listed(spk, ", ")
	default:
		f.Fact = fmt.Sprintf("the quotation %q", short)
		// Trimmed: every quotation's words are words of the longest (function words aside).
		lt := quoteTerms(facts.Tokenize(normQuote(longest), 0))
		trimmed := true
		for _, c := range claims {
			for t := range quoteTerms(facts.Tokenize(normQuote(c.Value), 0)) {
				if !lt[t] {
					trimmed = false
				}
			}
		}
		near := false         // some pair differs in a few words only
		var wordings []string // distinct wordings: closeWording reads only the words
		seen := map[string]bool{}
		for _, c := range claims {
			if w := normQuote(c.Value); !seen[w] {
				seen[w] = true
				wordings = append(wordings, c.Value)
			}
		}
		for i := range wordings {
			for j := i + 1; j < len(wordings) && !near; j++ {
				near = closeWording(wordings[i], wordings[j])
			}
		}
		switch {
		case trimmed:
			f.Status, f.Severity = Agreement, Info
			f.Note = "quoted in the same words (some outlets quote less of it): " + listed(spk, ", ")
		case near:
			f.Status, f.Severity = Variant, Low
			f.Note = "the same statement quoted with some words changed: " + listed(spk, ", ")
		default:
			// Wholly different wording of one statement: a translation or a paraphrase, which
			// an editor cannot settle by comparing words; noted, not flagged.
			f.Status, f.Severity = Agreement, Info
			f.Note = "the same statement in different words (a translation or paraphrase): " + listed(spk, ", ")
		}
	}
	// The ID rests on the words every source quotes and, for a conflict, on the speakers.
	var who []Claim
	if f.Status == Conflict {
		for _, s := range speakers {
			who = append(who, Claim{Normalized: s})
		}
	}
	var qt []string
	for _, c := range claims {
		qt = append(qt, c.Value)
	}
	f.ID = findingID(f.Kind, f.Status, who, sharedWords(qt))
	return f, true
}

// QuoteNearWording is the least share of the shorter quotation's words that the longer one
// holds in the same order (longest common subsequence) for two wordings to be one quotation
// with a few words changed (a misquote, a variant) rather than two translations.
const QuoteNearWording = 0.8

// closeWording reports whether two quotations are the same words with a few changed.
func closeWording(a, b string) bool {
	wa, wb := strings.Fields(normQuote(a)), strings.Fields(normQuote(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	// LCS by dynamic programming over words; quotations are short.
	prev := make([]int, len(wb)+1)
	cur := make([]int, len(wb)+1)
	for i := 1; i <= len(wa); i++ {
		for j := 1; j <= len(wb); j++ {
			switch {
			case wa[i-1] == wb[j-1]:
				cur[j] = prev[j-1] + 1
			case cur[j-1] > prev[j]:
				cur[j] = cur[j-1]
			default:
				cur[j] = prev[j]
			}
		}
		prev, cur = cur, prev
	}
	lcs := prev[len(wb)]
	return lcs < len(wa) && float64(lcs) >= QuoteNearWording*float64(len(wa))
}
