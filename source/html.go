package source

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// loadHTML extracts the article body of an HTML page with go-readability (navigation, footers,
// comments and scripts are dropped), then treats the extracted paragraphs as plain text. Byte
// offsets point into that extracted text; line numbers point into the HTML file.
func loadHTML(d *Document, page string) error {
	art, err := readability.FromReader(strings.NewReader(page), nil)
	if err != nil || art.Node == nil {
		if err == nil {
			err = fmt.Errorf("no article content found")
		}
		return fmt.Errorf("html: %v", err)
	}
	var paras []string
	collectBlocks(art.Node, &paras)
	var b strings.Builder
	if t := strings.TrimSpace(art.Title()); t != "" {
		d.Title, d.TitleFrom = t, "html-meta"
	}
	if s := strings.TrimSpace(art.SiteName()); s != "" {
		d.Outlet, d.OutletFrom = s, "html-meta"
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		t = t.UTC()
		d.Published, d.PublishedFrom = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), "html-meta"
	}
	for _, p := range paras {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	d.Text = b.String()
	analyse(d, 0)
	lines := htmlTextLines(page)
	for i := range d.Sentences {
		d.Sentences[i].Line = lines.find(d.SentenceText(i), d.Sentences[i].Line)
	}
	return nil
}

var blockTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "li": true, "blockquote": true, "pre": true, "td": true, "th": true, "figcaption": true, "dt": true, "dd": true}

// collectBlocks appends the text of each block element, one paragraph each, with inner white
// space collapsed. Text directly inside other containers becomes a paragraph of its own.
func collectBlocks(n *html.Node, out *[]string) {
	var inline strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(inline.String()), " "); t != "" {
			*out = append(*out, t)
		}
		inline.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			inline.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style" || c.Data == "noscript"):
		case c.Type == html.ElementNode && blockTags[c.Data]:
			flush()
			var sb strings.Builder
			textOf(c, &sb)
			if t := strings.Join(strings.Fields(sb.String()), " "); t != "" {
				*out = append(*out, t)
			}
		case c.Type == html.ElementNode && (c.Data == "div" || c.Data == "section" || c.Data == "article" ||
			c.Data == "main" || c.Data == "ul" || c.Data == "ol" || c.Data == "table" || c.Data == "tbody" ||
			c.Data == "tr" || c.Data == "figure" || c.Data == "header" || c.Data == "dl" || c.Data == "body" || c.Data == "html"):
			flush()
			collectBlocks(c, out)
		case c.Type == html.ElementNode && c.Data == "br":
			inline.WriteString(" ")
		case c.Type == html.ElementNode:
			textOf(c, &inline)
		}
	}
	flush()
}

func textOf(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, b)
		if c.Type == html.ElementNode && c.Data == "br" {
			b.WriteString(" ")
		}
	}
}

// textLines records where each text node of the raw page starts, to map sentences back to lines.
type textLines struct {
	texts []string // collapsed text of each node
	lines []int
}

func htmlTextLines(page string) textLines {
	var tl textLines
	z := html.NewTokenizer(strings.NewReader(page))
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.TextToken {
			t := strings.Join(strings.Fields(string(z.Text())), " ")
			if t != "" {
				lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n"))
				tl.texts = append(tl.texts, t)
				tl.lines = append(tl.lines, strings.Count(page[:off+lead], "\n")+1)
			}
		}
		off += len(raw)
	}
	return tl
}

// find returns the line of the first text node that shares the sentence's opening words.
func (tl textLines) find(sentence string, fallback int) int {
	words := strings.Fields(sentence)
	for n := min(len(words), 6); n >= 2; n -= 2 {
		probe := strings.Join(words[:n], " ")
		for i, t := range tl.texts {
			if strings.Contains(t, probe) {
				return tl.lines[i]
			}
		}
	}
	return fallback
}
