package compare

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// FuzzCompare compares two arbitrary articles: no panic, and every claim points at a sentence
// of its document with a value span inside that sentence (the report cuts the value out of it). It covers quotation, name and claim
// extraction, which read around offsets the most.
func FuzzCompare(f *testing.F) {
	f.Add(`"We lost seven days, but not a crane," port director Agnes Holloway said. Kyiv agreed.`,
		`“We lost seven days,” said Agnes Holloway. Kiev did not agree to anything at all today.`)
	f.Add(`The ministers did not discuss sanctions, a diplomat said: ”It is a core interest`,
		`Wróblewska said, adding: "The ministers discussed sanctions." The 33-page report`)
	f.Add(`Peskov highly evaluated it, saying, "This is encouraging."`, `„Wir bleiben“, he said. «Nous restons», said Sergey Lavrov.`)
	f.Fuzz(func(t *testing.T, a, b string) {
		var docs []*source.Document
		for i, s := range []string{a, b} {
			if d, _ := source.Parse([]string{"a.txt", "b.txt"}[i], []byte(s), source.Options{}); d != nil {
				docs = append(docs, d)
			}
		}
		for _, fd := range Compare(docs, facts.Extract(docs), Options{}) {
			for _, c := range fd.Claims {
				if c.Doc < 0 || c.Doc >= len(docs) || c.Sentence < 0 || c.Sentence >= len(docs[c.Doc].Sentences) {
					t.Fatalf("%s claim points at document %d sentence %d", fd.Kind, c.Doc, c.Sentence)
				}
				s := docs[c.Doc].Sentences[c.Sentence]
				if c.Start < s.Start || c.End > s.End || c.End < c.Start {
					t.Fatalf("%s claim span [%d,%d) outside its sentence [%d,%d)", fd.Kind, c.Start, c.End, s.Start, s.End)
				}
			}
		}
	})
}
