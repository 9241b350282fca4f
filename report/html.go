package report

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/crosscheck-news/crosscheck/templates"
)

var pageTemplate = template.Must(template.New("page.html.tmpl").Option("missingkey=error").ParseFS(templates.FS, "page.html.tmpl"))

// HTML renders the Markdown briefing to a self-contained page. goldmark runs without
// WithUnsafe, so any raw HTML is dropped; the anchors the briefing links to are set as element
// ids by anchorIDs, from labels the briefing itself writes.
func HTML(r Report) ([]byte, error) {
	_, page, err := Briefing(r)
	return page, err
}

// Briefing renders the Markdown briefing and the HTML page made from it, building the Markdown
// once.
func Briefing(r Report) (md, page []byte, err error) {
	src, an, err := markdownWithAnchors(r)
	if err != nil {
		return nil, nil, err
	}
	body, err := renderMarkdown(src, anchorIDs{ids: an.ids, classes: an.classes})
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	out.Grow(len(body) + 16<<10) // the page is the body and a few kilobytes of head and style
	err = pageTemplate.Execute(&out, struct {
		Title string
		Body  template.HTML
	}{"Crosscheck briefing", template.HTML(body)}) // goldmark output in safe mode
	return src, out.Bytes(), err
}

// anchorsKey carries a render's anchors to the transformer through goldmark's parser context,
// so one goldmark instance serves every render.
var anchorsKey = parser.NewContextKey()

// markdown converts briefing Markdown to HTML: GFM tables and strikethrough, heading ids, and no
// Linkify, so URLs in article text stay text.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(anchorTransformer{}, 100))),
)

func renderMarkdown(src []byte, ids anchorIDs) ([]byte, error) {
	pc := parser.NewContext()
	pc.Set(anchorsKey, ids)
	var body bytes.Buffer
	body.Grow(len(src) + len(src)/2) // HTML of a briefing runs about a third longer than its Markdown
	err := markdown.Convert(src, &body, parser.WithContext(pc))
	return body.Bytes(), err
}

// anchorTransformer applies the anchors of the render in hand.
type anchorTransformer struct{}

func (anchorTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if ids, ok := pc.Get(anchorsKey).(anchorIDs); ok {
		ids.Transform(doc, reader, pc)
	}
}

// anchorIDs gives an element the id its label stands for: a heading whose last inline is a code
// span label, or a list item whose first is. Tables that list a finding's claims get the class
// "claims", and they and the Sources and Timeline tables the class "stack", so narrow screens can
// stack their rows (the wide coverage matrix scrolls instead), and a heading gets the class of its label (a
// finding's status). Automatic heading ids that collide with an anchor get a suffix, so every id
// stays unique.
type anchorIDs struct {
	ids     map[string]string // code span label → id
	classes map[string]string // code span label → class of the heading it ends
}

func (ids anchorIDs) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	label := func(n ast.Node) (string, bool) {
		cs, ok := n.(*ast.CodeSpan)
		if !ok {
			return "", false
		}
		var b bytes.Buffer
		for c := cs.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		id, ok := ids.ids[b.String()]
		return id, ok
	}
	ours := map[string]bool{}
	for _, id := range ids.ids {
		ours[id] = true
	}
	var autos []ast.Node
	inFinding := false
	section := ""
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if v, ok := n.AttributeString("id"); ok && n.Level == 2 {
				id, _ := v.([]byte)
				section = string(id)
			}
			if id, ok := label(n.LastChild()); ok {
				n.SetAttributeString("id", []byte(id))
				if c := ids.classes[id]; c != "" {
					n.SetAttributeString("class", []byte(c))
				}
				inFinding = n.Level == 3
			} else {
				autos = append(autos, n)
				inFinding = false
			}
		case *east.Table:
			switch {
			case inFinding:
				n.SetAttributeString("class", []byte("claims stack"))
			case section == "sources" || section == "timeline":
				n.SetAttributeString("class", []byte("stack"))
			case section == "coverage":
				n.SetAttributeString("class", []byte("coverage"))
			}
		case *ast.List:
			for li := n.FirstChild(); li != nil; li = li.NextSibling() {
				if block := li.FirstChild(); block != nil {
					if id, ok := label(block.FirstChild()); ok {
						li.SetAttributeString("id", []byte(id))
					}
				}
			}
		}
	}
	for _, h := range autos {
		if v, ok := h.AttributeString("id"); ok {
			if id, _ := v.([]byte); ours[string(id)] {
				h.SetAttributeString("id", append(id, []byte("-section")...))
			}
		}
	}
}
