package compare

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/calendar"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// subjectOf returns the named subject of a number: the names of its clause before it ("The
// S&P 500 lost 3.1%, and the Nasdaq slid 4.2%": {s&p} for 3.1%, {nasdaq} for 4.2%), stemmed.
// A clause ends at a semicolon, a dash, a comma before a conjunction, a verb of saying (what
// comes before "said" is the source, not the subject) or the previous fact of the sentence; a
// figure with no name of its own ("1,180 points, or 3%") takes the subject of the figure before
// it. Only words the story writes as names count (proper).
//
// Two figures whose subjects share no word are about different things, however alike their
// sentences: the Dow and the Nikkei, Veridian and its rivals.
func subjectOf(text string, toks []facts.Token, fs []facts.Fact, k int, prev map[string]bool, proper map[string]bool) map[string]bool {
	f := fs[k]
	lo := datelineEnd(text, toks)
	for j := 0; j < k; j++ {
		if fs[j].End <= f.Start {
			for i := lo; i < len(toks); i++ {
				if toks[i].Start >= fs[j].End {
					lo = max(lo, i)
					break
				}
			}
		}
	}
	reset := lo
	for i := lo; i < len(toks) && toks[i].End <= f.Start; i++ {
		if sayingVerbs[toks[i].Lower] {
			lo = i + 1
		}
		if i+1 < len(toks) && toks[i+1].Start <= f.Start {
			gap := text[toks[i].End:toks[i+1].Start]
			next := toks[i+1].Lower
			if strings.ContainsAny(gap, ";—–") || strings.Contains(gap, " - ") ||
				(strings.Contains(gap, ",") && clauseWords[next]) {
				lo = i + 1
			}
		}
	}
	m := map[string]bool{}
	for i := lo; i < len(toks) && toks[i].End <= f.Start; i++ {
		if w, ok := nameWord(toks[i], proper); ok {
			m[w] = true
		}
	}
	if len(m) == 0 && prev != nil && lo == reset && lo > 0 {
		return prev
	}
	return m
}

var sayingVerbs = toSet(`said says told according reported reports announced estimated estimates
	stated added confirmed claimed`)

var clauseWords = toSet(`and but while whereas when as`)

// datelineEnd returns the index of the first token after a wire dateline that opens a
// sentence ("NEW YORK, March 9 (Wire) - U.S. stocks ..."), or 0.
func datelineEnd(text string, toks []facts.Token) int {
	for i := 0; i+1 < len(toks) && i < 12; i++ {
		gap := text[toks[i].End:toks[i+1].Start]
		if strings.Contains(gap, ")") && strings.ContainsAny(gap, "-–—") {
			return i + 1
		}
	}
	return 0
}

// nameWord returns the stem of a token that is part of a name: capitalised, not a stop word,
// month or weekday, and written as a name in the story (proper holds its lower-case form).
func nameWord(t facts.Token, proper map[string]bool) (string, bool) {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) {
		return "", false
	}
	w := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "'s"), "’s")
	if stopwords[w] || !proper[w] {
		return "", false
	}
	if _, ok := calendar.Month(w); ok {
		return "", false
	}
	if _, ok := calendar.Weekday(w); ok {
		return "", false
	}
	return stem(w), true
}

// properWords returns the lower-case words the sentences write capitalised more often than not
// where a capital is not forced (after the first word of a sentence and its dateline).
func properWords(docs []*source.Document, flat []*facts.Sentence) map[string]bool {
	upper, lower := map[string]int{}, map[string]int{}
	for _, s := range flat {
		start := datelineEnd(docs[s.Doc].Text, s.Tokens) + 1
		for i := start; i < len(s.Tokens); i++ {
			t := s.Tokens[i]
			w := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "'s"), "’s")
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case unicode.IsUpper(r):
				upper[w]++
			case unicode.IsLetter(r):
				lower[w]++
			}
		}
	}
	m := map[string]bool{}
	for w, n := range upper {
		if n > lower[w] {
			m[w] = true
		}
	}
	return m
}

