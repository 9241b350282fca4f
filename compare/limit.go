package compare

import (
	"fmt"
	"sort"
	"strings"
)

// MaxClaims is the most claims a finding lists. A story of thousands of articles has findings
// that thousands of sources state alike; listing every one makes a briefing of hundreds of
// megabytes that no editor reads and that costs more to print than to compare. A finding keeps
// every distinct wording (so every value of a conflict stays), the earliest sources of each
// wording first, and Finding.Sources says how many sources it stood for. Stories of testdata
// have a few sources per finding and are never cut.
const MaxClaims = 48

// MaxListed is the most sources a finding's note names; the rest are counted.
const MaxListed = 24

// limitClaims cuts the claims of each finding to MaxClaims, setting Sources first.
func limitClaims(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		docs := map[int]bool{}
		for _, c := range f.Claims {
			docs[c.Doc] = true
		}
		f.Sources = len(docs)
		if len(f.Claims) > MaxClaims {
			f.Claims = pickClaims(f.Claims, MaxClaims)
		}
	}
}

// pickClaims keeps n claims: the first claim of each distinct value and wording in turn, then
// the second of each, and so on, returned in their original order.
func pickClaims(cs []Claim, n int) []Claim {
	var keys []string
	byKey := map[string][]int{}
	for i, c := range cs {
		k := c.Normalized + "\x00" + c.Value
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	// Values before wordings: one claim per normalised value first, so a conflict keeps its
	// sides even when one side has many wordings.
	var keep []int
	taken := map[int]bool{}
	take := func(i int) {
		if !taken[i] && len(keep) < n {
			taken[i] = true
			keep = append(keep, i)
		}
	}
	seenValue := map[string]bool{}
	for _, k := range keys {
		v := k[:strings.IndexByte(k, 0)]
		if !seenValue[v] {
			seenValue[v] = true
			take(byKey[k][0])
		}
	}
	for round := 0; len(keep) < n; round++ {
		more := false
		for _, k := range keys {
			if is := byKey[k]; round < len(is) {
				take(is[round])
				more = true
			}
		}
		if !more {
			break
		}
	}
	sort.Ints(keep)
	out := make([]Claim, len(keep))
	for i, k := range keep {
		out[i] = cs[k]
	}
	return out
}

// listed joins up to MaxListed items with sep, counting the rest: "a, b and 3 more".
func listed(items []string, sep string) string {
	if len(items) <= MaxListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:MaxListed], sep) + fmt.Sprintf(" and %d more", len(items)-MaxListed)
}
