package facts

import (
	"regexp"
	"strings"
)

// Token is a word, number or symbol of a sentence, with its byte span in the document.
type Token struct {
	Start, End int
	Text       string
	Lower      string
}

var reToken = regexp.MustCompile(`[$€£¥%]|[\p{L}\p{N}]+(?:[.,'’\-–][\p{L}\p{N}]+)*\.?`)

// Tokenize splits text (which starts at byte offset base of the document) into tokens.
// A trailing period is kept only on abbreviation-like tokens with inner periods ("U.S.").
func Tokenize(text string, base int) []Token {
	locs := reToken.FindAllStringIndex(text, -1)
	out := make([]Token, 0, len(locs))
	for _, l := range locs {
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
