package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or symbol of a sentence, with its byte span in the document.
type Token struct {
	Start, End int
	Text       string
	Lower      string
}

// Tokenize splits text (which starts at byte offset base of the document) into tokens: a
// currency or percent sign alone, or a run of letters and digits that may continue across one
// inner joiner (. , ' ’ - –) followed by more letters or digits ("U.S", "1,200", "thirty-day",
// "don't"), with a final period. A trailing period is kept only on abbreviation-like tokens with
// inner periods ("U.S."). It reads the text in one pass; tokenize_test.go checks it against the
// regular expression that says the same.
func Tokenize(text string, base int) []Token {
	out := make([]Token, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isSymbol(r):
			t := text[i : i+n]
			out = append(out, Token{Start: base + i, End: base + i + n, Text: t, Lower: t})
			i += n
			continue
		case !isWordRune(r):
			i += n
			continue
		}
		s := i
		e := scanWord(text, i)
		for e < len(text) {
			j, ok := joiner(text, e)
			if !ok || j >= len(text) {
				break
			}
			if r, _ := utf8.DecodeRuneInString(text[j:]); !isWordRune(r) {
				break
			}
			e = scanWord(text, j)
		}
		if e < len(text) && text[e] == '.' {
			e++
		}
		t := text[s:e]
		if strings.HasSuffix(t, ".") && !strings.Contains(t[:len(t)-1], ".") {
			t = t[:len(t)-1]
		}
		out = append(out, Token{Start: base + s, End: base + s + len(t), Text: t, Lower: strings.ToLower(t)})
		i = e
	}
	return out
}

func isSymbol(r rune) bool {
	return r == '$' || r == '€' || r == '£' || r == '¥' || r == '%'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// scanWord returns the end of the run of letters and digits that starts at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// joiner reports whether a joiner starts at i, and where the text after it starts.
func joiner(text string, i int) (int, bool) {
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '.', ',', '\'', '’', '-', '–':
		return i + n, true
	}
	return i, false
}
