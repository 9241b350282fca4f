package report

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/crosscheck-news/crosscheck/templates"
)

var pageTemplate = template.Must(template.New("page.html.tmpl").Option("missingkey=error").ParseFS(templates.FS, "page.html.tmpl"))

var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough), // GFM without Linkify: article URLs stay text
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// HTML renders the Markdown briefing to a self-contained page. goldmark runs without
// WithUnsafe, so raw HTML in the Markdown is dropped — except the anchors the briefing itself
// writes, which are rebuilt below from IDs it controls.
func HTML(r Report) ([]byte, error) {
	src, err := Markdown(r)
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	if err := markdown.Convert(src, &body); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = pageTemplate.Execute(&out, struct {
		Title string
		Body  template.HTML
	}{"Crosscheck briefing", template.HTML(body.String())}) // goldmark output in safe mode
	return out.Bytes(), err
}
