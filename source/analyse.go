package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/calendar"
)

// line is one line of the body: [start, end) excludes the line break.
type line struct {
	start, end int
	no         int // 1-based
}

func (d *Document) lines(from int) []line {
	var out []line
	no := strings.Count(d.Text[:from], "\n") + 1
	for i := from; i <= len(d.Text); {
		j := strings.IndexByte(d.Text[i:], '\n')
		end := len(d.Text)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && d.Text[e-1] == '\r' {
			e--
		}
		out = append(out, line{i, e, no})
		if j < 0 {
			break
		}
		i = end + 1
		no++
	}
	return out
}

// analyse finds the dateline, banner and title, drops site chrome and splits the rest of the
// text (from byte offset body on) into sentences.
func analyse(d *Document, body int) {
	ls := d.lines(body)
	kind := make([]lineKind, len(ls))
	for i, l := range ls {
		kind[i] = classify(d.Text[l.start:l.end])
	}
	// Trailing lines that are short and unpunctuated are page furniture ("Comments", "47:0").
	for i := len(ls) - 1; i >= 0; i-- {
		if kind[i] == blank || kind[i] == chrome {
			continue
		}
		t := strings.TrimSpace(d.Text[ls[i].start:ls[i].end])
		if len(strings.Fields(t)) < 6 && !endsSentence(t) {
			kind[i] = chrome
			continue
		}
		break
	}
	copyright := ""
	for i, l := range ls {
		if kind[i] == chrome {
			if name := copyrightName(d.Text[l.start:l.end]); name != "" {
				copyright = name
			}
		}
	}
	// Dateline and banner: among the first lines of the article.
	seenProse := 0
	for i, l := range ls {
		if seenProse >= 3 {
			break
		}
		t := strings.TrimSpace(d.Text[l.start:l.end])
		if kind[i] == blank {
			continue
		}
		if dl, ok := calendar.ParseDateline(t); ok {
			kind[i] = dateline
			if !d.HasPublished() {
				d.Published, d.PublishedFrom = dl.Day, "dateline"
				if dl.Ambiguous {
					d.PublishedNote = "\"" + t + "\" read month-first as " + dl.Day.Format("2 January 2006") +
						"; day-first it would be " + dl.Alt.Format("2 January 2006")
				}
			}
			continue
		}
		if kind[i] == chrome {
			continue
		}
		if wd, ok := calendar.ParseWireDateline(t); ok && (kind[i] == prose || kind[i] == heading) {
			d.DatelineStart = l.start + strings.Index(d.Text[l.start:l.end], t)
			d.DatelineEnd = d.DatelineStart + wd.Len
			if d.Outlet == "" && wd.Agency != "" {
				d.Outlet, d.OutletFrom = wd.Agency, "dateline"
			}
			if !d.HasPublished() {
				if day, ok := calendar.Day(wd.Year, wd.Month, wd.Day); ok && wd.Year > 0 {
					d.Published, d.PublishedFrom = day, "dateline"
				} else {
					d.wire = &wd
				}
			}
			seenProse = 3 // the story has begun
			continue
		}
		if seenProse == 0 && isBanner(t) {
			kind[i] = banner
			if d.Outlet == "" {
				d.Outlet, d.OutletFrom = t, "banner"
				if copyright != "" && strings.EqualFold(strings.ReplaceAll(copyright, " ", ""), strings.ReplaceAll(t, " ", "")) {
					d.Outlet = copyright
				}
			}
			continue
		}
		seenProse++
	}
	if d.Outlet == "" && copyright != "" {
		d.Outlet, d.OutletFrom = copyright, "copyright"
	}
	para := 0
	for i, l := range ls {
		if kind[i] == chrome {
			d.Dropped = append(d.Dropped, l.no)
		}
		if kind[i] != prose && kind[i] != heading {
			continue
		}
		start, end := trimSpan(d.Text, l.start, l.end)
		if strings.HasSuffix(d.Path, ".md") || strings.HasSuffix(d.Path, ".markdown") {
			if t := d.Text[start:end]; strings.HasPrefix(t, "#") {
				kind[i] = heading
				for start < end && (d.Text[start] == '#' || d.Text[start] == ' ') {
					start++
				}
			}
		}
		if start >= end {
			continue
		}
		if kind[i] == heading {
			if d.Title == "" && len(d.Sentences) == 0 {
				d.Title, d.TitleFrom = clip(d.Text[start:end], 300), "heading"
			}
			spans := [][2]int{{start, end}}
			if end-start > MaxSentenceBytes {
				d.longLines = append(d.longLines, len(d.Sentences))
				spans = capSentences(d.Text, spans, MaxSentenceBytes)
			}
			for _, sp := range spans {
				d.Sentences = append(d.Sentences, Sentence{Start: sp[0], End: sp[1], Line: l.no, Para: para, Heading: true})
			}
		} else {
			spans := splitSentences(d.Text, start, end)
			if n := len(spans); n > 0 {
				if capped := capSentences(d.Text, spans, MaxSentenceBytes); len(capped) > n {
					d.longLines = append(d.longLines, len(d.Sentences))
					spans = capped
				}
			}
			for _, sp := range spans {
				d.Sentences = append(d.Sentences, Sentence{Start: sp[0], End: sp[1], Line: l.no, Para: para})
			}
		}
		para++
	}
	if d.TitleFrom == "" {
		d.TitleFrom = "none"
		if len(d.Sentences) > 0 {
			d.Title = clip(d.SentenceText(0), 80)
			d.TitleFrom = "text"
		}
	}
	if d.OutletFrom == "" {
		d.OutletFrom = "none"
	}
	if d.PublishedFrom == "" {
		d.PublishedFrom = "none"
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}

// trimSpan narrows [start, end) past white space and list markers.
func trimSpan(t string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(t[start:end])
		if unicode.IsSpace(r) || r == '\ufeff' || ((r == '-' || r == '•' || r == '*' || r == '–') && start+n < end && t[start+n] == ' ') {
			start += n
			continue
		}
		break
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(t[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

type lineKind int

const (
	blank lineKind = iota
	prose
	heading
	chrome
	dateline
	banner
)

var (
	reClock      = regexp.MustCompile(`^\d{1,2}:\d{1,2}(:\d{2})?$`)
	reDomain     = regexp.MustCompile(`(?i)\b[a-z0-9-]+\.(com|org|net|ru|cn|co|uk|io|info|news|de|fr)\b`)
	reCopyright  = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([\p{L}][\p{L}\p{N}&.' -]{1,40}?)\s*[.,]?\s*(?:all rights reserved.*)?$`)
	chromeStarts = []string{"dear readers", "share this", "share on", "related stories", "related articles", "related:", "read more", "read also", "sign up", "subscribe", "follow us", "advertisement", "click here", "comments", "podcasts", "listen to", "watch:", "more from", "trending", "most read", "you may also like", "recommended", "disclaimer:", "statement: this article", "original:", "source:", "photo:", "image:", "getty images", "all rights reserved", "skip to"}
	promoMarkers = []string{"our readers", "stay informed", "subscribe", "newsletter", "follow us", "news platform", "latest news", "we gather", "our goal is", "our content", "commenting", "register"}
)

// classify decides what a line of plain text is, on its own.
func classify(raw string) lineKind {
	t := strings.TrimSpace(raw)
	if t == "" {
		return blank
	}
	words := strings.Fields(t)
	lower := strings.ToLower(t)
	if !strings.ContainsFunc(t, unicode.IsLetter) || reClock.MatchString(t) {
		return chrome
	}
	icons := 0
	for _, w := range words {
		if len(w) >= 4 && strings.EqualFold(w[len(w)-4:], "icon") {
			icons++
		}
	}
	if len(words) >= 3 && icons*3 >= len(words) {
		return chrome
	}
	if strings.Contains(t, "©") || strings.Contains(lower, "all rights reserved") || strings.HasPrefix(lower, "copyright") {
		return chrome
	}
	for _, p := range chromeStarts {
		short := len(words) <= 12
		if !strings.ContainsAny(p, " :") {
			short = len(words) <= 2 // a lone "Comments" or "Podcasts", not a sentence starting so
		}
		if strings.HasPrefix(lower, p) && (short || p == "dear readers" || p == "disclaimer:" || p == "statement: this article") {
			return chrome
		}
	}
	if strings.Contains(lower, "represents the views of the author") {
		return chrome
	}
	if n := navSegments(t); n >= 3 {
		return chrome
	}
	if len(words) <= 6 && !endsSentence(t) && reDomain.MatchString(t) {
		return chrome
	}
	promo := 0
	for _, m := range promoMarkers {
		if strings.Contains(lower, m) {
			promo++
		}
	}
	if promo >= 2 {
		return chrome
	}
	if isHeading(t, words) {
		return heading
	}
	return prose
}

// navSegments counts the short items of a navigation line such as "Home | World | Business".
func navSegments(t string) int {
	for _, sep := range []string{"|", "•", "›", "»", " / "} {
		parts := strings.Split(t, sep)
		if len(parts) < 3 {
			continue
		}
		short := 0
		for _, p := range parts {
			if n := len(strings.Fields(p)); n >= 1 && n <= 3 {
				short++
			}
		}
		if short == len(parts) {
			return short
		}
	}
	return 0
}

// endsSentence reports whether a line ends as a sentence does: with . ! ? … : or ; perhaps
// followed by closing quotes or brackets.
func endsSentence(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…:;", r)
}

func isHeading(t string, words []string) bool {
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(words) <= 20 {
		return true
	}
	// A bullet with a few words is a list item ("- Net income: $621 million, up 18% YoY"):
	// facts in it count, though it has no final stop.
	for _, b := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(t, b) && len(words) >= 4 {
			return false
		}
	}
	if len(words) > 25 {
		return false
	}
	if !endsSentence(t) {
		return true
	}
	// A short title-case line ending in "?" or "!" is a headline, not a sentence.
	if len(words) <= 16 && (strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")) {
		caps := 0
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				caps++
			}
		}
		return caps*10 >= len(words)*6
	}
	return false
}

// isBanner reports whether a top line names the outlet: one to three words, no sentence
// punctuation, upper case or a bare domain.
func isBanner(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 3 || endsSentence(t) {
		return false
	}
	if reDomain.MatchString(t) && len(words) == 1 {
		return true
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters
}

func copyrightName(t string) string {
	m := reCopyright.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(strings.TrimSuffix(m[1], "."))
	if strings.EqualFold(name, "all rights reserved") {
		return ""
	}
	return name
}
