package report

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp is one piece of a word diff.
type DiffOp struct {
	Op   int // -1 deleted (only in the first passage), 0 shared, +1 inserted (only in the second)
	Text string
}

// WordDiff diffs two passages word by word: each distinct word becomes one rune, so go-diff's
// character diff works on words. The timeout is off so the result never depends on machine speed.
func WordDiff(a, b string) []DiffOp {
	dict := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, w := range splitWords(s) {
			r, ok := dict[w]
			if !ok {
				r = rune(0xE000 + len(words)) // private use area: never in the split words' map
				if len(words) >= 0x1000 {
					r = rune(0xF0000 + len(words))
				}
				dict[w] = r
				words = append(words, w)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	// Semantic cleanup groups runs of changed words, so two differently worded sentences read as
	// one struck phrase and one inserted phrase rather than alternating single words.
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	var out []DiffOp
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			i := int(r - 0xE000)
			if r >= 0xF0000 {
				i = int(r - 0xF0000)
			}
			sb.WriteString(words[i])
		}
		out = append(out, DiffOp{Op: opOf(d.Type), Text: sb.String()})
	}
	return out
}

// CharDiff diffs two short strings (spellings of a name) letter by letter.
func CharDiff(a, b string) []DiffOp {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out []DiffOp
	for _, d := range dmp.DiffMain(a, b, false) {
		out = append(out, DiffOp{Op: opOf(d.Type), Text: d.Text})
	}
	return out
}

func opOf(t diffmatchpatch.Operation) int {
	switch t {
	case diffmatchpatch.DiffDelete:
		return -1
	case diffmatchpatch.DiffInsert:
		return 1
	}
	return 0
}

// splitWords splits into words and the spaces between them, so joining gives the text back.
func splitWords(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > start && sp != inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
