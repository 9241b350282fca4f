package facts

import (
	"time"

	"github.com/crosscheck-news/crosscheck/source"
)

// When is a date or period stated in the text, resolved against the publication date.
type When struct {
	From, To time.Time // the calendar days it may mean (inclusive); zero when unresolved
}

type foundWhen struct {
	Start, End int
	W          When
}

func extractDates(d *source.Document, toks []Token, s source.Sentence) []foundWhen { return nil }
