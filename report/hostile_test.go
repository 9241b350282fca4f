package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/source"
)

// hostileDir holds two articles about one invented depot fire that disagree on numbers, with
// markup, script, link and CSS injection, Markdown syntax and disguising Unicode in the very
// sentences the conflicts cite, and in the titles and outlets. expect.json lists what must
// stay visible and which characters must never reach a briefing raw.
const hostileDir = "../testdata/hostile"

type hostileExpect struct {
	Visible  []string `json:"visible"`
	NeverRaw []string `json:"never_raw"`
}

func readHostileExpect(t *testing.T) hostileExpect {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(hostileDir, "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e hostileExpect
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	if len(e.Visible) == 0 || len(e.NeverRaw) == 0 {
		t.Fatal("expect.json lists nothing to check")
	}
	return e
}

// hostileReport runs the pipeline on the hostile story and checks that the story does what it
// is for: a conflict whose cited passages carry the script.
func hostileReport(t *testing.T) report.Report {
	t.Helper()
	files, probs := source.Collect([]string{hostileDir})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	docs, probs := source.Load(context.Background(), files, source.Options{})
	if len(probs) > 0 || len(docs) < 2 {
		t.Fatalf("loading the hostile story: %d articles, problems %v", len(docs), probs)
	}
	r := report.Build(docs, compare.Compare(docs, facts.Extract(docs), compare.Options{}), nil)
	cited := false
	for _, f := range r.Findings {
		for _, c := range f.Claims {
			if f.Status == compare.Conflict && strings.Contains(c.Passage, "<script>") {
				cited = true
			}
		}
	}
	if !cited {
		t.Fatal("no conflict cites a passage with <script>: the story no longer tests what it should")
	}
	return r
}

// Article text with HTML, script, javascript: and data: links, CSS and Markdown syntax renders
// as inert text in the Markdown briefing: every table row keeps its cells, nothing becomes raw
// HTML or a link, disguising characters are shown by name, and every hostile string still
// reads as itself once the backslash escapes are read.
func TestHostileMarkdownIsInert(t *testing.T) {
	want := readHostileExpect(t)
	out, err := report.Markdown(hostileReport(t))
	if err != nil {
		t.Fatal(err)
	}
	md := string(out)
	for _, r := range want.NeverRaw {
		if i := strings.Index(md, r); i >= 0 {
			t.Errorf("briefing.md holds a raw %U: %q", []rune(r)[0], around(md, i))
		}
	}
	for _, i := range unescaped(md, '<') {
		t.Errorf("briefing.md has an unescaped '<' (raw HTML): %q", around(md, i))
	}
	link := regexp.MustCompile(`(?i)\]\(\s*(javascript|data|vbscript):`)
	for _, m := range link.FindAllStringIndex(md, -1) {
		if !escapedAt(md, m[0]) {
			t.Errorf("briefing.md has a live %s link: %q", md[m[0]:m[1]], around(md, m[0]))
		}
	}
	checkTables(t, md)
	text := unescapeMarkdown(md)
	for _, s := range want.Visible {
		if !strings.Contains(text, s) {
			t.Errorf("briefing.md does not show %q as text", s)
		}
	}
}

// escapedAt reports whether the byte at i is preceded by an odd number of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// unescaped returns the offsets of c in s that no backslash escapes.
func unescaped(s string, c byte) []int {
	var at []int
	for i := 0; i < len(s); i++ {
		if s[i] == c && !escapedAt(s, i) {
			at = append(at, i)
		}
	}
	return at
}

// unescapeMarkdown is the text a reader of the rendered Markdown sees: the briefing's own
// emphasis marks ('*' and '~' that no backslash escapes) dropped, and the backslash of every
// escaped ASCII punctuation mark removed.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0:
			i++
		case s[i] == '*' || s[i] == '~':
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// checkTables finds every GFM table (a header row followed by a delimiter row) and checks that
// each of its rows has as many cells as the header: an article's '|' must not add a cell.
func checkTables(t *testing.T, md string) {
	t.Helper()
	lines := strings.Split(md, "\n")
	delimiter := regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+$`)
	tables := 0
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || !delimiter.MatchString(lines[i+1]) {
			continue
		}
		tables++
		n := cells(lines[i])
		if d := cells(lines[i+1]); d != n {
			t.Errorf("line %d: table header has %d cells, its delimiter row %d", i+1, n, d)
		}
		j := i + 2
		for ; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			if c := cells(lines[j]); c != n {
				t.Errorf("line %d: table row has %d cells, the header %d: %q", j+1, c, n, lines[j])
			}
		}
		i = j - 1
	}
	if tables < 3 {
		t.Errorf("briefing.md has %d tables; expected the sources, claims and coverage tables", tables)
	}
}

// cells counts the cells of a table row: the unescaped pipes between the leading and the
// trailing one.
func cells(row string) int {
	row = strings.TrimSpace(row)
	return len(unescaped(row, '|')) - 1
}

func around(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+40)
	return s[lo:hi]
}

// The HTML briefing of the hostile story has no script, no event handler, no javascript: or
// data: URL, no style but the page's own, no embedded content, and no raw disguising
// character; every hostile string is in the page's text, and each claims table keeps each
// passage whole in one cell.
func TestHostileHTMLIsInert(t *testing.T) {
	want := readHostileExpect(t)
	r := hostileReport(t)
	page, err := report.HTML(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range want.NeverRaw {
		if i := bytes.Index(page, []byte(c)); i >= 0 {
			t.Errorf("briefing.html holds a raw %U: %q", []rune(c)[0], around(string(page), i))
		}
	}
	lower := bytes.ToLower(page)
	for _, tag := range []string{"<script", "<img", "<iframe", "<object", "<embed", "<svg", "<math", "<link", "<base", "<form"} {
		if i := bytes.Index(lower, []byte(tag)); i >= 0 {
			t.Errorf("briefing.html has a raw %s: %q", tag, around(string(page), i))
		}
	}
	if n := bytes.Count(lower, []byte("<style")); n != 1 {
		t.Errorf("briefing.html has %d <style elements; want the page's own one", n)
	}

	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	styleAttr := regexp.MustCompile(`^\s*text-align:\s*(left|center|right);?\s*$`)
	var body *html.Node
	var tds []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "body":
				body = n
			case "td":
				tds = append(tds, strings.Join(strings.Fields(textOf(n)), " "))
			case "script", "iframe", "object", "embed", "img", "svg", "math", "link", "base", "form", "input", "button", "frame":
				t.Errorf("briefing.html has a <%s> element", n.Data)
			case "meta":
				for _, a := range n.Attr {
					if strings.EqualFold(a.Key, "http-equiv") {
						t.Errorf("briefing.html has <meta http-equiv=%q>", a.Val)
					}
				}
			case "style":
				if n.Parent == nil || n.Parent.Data != "head" {
					t.Error("briefing.html has a <style> element outside the head")
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
				case key == "href" || key == "src" || key == "action" || key == "formaction" || strings.HasSuffix(key, ":href"):
					if s := scheme(a.Val); s == "javascript" || s == "data" || s == "vbscript" {
						t.Errorf("<%s %s=%q> has a %s: URL", n.Data, a.Key, a.Val, s)
					}
				case key == "style":
					if !styleAttr.MatchString(a.Val) {
						t.Errorf("<%s> has a style attribute %q", n.Data, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		t.Fatal("briefing.html has no body")
	}
	text := textOf(body)
	for _, s := range want.Visible {
		if !strings.Contains(text, s) {
			t.Errorf("briefing.html does not show %q as text", s)
		}
	}

	// A passage without disguising characters reads, whole, in one cell of its claims table.
	checked := 0
	for _, f := range r.Findings {
		if !f.IsFlag() {
			continue
		}
		for _, c := range f.Claims {
			if strings.ContainsAny(c.Passage, strings.Join(want.NeverRaw, "")) {
				continue
			}
			p := strings.Join(strings.Fields(c.Passage), " ")
			found := false
			for _, td := range tds {
				if td == p {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("finding %s: no table cell holds the whole passage of %s: %q", f.ID, c.Source, p)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no flagged passage was checked")
	}
}

// textOf is the text content of a node, without the page's style sheet.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "style" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// scheme is a URL's scheme as a browser reads it: leading spaces and control characters
// dropped, tabs and newlines inside ignored, lower case.
func scheme(u string) string {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	i := strings.IndexByte(u, ':')
	if i < 0 || strings.ContainsAny(u[:i], "/?#") {
		return ""
	}
	return strings.ToLower(u[:i])
}
