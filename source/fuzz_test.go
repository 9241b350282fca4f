package source

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzLoad loads arbitrary bytes as an article: it must not panic, and every sentence span
// must lie inside the text, in order, with a line number that matches its offset.
func FuzzLoad(f *testing.F) {
	// The seeds' openings (site chrome, datelines): whole articles make each fuzzed run slow.
	seeds, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 1200)])
		}
	}
	f.Add([]byte("---\ntitle: x\n---\nLONDON, 5 Dec 2025 16:13\nHello. World."))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("<html><body><nav>a</nav><p>Text here. More text.</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.txt", "a.html"} {
			if d, _ := Parse(name, data, Options{}); d != nil {
				checkSpans(t, d)
			}
		}
	})
}

// FuzzSplit splits arbitrary text into sentences: spans are in order, inside the text, and
// never cut a UTF-8 sequence.
func FuzzSplit(f *testing.F) {
	f.Add("Mr. Smith went to Washington on Dec. 4. He said “No. Never.” Then he left… The U.S. agreed.")
	f.Add("a.b.c. \"quoted. text\" (aside.) end")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range splitSentences(s, 0, len(s)) {
			if sp[0] < prev || sp[1] < sp[0] || sp[1] > len(s) {
				t.Fatalf("span %v out of order or bounds (prev end %d, len %d)", sp, prev, len(s))
			}
			if utf8.ValidString(s) && (!utf8.ValidString(s[sp[0]:sp[1]])) {
				t.Fatalf("span %v cuts a UTF-8 sequence", sp)
			}
			prev = sp[1]
		}
	})
}

func checkSpans(t *testing.T, d *Document) {
	t.Helper()
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.End < s.Start || s.End > len(d.Text) {
			t.Fatalf("%s: sentence %d span [%d,%d) out of order or bounds", d.Path, i, s.Start, s.End)
		}
		// An HTML article's lines are the page's, not the extracted text's.
		if html := filepath.Ext(d.Path) == ".html"; (!html && s.Line != d.LineAt(s.Start)) || s.Line < 1 {
			t.Fatalf("%s: sentence %d line %d, offset says %d", d.Path, i, s.Line, d.LineAt(s.Start))
		}
		prev = s.End
	}
}
