package source

import (
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/calendar"
)

// Document is one article as loaded from a file. Text holds the file's content (repaired to valid
// UTF-8 when needed); every span in this package and downstream is a byte offset into Text.
type Document struct {
	ID   string // the file's base name without extension
	Path string // the path as given on the command line (or relative to a directory given)

	Text string

	Title      string
	TitleFrom  string // front-matter, manifest, heading, none
	Outlet     string
	OutletFrom string // front-matter, manifest, banner, copyright, none
	URL        string

	// Published is the publication day (UTC midnight) when known.
	Published     time.Time
	PublishedFrom string // front-matter, manifest, dateline, none
	// PublishedNote explains a guess, such as the month/day order of "3/2/2025".
	PublishedNote string
	// wire is the month and day of a wire dateline that gives no year ("OSLO, April 8
	// (Nordwire) -"); Load places it in the year the story's other articles give.
	wire *calendar.WireDateline
	// DatelineStart and DatelineEnd span a wire dateline that opens the story ("OSLO, April 8
	// (Nordwire) -"), or are both 0. Its date says when the story was filed, not when anything
	// in it happened.
	DatelineStart, DatelineEnd int

	Sentences []Sentence
	// Dropped lists the 1-based lines removed as site chrome, for diagnostics.
	Dropped []int
	// longLines holds, for each line whose sentences were cut at MaxSentenceBytes, the index of
	// its first sentence (whose Line is the file's, in HTML too).
	longLines []int
}

// HasPublished reports whether the publication day is known.
func (d *Document) HasPublished() bool { return !d.Published.IsZero() }

// PublishedString is the publication day as YYYY-MM-DD, or "".
func (d *Document) PublishedString() string {
	if !d.HasPublished() {
		return ""
	}
	return d.Published.Format("2006-01-02")
}

// Sentence is a span of the document's text.
type Sentence struct {
	Start, End int // byte offsets into Document.Text
	Line       int // 1-based line of Start
	Para       int // 0-based paragraph (kept line) index
	// Heading marks a headline or subheading: a short line without final punctuation.
	Heading bool
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// LineAt returns the 1-based line of byte offset off.
func (d *Document) LineAt(off int) int {
	if off > len(d.Text) {
		off = len(d.Text)
	}
	return strings.Count(d.Text[:off], "\n") + 1
}
