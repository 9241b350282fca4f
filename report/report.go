package report

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/source"
)

// Version is the JSON report's schema version.
const Version = 1

// Report is what every printer renders: the JSON contract, field for field.
type Report struct {
	Version  int       `json:"version"`
	Sources  []Source  `json:"sources"`
	Findings []Finding `json:"findings"`
	Problems []string  `json:"problems"`
	// StaleReviews are decisions in the reviews file whose finding no longer exists.
	StaleReviews []StaleReview `json:"stale_reviews"`
}

// StaleReview is a decision left without its finding.
type StaleReview struct {
	ID       string `json:"id"`
	Decision string `json:"decision"`
	Note     string `json:"note"`
	Line     int    `json:"line"`
	Why      string `json:"why"`
}

// Source describes one loaded article.
type Source struct {
	ID            string `json:"id"`
	File          string `json:"file"`
	Outlet        string `json:"outlet"`
	OutletFrom    string `json:"outlet_from"`
	Title         string `json:"title"`
	URL           string `json:"url"`
	Published     string `json:"published"`
	PublishedFrom string `json:"published_from"`
	PublishedNote string `json:"published_note,omitempty"`
	Sentences     int    `json:"sentences"`
}

// Finding is a judged fact with each source's claim.
type Finding struct {
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Kind     string  `json:"kind"`
	Severity string  `json:"severity"`
	Fact     string  `json:"fact"`
	Note     string  `json:"note,omitempty"`
	Score    float64 `json:"score"`
	Claims   []Claim `json:"claims"`
	// SourceCount is how many sources state the finding; Claims lists at most
	// compare.MaxClaims of them, every distinct value and wording among them.
	SourceCount int     `json:"source_count"`
	Review      *Review `json:"review"`
}

// Claim is one source's statement: the value, its sentence and where it stands in the file.
type Claim struct {
	Source     string `json:"source"`
	Value      string `json:"value"`
	Normalized string `json:"normalized"`
	Passage    string `json:"passage"`
	Context    string `json:"context"`
	Line       int    `json:"line"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	// ValueStart and ValueEnd locate the value inside the passage (byte offsets into Passage).
	ValueStart int `json:"value_start"`
	ValueEnd   int `json:"value_end"`
}

// Review is a reviewer's decision joined to a finding.
type Review struct {
	Decision string `json:"decision"`
	Note     string `json:"note"`
	By       string `json:"by,omitempty"`
	At       string `json:"at,omitempty"`
	Stale    bool   `json:"stale"`
}

// IsFlag reports whether a finding is something an editor must look at.
func (f Finding) IsFlag() bool {
	return f.Status == compare.Conflict || f.Status == compare.Variant
}

// Build assembles the report from loaded documents, findings and problems met on the way.
func Build(docs []*source.Document, findings []compare.Finding, problems []string) Report {
	r := Report{Version: Version, Sources: []Source{}, Findings: []Finding{}, Problems: []string{}, StaleReviews: []StaleReview{}}
	r.Problems = append(r.Problems, problems...)
	for _, d := range docs {
		r.Sources = append(r.Sources, Source{
			ID: d.ID, File: d.Path, Outlet: d.Outlet, OutletFrom: d.OutletFrom, Title: d.Title, URL: d.URL,
			Published: d.PublishedString(), PublishedFrom: d.PublishedFrom, PublishedNote: d.PublishedNote,
			Sentences: len(d.Sentences),
		})
	}
	for _, f := range findings {
		out := Finding{ID: f.ID, Status: f.Status, Kind: f.Kind, Severity: f.Severity, Fact: f.Fact,
			Note: f.Note, Score: f.Score, Claims: []Claim{}, SourceCount: f.Sources}
		for _, c := range f.Claims {
			d := docs[c.Doc]
			s := d.Sentences[c.Sentence]
			out.Claims = append(out.Claims, Claim{
				Source: d.ID, Value: c.Value, Normalized: c.Normalized,
				Passage: clean(d.Text[s.Start:s.End]), Context: context(d, c.Sentence),
				Line: s.Line, Start: s.Start, End: s.End,
				ValueStart: len(clean(d.Text[s.Start:c.Start])), ValueEnd: len(clean(d.Text[s.Start:c.End])),
			})
		}
		if out.SourceCount == 0 { // findings made without compare.Compare's count
			out.SourceCount = distinctSources(out.Claims)
		}
		r.Findings = append(r.Findings, out)
	}
	return r
}

// clean makes a passage one line: line breaks and tabs become spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// context is the sentence before and after, for display.
func context(d *source.Document, i int) string {
	var parts []string
	if i > 0 && d.Sentences[i-1].Para == d.Sentences[i].Para {
		parts = append(parts, d.SentenceText(i-1))
	}
	if i+1 < len(d.Sentences) && d.Sentences[i+1].Para == d.Sentences[i].Para {
		parts = append(parts, d.SentenceText(i+1))
	}
	return clean(strings.Join(parts, " … "))
}

// distinctSources counts the sources of claims.
func distinctSources(cs []Claim) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Source] = true
	}
	return len(seen)
}
