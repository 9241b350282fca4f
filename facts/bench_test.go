package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/benchcorpus/gen"
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

// BenchmarkExtract extracts the facts of a generated story of 100 and 1,000 articles.
func BenchmarkExtract(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s := gen.New(1, 0, n)
			docs, err := s.Load(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(s.Size()))
			b.ReportAllocs()
			for b.Loop() {
				Extract(docs)
			}
		})
	}
}

func TestExtractParallelEqualsExtract(t *testing.T) {
	docs, err := gen.New(3, 1, 40).Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want, got := Extract(docs), ExtractParallel(docs)
	if !reflect.DeepEqual(want, got) {
		t.Fatal("ExtractParallel differs from Extract")
	}
}
