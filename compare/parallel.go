package compare

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachIndex calls fn(i) for every i in [0, n) on all cores. fn must write only what belongs to
// its i (a slot of a slice indexed by i), so the result does not depend on the schedule.
func eachIndex(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	const chunk = 32
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					fn(i)
				}
			}
		})
	}
	wg.Wait()
}

// eachCollect calls fn(i) for every i in [0, n) on all cores and returns the results joined in
// the order of i.
func eachCollect[T any](n int, fn func(i int) []T) []T {
	parts := make([][]T, n)
	eachIndex(n, func(i int) { parts[i] = fn(i) })
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	out := make([]T, 0, total)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
