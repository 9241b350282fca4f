package facts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/source"
)

// BenchmarkExtractDates extracts the dates of 10 MB of articles: the evaluation stories,
// cycled until 10 MB of text is read (nothing is written to disk).
func BenchmarkExtractDates(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "eval", "*", "*.txt"))
	var docs []*source.Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if d, _ := source.Parse(f, raw, source.Options{}); d != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		b.Fatal("no articles in testdata/eval")
	}
	const target = 10 << 20
	b.SetBytes(target)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for i := 0; n < target; i++ {
			d := docs[i%len(docs)]
			ref := Reference{Published: d.Published}
			for _, s := range d.Sentences {
				extractDates(d.Text, s, ref)
			}
			n += len(d.Text)
		}
	}
}
