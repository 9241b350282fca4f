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
		line := 2
		if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line = n + 1
		}
		msg := err.Error()
		msg = strings.TrimPrefix(msg, "yaml: ")
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
			msg = msg[i+2:]
		}
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
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, []Problem{{Path: path, Msg: "cannot read manifest: " + errText(err)}}
	}
	var node yaml.Node
	if err := yaml.Unmarshal(raw, &node); err != nil {
		line := 0
		if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
			line, _ = strconv.Atoi(sm[1])
		}
		return nil, []Problem{{Path: path, Line: line, Msg: "manifest: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
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
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: "manifest: " + err.Error()})
			continue
		}
		e.line = n.Line
		if e.File == "" {
			probs = append(probs, Problem{Path: path, Line: n.Line, Msg: "manifest: entry has no file:"})
			continue
		}
		abs, _ := filepath.Abs(filepath.Join(m.dir, e.File))
		if rel, err := filepath.Rel(absDir, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
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
