package facts

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/source"
)

// FuzzQuantities reads numbers from arbitrary text: no panic, and every span lies inside the
// text and covers the tokens it was read from.
func FuzzQuantities(f *testing.F) {
	for _, s := range []string{"The 33-page report", "at least 150 people, nearly twenty-nine", "$350 billion and 5%",
		"a thirty-day moratorium", "one hundred and five", "112 of the 225 seats", "6-3", "1.5C (2.7F)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range extractQuantities(s, Tokenize(s, 0)) {
			if q.Start < 0 || q.End > len(s) || q.End < q.Start {
				t.Fatalf("quantity span [%d,%d) outside %d bytes", q.Start, q.End, len(s))
			}
		}
	})
}

// FuzzExtractDates reads dates from arbitrary text against a publication date: no panic,
// spans inside the sentence, resolved ranges that do not run backwards.
func FuzzExtractDates(f *testing.F) {
	for _, s := range []string{"On December 7 local time, two days after the release", "on Sunday", "5 Dec, 2025 16:13",
		"3/2/2025", "last week", "earlier this month", "since taking office in January", "Tuesday, March 12, 2026",
		"in 1823", "two days before Dec. 4, 2025"} {
		f.Add(s)
	}
	ref := Reference{Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range extractDates(s, source.Sentence{Start: 0, End: len(s), Line: 1}, ref) {
			if w.Start < 0 || w.End > len(s) || w.End < w.Start {
				t.Fatalf("date span [%d,%d) outside %d bytes", w.Start, w.End, len(s))
			}
			if w.W.Resolved() && w.W.To.Before(w.W.From) {
				t.Fatalf("%q resolved to a range that runs backwards: %v..%v", s[w.Start:w.End], w.W.From, w.W.To)
			}
		}
	})
}
