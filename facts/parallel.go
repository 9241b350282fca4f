package facts

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/crosscheck-news/crosscheck/source"
)

// ExtractParallel is Extract on all cores. Once the story's publication dates are known each
// document is extracted on its own, so the result is the same as Extract's, whatever the
// number of cores.
func ExtractParallel(docs []*source.Document) [][]Sentence {
	out := make([][]Sentence, len(docs))
	story := StoryReference(docs)
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for {
				di := int(next.Add(1)) - 1
				if di >= len(docs) {
					return
				}
				out[di] = ExtractDoc(di, docs[di], story)
			}
		})
	}
	wg.Wait()
	return out
}
