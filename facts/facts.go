package facts

import (
	"time"

	"github.com/crosscheck-news/crosscheck/source"
)

// Kind is the type of a fact.
type Kind string

// The kinds of fact.
const (
	Number Kind = "number"
	Date   Kind = "date"
	Quote  Kind = "quote"
)

// Fact is one typed value stated in a sentence of a document.
type Fact struct {
	Kind     Kind
	Doc      int // index of the document in the slice given to Extract
	Sentence int // index of the sentence in the document
	// Start and End span the value's wording in the document's text ("at least 150 people").
	Start, End int

	Quantity *Quantity
	When     *When
}

// Text returns the wording of the fact.
func (f Fact) Text(docs []*source.Document) string { return docs[f.Doc].Text[f.Start:f.End] }

// Sentence holds a sentence's tokens and its facts, for the comparison stage.
type Sentence struct {
	Doc, Index int
	Tokens     []Token
	Facts      []Fact
}

// Extract returns every sentence of every document with its tokens and facts. Headlines are
// skipped: they restate the body in fewer words.
func Extract(docs []*source.Document) [][]Sentence {
	out := make([][]Sentence, len(docs))
	story := StoryReference(docs)
	for di, d := range docs {
		out[di] = ExtractDoc(di, d, story)
	}
	return out
}

// ExtractDoc extracts the sentences of one document (di is its index); story holds the known
// publication dates of the story's articles (see StoryReference), used to place dates that
// give no year in an undated article.
func ExtractDoc(di int, d *source.Document, story []time.Time) []Sentence {
	ref := Reference{Dates: story}
	if d.HasPublished() {
		ref.Published = d.Published
	}
	sents := make([]Sentence, 0, len(d.Sentences))
	for si, s := range d.Sentences {
		toks := Tokenize(d.Text[s.Start:s.End], s.Start)
		sent := Sentence{Doc: di, Index: si, Tokens: toks}
		if !s.Heading {
			dates := extractDates(d.Text, s, ref)
			for _, q := range extractQuantities(d.Text, toks) {
				if insideDate(dates, q.Start, q.End) {
					continue // "two days after", "December 7": the date says it
				}
				qq := q.Q
				sent.Facts = append(sent.Facts, Fact{Kind: Number, Doc: di, Sentence: si, Start: q.Start, End: q.End, Quantity: &qq})
			}
			for _, w := range dates {
				if d.DatelineEnd > 0 && w.Start >= d.DatelineStart && w.End <= d.DatelineEnd {
					continue // the dateline's date is when the story was filed: not a fact of it
				}
				ww := w.W
				sent.Facts = append(sent.Facts, Fact{Kind: Date, Doc: di, Sentence: si, Start: w.Start, End: w.End, When: &ww})
			}
		}
		sents = append(sents, sent)
	}
	return sents
}

func insideDate(ds []foundWhen, start, end int) bool {
	for _, d := range ds {
		if start < d.End && d.Start < end {
			return true
		}
	}
	return false
}
