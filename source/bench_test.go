package source_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/benchcorpus/gen"
	"github.com/crosscheck-news/crosscheck/source"
)

// BenchmarkLoad reads, decodes and splits a generated story of 100 and 1,000 articles (about
// 4.5 kB each) from a temporary directory.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s := gen.New(1, 0, n)
			dir := b.TempDir()
			if err := s.Write(dir); err != nil {
				b.Fatal(err)
			}
			files, _ := source.Collect([]string{dir})
			b.SetBytes(int64(s.Size()))
			b.ReportAllocs()
			for b.Loop() {
				docs, _ := source.Load(context.Background(), files, source.Options{})
				if len(docs) != n {
					b.Fatalf("loaded %d of %d articles", len(docs), n)
				}
			}
		})
	}
}
