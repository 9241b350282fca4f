package facts

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// reToken is the definition of a token that Tokenize implements by hand (the regular expression
// cost a tenth of a run on large stories).
var reToken = regexp.MustCompile(`[$€£¥%]|[\p{L}\p{N}]+(?:[.,'’\-–][\p{L}\p{N}]+)*\.?`)

func tokenizeByRegexp(text string, base int) []Token {
	var out []Token
	for _, l := range reToken.FindAllStringIndex(text, -1) {
		s, e := l[0], l[1]
		t := text[s:e]
		if strings.HasSuffix(t, ".") && !strings.Contains(t[:len(t)-1], ".") {
			e--
			t = t[:len(t)-1]
		}
		out = append(out, Token{Start: base + s, End: base + e, Text: t, Lower: strings.ToLower(t)})
	}
	return out
}

func checkTokenize(t *testing.T, text string) {
	t.Helper()
	got, want := Tokenize(text, 7), tokenizeByRegexp(text, 7)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("%.60q: token %d is %+v, want %+v", text, i, got[i], want[i])
			}
		}
		t.Fatalf("%.60q: %d tokens, want %d", text, len(got), len(want))
	}
}

func TestTokenizeCases(t *testing.T) {
	for _, s := range []string{
		"", "U.S. officials", "end.", "1,200 jobs and 3.5%", "thirty-day ban", "don't", "it’s",
		"$2.41 a share", "€5bn", "a--b", "x.-y", "5.", "...", "Mr. Peskov's 33-page report.",
		"20–25 per cent", "Zürich, São Paulo", "١٢٣ digits", "ab.,cd", "a.b.c.", "tail,",
		"\xff\xfe bad utf8 a\xffb", "%%$", "word'", "’quoted’",
	} {
		checkTokenize(t, s)
	}
}

// Every article under seeds/ and testdata/ tokenizes as the regular expression says.
func TestTokenizeMatchesRegexpOnArticles(t *testing.T) {
	n := 0
	for _, root := range []string{"../seeds", "../testdata"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			checkTokenize(t, string(b))
			n++
			return nil
		})
	}
	if n < 20 {
		t.Fatalf("read %d files; the test data is missing", n)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("U.S. officials said 1,200 jobs, a thirty-day ban.")
	f.Add("€5bn – don't")
	f.Fuzz(func(t *testing.T, s string) { checkTokenize(t, s) })
}