// sameSubject reports whether two figures can be about one thing: either has no named subject,
// or their subjects share a word.
func sameSubject(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// sentenceTime is what a sentence says about when its figures hold: the resolved date facts
// of the sentence, and whether any of them lies outside the days around its article's
// publication (a figure "last October" belongs to another moment than the day's news).
type sentenceTime struct {
	days []facts.When
	past bool
}

// An undated article is placed by the story: the publication days of the dated articles.
func timeOf(doc *source.Document, fs []facts.Fact, story []time.Time) sentenceTime {
	var st sentenceTime
	gap := DateEventGap * 24 * time.Hour
	var lo, hi time.Time
	switch {
	case doc.HasPublished():
		lo, hi = doc.Published, doc.Published
	case len(story) > 0:
		lo, hi = story[0], story[len(story)-1]
	}
	for _, f := range fs {
		w := f.When
		if f.Kind != facts.Date || w == nil || !w.Resolved() {
			continue
		}
		if strings.HasPrefix(strings.ToLower(doc.Text[f.Start:f.End]), "since ") || periodEnd(doc.Text[:f.Start]) {
			// "the party she has led since 2010 managed 31.2 percent" names a span reaching to
			// now, "net income for the three months to March 31" the end of the period reported
			// now: neither is the moment of the sentence's figures.
			continue
		}
		if w.Grain == facts.GrainDay {
			st.days = append(st.days, *w)
		}
		if !lo.IsZero() && (w.To.Before(lo.Add(-gap)) || w.From.After(hi.Add(gap))) {
			st.past = true
		}
	}
	return st
}

// differentMoments reports whether two sentences date their figures to different moments:
// they name days that do not overlap, or one names a time away from its publication while the
// other names none (an undated figure in the news is the day's figure).
func differentMoments(a, b sentenceTime) (bool, string) {
	if len(a.days) > 0 && len(b.days) > 0 {
		for _, x := range a.days {
			for _, y := range b.days {
				if !x.From.After(y.To) && !y.From.After(x.To) {
					return false, ""
				}
			}
		}
		return true, "the passages date their figures to different days: " + FormatWhen(&a.days[0]) + " and " + FormatWhen(&b.days[0])
	}
	if a.past != b.past {
		return true, "one passage dates its figure away from the day's news, the other does not: an earlier or later figure"
	}
	return false, ""
}

// isPrior reports whether a figure is an earlier value set beside the current one: "rose to
// $612 million from $519 million a year earlier", "up from 3.1%", "compared with 40 last year".
// An earlier figure is compared only with earlier figures.
func isPrior(toks []facts.Token, f facts.Fact) bool {
	first, last := factTokens(toks, f)
	if first < 0 {
		return false
	}
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Lower
	}
	switch {
	case word(first-1) == "from" || word(first-1) == "versus" || word(first-1) == "vs":
		return true
	case word(first-1) == "with" && (word(first-2) == "compared" || word(first-2) == "comparison"):
		return true
	}
	after := word(last+1) + " " + word(last+2) + " " + word(last+3)
	for _, p := range []string{"a year earlier", "a year ago", "a year before", "last year", "the previous year", "the year before"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// anaphoricTime reports whether a sentence places itself at a moment named before it: "At that
// time", "Back then", "On that occasion". Such a sentence takes the dates of the sentence before.
func anaphoricTime(toks []facts.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].Lower, toks[i+1].Lower
		c, d := "", ""
		if i+2 < len(toks) {
			c = toks[i+2].Lower
		}
		if i+3 < len(toks) {
			d = toks[i+3].Lower
		}
		switch {
		case a == "back" && b == "then", a == "by" && b == "then" && i == 0:
			return true
		case (a == "at" || a == "on" || a == "by") && (b == "that" || b == "the") && (c == "time" || c == "occasion" || c == "point") && d != "of":
			// "at the time of writing" is now
			return true
		}
	}
	return false
}

// priorSentence reports whether a sentence opens by placing all of its figures in an earlier
// period: "A year earlier, it reported revenue of $3.7 billion", "In the same quarter last year,
// ...", "For comparison: ...". The opening clause (up to the first comma or colon) must hold the
// period, so "rose to $612 million, from $519 million a year earlier" is left to isPrior.
func priorSentence(toks []facts.Token) bool {
	var clause []string
	for _, t := range toks {
		if t.Lower == "," || t.Lower == ":" || t.Lower == ";" || len(clause) == 12 {
			break
		}
		clause = append(clause, t.Lower)
	}
	c := " " + strings.Join(clause, " ") + " "
	if strings.HasPrefix(c, " for comparison ") || strings.HasPrefix(c, " by comparison ") {
		return true
	}
	for _, p := range []string{" a year earlier ", " a year ago ", " a year before ", " last year ", " the previous year ", " the year before ", " the prior year "} {
		if strings.Contains(c, p) {
			return true
		}
	}
	return false
}

// periodEnd reports whether the text before a date ends with a word that makes the date the end
// of a reported period: "the three months to March 31", "the quarter ended March 31".
func periodEnd(before string) bool {
	fields := strings.Fields(strings.ToLower(before))
	if len(fields) == 0 {
		return false
	}
	switch fields[len(fields)-1] {
	case "to", "ended", "ending", "through", "thru":
		return true
	}
	return false
}
