package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations never end a sentence when followed by a period (compared in lower case).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "maj": true, "adm": true, "cmdr": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "st": true, "mt": true,
	"ft": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"bros": true, "vs": true, "etc": true, "approx": true, "est": true, "dept": true, "univ": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true,
	"vol": true, "fig": true, "p": true, "pp": true, "ca": true, "cf": true, "al": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true,
	"sat": true, "sun": true, "ave": true, "blvd": true, "rd": true, "gov't": true,
}

// starters are words after which a dotted acronym ("U.S.", "a.m.") ends its sentence.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "but": true, "and": true, "in": true, "on": true, "at": true,
	"this": true, "that": true, "these": true, "those": true, "there": true, "however": true,
	"meanwhile": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"after": true, "before": true, "when": true, "while": true, "as": true, "if": true,
	"for": true, "so": true, "yet": true, "still": true, "officials": true, "now": true,
}

func isQuoteOpen(r rune) bool  { return r == '“' || r == '‘' || r == '«' || r == '„' }
func isQuoteClose(r rune) bool { return r == '”' || r == '’' || r == '»' }
func isCloser(r rune) bool     { return r == '"' || r == '\'' || isQuoteClose(r) || r == ')' || r == ']' }

// splitSentences splits t[start:end], one paragraph, into sentence spans. A sentence ends at
// . ! ? or … (with any closing quotes and brackets) followed by space and a capital, digit or
// opening quote, unless the period belongs to an abbreviation or the break would fall inside a
// quotation.
func splitSentences(t string, start, end int) [][2]int {
	var out [][2]int
	sentStart := start
	depth := 0 // quotation depth
	prev := ' '
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(t[i:end])
		switch {
		case isQuoteOpen(r):
			depth++
		case r == '”' || r == '»':
			if unicode.IsSpace(prev) && i+n < end && !unicode.IsSpace(rune(t[i+n])) {
				depth++ // a closing mark used as an opening one: ”It is…
			} else if depth > 0 {
				depth--
			}
		case r == '’':
			// apostrophe or closing single quote: only closes when one is open and a word ends
			if depth > 0 && (i+n >= end || !unicode.IsLetter(rune(t[i+n]))) && !unicode.IsLetter(prev) {
				depth--
			}
		case r == '"':
			if unicode.IsSpace(prev) || prev == '(' || i == sentStart {
				depth++
			} else if depth > 0 {
				depth--
			} else {
				depth++
			}
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(t[j:end])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' {
					j += n2
					continue
				}
				if isCloser(r2) {
					if (r2 == '"' || isQuoteClose(r2)) && depth > 0 {
						depth--
					}
					j += n2
					continue
				}
				break
			}
			if j < end && depth == 0 && breakAfter(t, sentStart, i, j, end, r) {
				out = append(out, [2]int{sentStart, j})
				k := j
				for k < end {
					r3, n3 := utf8.DecodeRuneInString(t[k:end])
					if !unicode.IsSpace(r3) {
						break
					}
					k += n3
				}
				sentStart = k
				i = k
				prev = ' '
				continue
			}
			i = j
			prev = r
			continue
		}
		prev = r
		i += n
	}
	if sentStart < end {
		s, e := trimSpan(t, sentStart, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}

// breakAfter decides whether the terminator at t[i] (its run ending at j) ends a sentence.
func breakAfter(t string, sentStart, i, j, end int, term rune) bool {
	r, _ := utf8.DecodeRuneInString(t[j:end])
	if !unicode.IsSpace(r) {
		return false
	}
	k := j
	for k < end {
		r, n := utf8.DecodeRuneInString(t[k:end])
		if !unicode.IsSpace(r) {
			break
		}
		k += n
	}
	if k >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(t[k:end])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isQuoteOpen(next) || next == '"' || next == '(') {
		return false
	}
	if term != '.' || j-i > 1 && t[i+1] == '.' {
		return term != '…' || unicode.IsUpper(next) || isQuoteOpen(next)
	}
	// The word before the period.
	w := i
	for w > sentStart {
		r, n := utf8.DecodeLastRuneInString(t[sentStart:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || isQuoteOpen(r) {
			break
		}
		w -= n
	}
	word := t[w:i]
	lw := strings.ToLower(word)
	nextWord := t[k:]
	if sp := strings.IndexFunc(nextWord, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '\'' }); sp > 0 {
		nextWord = nextWord[:sp]
	}
	if abbreviations[lw] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false // an initial: "J. Smith"
	}
	if strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789") { // U.S., a.m., e.g.; not "1.6%"
		return starters[strings.ToLower(nextWord)]
	}
	return true
}

// MaxSentenceBytes is the longest sentence kept whole. Real sentences stay far below it (the
// longest in seeds/ and testdata/ is 627 bytes); a longer one is a page without sentence ends
// (a table flattened to one line, a run-on dump) and is cut into pieces at spaces, so that no
// later stage faces megabytes as one sentence.
const MaxSentenceBytes = 2000

// capSentences cuts every span longer than max into pieces of at most max bytes, each ending at
// white space when there is some and never inside a UTF-8 sequence.
func capSentences(t string, spans [][2]int, max int) [][2]int {
	long := false
	for _, sp := range spans {
		long = long || sp[1]-sp[0] > max
	}
	if !long {
		return spans
	}
	var out [][2]int
	for _, sp := range spans {
		start, end := sp[0], sp[1]
		for end-start > max {
			cut := start + max
			for cut > start && !utf8.RuneStart(t[cut]) {
				cut--
			}
			if sp := strings.LastIndexAny(t[start:cut], " \t"); sp > max/2 {
				cut = start + sp
			}
			if s, e := trimSpan(t, start, cut); s < e {
				out = append(out, [2]int{s, e})
			}
			start = cut
		}
		if s, e := trimSpan(t, start, end); s < e {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}
