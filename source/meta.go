package source

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// meta is what front matter and manifest entries may say about an article.
type meta struct {
	File      string `yaml:"file"`
	Title     string `yaml:"title"`
	Source    string `yaml:"source"`
	Outlet    string `yaml:"outlet"`
	URL       string `yaml:"url"`
	Published string `yaml:"published"`
	line      int
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// firstFailingLine returns the 1-based number of the first line at which the text read so far
// no longer parses, or 0. The YAML parser reports some errors at the start of the enclosing
// block ("did not find expected ',' or ']'" on the line of the mapping, not of the open "["):
// this finds the line a person has to fix. Long texts are not searched.
func firstFailingLine(text string, parse func([]byte) error) int {
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 500 {
		return 0
	}
	for i := range lines {
		if parse([]byte(strings.Join(lines[:i+1], ""))) != nil {
			return i + 1
		}
	}
	return 0
}

// yamlError returns the 1-based line (1 when the parser gives none) and a one-line message of a
// YAML error, without the parser's "yaml: line N:" prefixes and Go type names.
func yamlError(err error) (int, string) {
	msg := err.Error()
	line := 1
	if sm := yamlLine.FindStringSubmatch(msg); sm != nil {
		line, _ = strconv.Atoi(sm[1])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:")
	msg = strings.TrimSpace(strings.SplitN(strings.TrimSpace(msg), "\n", 2)[0])
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	switch {
	case strings.Contains(msg, "!!seq into string"):
		msg = "a list where a single value belongs"
	case strings.Contains(msg, "!!map into string"):
		msg = "nested keys where a single value belongs"
	case strings.Contains(msg, "into source.meta"):
		msg = "expected key: value lines"
	}
	return line, msg
}

// parseFrontMatter reads a leading "---" YAML block from d.Text, fills d, and returns the byte
// offset where the body starts.
func parseFrontMatter(d *Document) (int, []Problem) {
	t := d.Text
	start := 0
	if strings.HasPrefix(t, "\ufeff") {
		start = 3
	}
	if !strings.HasPrefix(t[start:], "---\n") && !strings.HasPrefix(t[start:], "---\r\n") {
		return start, nil
	}
	open := start + strings.Index(t[start:], "\n") + 1
	end, next := -1, -1
	for i := open; i < len(t); {
		j := strings.IndexByte(t[i:], '\n')
		line := t[i:]
		if j >= 0 {
			line = t[i : i+j]
		}
		if strings.TrimRight(line, "\r \t") == "---" || strings.TrimRight(line, "\r \t") == "..." {
			end = i
			if j >= 0 {
				next = i + j + 1
			} else {
				next = len(t)
			}
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if end < 0 {
		return start, []Problem{{Path: d.Path, Line: 1, Warning: true,
			Msg: "front matter: no closing \"---\" line; the block is read as article text"}}
	}
	var m meta
	if err := yaml.Unmarshal([]byte(t[open:end]), &m); err != nil {
		line, msg := yamlError(err)
		line = max(line, firstFailingLine(t[open:end], func(b []byte) error { var m meta; return yaml.Unmarshal(b, &m) }))
		// The block's first line is the one after the opening "---".
		line += strings.Count(t[:open], "\n")
		return next, []Problem{{Path: d.Path, Line: line, Warning: true,
			Msg: "front matter: " + msg + "; front matter ignored"}}
	}
	var probs []Problem
	fieldLine := func(key string) int {
		for i, l := range strings.Split(t[open:end], "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), key+":") {
				return i + 2 + strings.Count(t[:start], "\n")
			}
		}
		return 1
	}
	if m.Title != "" {
		d.Title, d.TitleFrom = m.Title, "front-matter"
	}
	if o := firstNonEmpty(m.Source, m.Outlet); o != "" {
		d.Outlet, d.OutletFrom = o, "front-matter"
	}
	d.URL = m.URL
	if m.Published != "" {
		day, err := parseISODay(m.Published)
		if err != nil {
			probs = append(probs, Problem{Path: d.Path, Line: fieldLine("published"), Warning: true,
				Msg: fmt.Sprintf("front matter: published: %q is not a date (use YYYY-MM-DD)", m.Published)})
		} else {
			d.Published, d.PublishedFrom = day, "front-matter"
		}
	}
	return next, probs
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// parseISODay accepts YYYY-MM-DD and RFC 3339 timestamps and returns the day at UTC midnight.
func parseISODay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	if t, err := time.Parse("2006-01-02 15:04", s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, fmt.Errorf("not a date")
}

// Manifest maps article files to metadata, read from a YAML list of entries with `file` and any
// of `title`, `source`, `url`, `published`.
type Manifest struct {
	dir     string
	entries map[string]meta // by cleaned absolute path and by base name
}

// ReadManifest parses a manifest file. Entry paths are relative to the manifest's directory and
// must stay inside it.
func ReadManifest(path string) (*Manifest, []Problem) {
	info, err := os.Stat(path)
	if err == nil && !info.Mode().IsRegular() {
		return nil, []Problem{{Path: path, Msg: "manifest is not a regular file"}}
	}
	if err == nil && info.Size() > DefaultMaxBytes {
		return nil, []Problem{{Path: path, Msg: "manifest: " + tooLarge(info.Size(), DefaultMaxBytes)}}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, []Problem{{Path: path, Msg: "cannot read manifest: " + errText(err)}}
	}
	var node yaml.Node
	if err := yaml.Unmarshal(raw, &node); err != nil {
		line, msg := yamlError(err)
		line = max(line, firstFailingLine(string(raw), func(b []byte) error { var n yaml.Node; return yaml.Unmarshal(b, &n) }))
		return nil, []Problem{{Path: path, Line: line, Msg: "manifest: " + msg}}
	}
	m := &Manifest{dir: filepath.Dir(path), entries: map[string]meta{}}
	if len(node.Content) == 0 {
		return m, nil
	}
	list := node.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, []Problem{{Path: path, Line: list.Line, Msg: "manifest: expected a list of entries with file:, source:, published:"}}
	}
	var probs []Problem
	absDir, _ := filepath.Abs(m.dir)
	for _, n := range list.Content {
		var e meta
		if err := n.Decode(&e); err != nil {
			_, msg := yamlError(err)
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: "manifest: " + msg + "; entry ignored"})
			continue
		}
		e.line = n.Line
		if e.File == "" {
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: "manifest: entry has no file:"})
			continue
		}
		if filepath.IsAbs(e.File) {
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: fmt.Sprintf("manifest: file %q is an absolute path; give it relative to the manifest's directory; entry ignored", e.File)})
			continue
		}
		abs, _ := filepath.Abs(filepath.Join(m.dir, e.File))
		if !inside(absDir, abs) {
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: fmt.Sprintf("manifest: file %q is outside the manifest's directory; entry ignored", e.File)})
			continue
		}
		if e.Published != "" {
			if _, err := parseISODay(e.Published); err != nil {
				probs = append(probs, Problem{Path: path, Line: n.Line, Msg: fmt.Sprintf("manifest: published: %q is not a date (use YYYY-MM-DD)", e.Published)})
				e.Published = ""
			}
		}
		m.entries[abs] = e
	}
	return m, probs
}

func (m *Manifest) apply(d *Document) {
	abs, _ := filepath.Abs(filepath.FromSlash(d.Path))
	e, ok := m.entries[abs]
	if !ok {
		return
	}
	if e.Title != "" && d.TitleFrom != "front-matter" {
		d.Title, d.TitleFrom = e.Title, "manifest"
	}
	if o := firstNonEmpty(e.Source, e.Outlet); o != "" && d.OutletFrom != "front-matter" {
		d.Outlet, d.OutletFrom = o, "manifest"
	}
	if e.URL != "" && d.URL == "" {
		d.URL = e.URL
	}
	if e.Published != "" && d.PublishedFrom != "front-matter" {
		day, _ := parseISODay(e.Published)
		d.Published, d.PublishedFrom, d.PublishedNote = day, "manifest", ""
	}
}
