package review

import (
	"reflect"
	"testing"
)

// FuzzReviews parses arbitrary bytes as a reviews file: no panic, and a file that parses
// writes back to one that parses to the same entries.
func FuzzReviews(f *testing.F) {
	f.Add([]byte("reviews:\n  f-0123abcd:\n    decision: confirmed\n    note: ok # checked\n"))
	f.Add([]byte("# desk\nreviews:\n  f-0123abcd-2:\n    decision: dismissed\n    note: |\n      two\n      lines\n"))
	f.Add([]byte("reviews: [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := &File{Path: "r.yaml"}
		if a.parse(data) != nil {
			return
		}
		out, err := a.Bytes()
		if err != nil {
			t.Fatalf("a parsed file does not render: %v", err)
		}
		b := &File{Path: "r.yaml"}
		if err := b.parse(out); err != nil {
			t.Fatalf("rendered file does not parse: %v\n%s", err, out)
		}
		strip := func(es []Entry) []Entry {
			var o []Entry
			for _, e := range es {
				e.Line = 0
				o = append(o, e)
			}
			return o
		}
		if !reflect.DeepEqual(strip(a.Entries), strip(b.Entries)) && len(a.Entries)+len(b.Entries) > 0 {
			t.Fatalf("round trip changed the entries:\n%+v\n%+v", a.Entries, b.Entries)
		}
	})
}
