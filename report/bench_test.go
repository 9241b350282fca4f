package report_test

import (
	"fmt"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus/gen"
	"github.com/crosscheck-news/crosscheck/report"
)

// BenchmarkRender builds the report of a generated story of 10 and 100 articles and prints it
// as Markdown, HTML and JSON.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			docs, err := gen.New(1, 0, n).Load(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			fs := compare.Compare(docs, facts.Extract(docs), compare.Options{})
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				r := report.Build(docs, fs, nil)
				size = 0
				for _, p := range []func(report.Report) ([]byte, error){report.Markdown, report.HTML, report.JSON} {
					out, err := p(r)
					if err != nil {
						b.Fatal(err)
					}
					size += len(out)
				}
			}
			b.SetBytes(int64(size))
		})
	}
}
