package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"
	ttemplate "text/template"

	"github.com/crosscheck-news/crosscheck/templates"
)

// IndexVersion is the schema version of index.json.
const IndexVersion = 1

// Index lists the stories of a batch run: the contract of index.json. A shard's index says
// which shard it covers; a whole run's index, or the merge of all shards, has no Shard.
type Index struct {
	Version int          `json:"version"`
	Shard   *Shard       `json:"shard,omitempty"`
	Stories []StoryEntry `json:"stories"`
}

// Shard is shard K of N, K counted from 0.
type Shard struct {
	K int `json:"k"`
	N int `json:"n"`
}

// StoryEntry is one story of a batch: where its briefing is and what it found, or why it
// could not be compared.
type StoryEntry struct {
	Story string `json:"story"`
	// Dir is the story's output directory, slash-separated and relative to the index file;
	// "" when the story failed and nothing was written.
	Dir        string `json:"dir"`
	Error      string `json:"error"`
	Sources    int    `json:"sources"`
	Findings   int    `json:"findings"`
	Flags      int    `json:"flags"`
	Conflicts  int    `json:"conflicts"`
	Agreements int    `json:"agreements"`
	// Unreviewed counts the flags no reviewer has confirmed or dismissed; BySeverity splits them.
	Unreviewed   int        `json:"unreviewed"`
	BySeverity   Severities `json:"unreviewed_by_severity"`
	Problems     int        `json:"problems"`
	StaleReviews int        `json:"stale_reviews"`
}

// Severities counts findings per severity.
type Severities struct {
	High   int `json:"high"`
	Medium int `json:"medium"`
	Low    int `json:"low"`
	Info   int `json:"info"`
}

// Failed reports whether the story could not be compared.
func (e StoryEntry) Failed() bool { return e.Error != "" }

// SortStories puts the stories in index order: compared stories by unreviewed flags, most
// first, then by name; the stories that failed last, by name.
func SortStories(s []StoryEntry) {
	sort.Slice(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Failed() != b.Failed() {
			return !a.Failed()
		}
		if a.Unreviewed != b.Unreviewed {
			return a.Unreviewed > b.Unreviewed
		}
		return a.Story < b.Story
	})
}

// IndexJSON renders the index as indented JSON with a final newline; a nil story list is
// written as [].
func IndexJSON(x Index) ([]byte, error) {
	if x.Stories == nil {
		x.Stories = []StoryEntry{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// IndexMarkdown renders the index page in Markdown, each story linking to its briefing.md.
func IndexMarkdown(x Index) ([]byte, error) { return indexMarkdown(x, "briefing.md") }

// IndexHTML renders the index page as HTML through goldmark and the briefing's page template,
// each story linking to its briefing.html.
func IndexHTML(x Index) ([]byte, error) {
	src, err := indexMarkdown(x, "briefing.html")
	if err != nil {
		return nil, err
	}
	body, err := renderMarkdown(src, anchorIDs{})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = pageTemplate.Execute(&out, struct {
		Title string
		Body  template.HTML
	}{"Crosscheck index", template.HTML(body)}) // goldmark output in safe mode
	return out.Bytes(), err
}

var indexTemplate = ttemplate.Must(ttemplate.New("index.md.tmpl").Option("missingkey=error").ParseFS(templates.FS, "index.md.tmpl"))

type indexRow struct {
	Link                                            string
	Unreviewed                                      string
	Flags, Conflicts, Agreements, Sources, Problems int
}

type indexFailure struct{ Story, Error string }

type indexView struct {
	Summary string
	Rows    []indexRow
	Failed  []indexFailure
}

func indexMarkdown(x Index, briefing string) ([]byte, error) {
	stories := append([]StoryEntry(nil), x.Stories...)
	SortStories(stories)
	v := indexView{}
	flagged, unreviewed := 0, 0
	for _, e := range stories {
		if e.Failed() {
			v.Failed = append(v.Failed, indexFailure{Story: md(e.Story), Error: md(e.Error)})
			continue
		}
		if e.Unreviewed > 0 {
			flagged++
			unreviewed += e.Unreviewed
		}
		v.Rows = append(v.Rows, indexRow{
			Link:       "[" + md(e.Story) + "](" + indexLink(e.Dir, briefing) + ")",
			Unreviewed: indexSeverities(e.Unreviewed, e.BySeverity),
			Flags:      e.Flags, Conflicts: e.Conflicts, Agreements: e.Agreements, Sources: e.Sources,
			Problems: e.Problems,
		})
	}
	v.Summary = fmt.Sprintf("%s compared: %s with unreviewed flags (%s in all)",
		quantity(len(v.Rows), "story", "stories"), quantity(flagged, "story", "stories"), quantity(unreviewed, "flag", "flags"))
	if len(v.Failed) > 0 {
		v.Summary += "; " + quantity(len(v.Failed), "story", "stories") + " could not be compared"
	}
	v.Summary += "."
	var b bytes.Buffer
	err := indexTemplate.Execute(&b, v)
	return b.Bytes(), err
}

// indexLink is the link from the index to a story's briefing. Every path segment is
// percent-escaped, ':' included, so no story name reads as a URL scheme or Markdown syntax.
func indexLink(dir, file string) string {
	var parts []string
	for _, seg := range strings.Split(dir, "/") {
		if seg == "" {
			continue
		}
		parts = append(parts, strings.ReplaceAll(url.PathEscape(seg), ":", "%3A"))
	}
	return strings.Join(append(parts, file), "/")
}

// indexSeverities is "3 (1 high, 2 low)", naming only the severities that occur.
func indexSeverities(total int, s Severities) string {
	if total == 0 {
		return "0"
	}
	var parts []string
	for _, c := range []struct {
		n    int
		name string
	}{{s.High, "high"}, {s.Medium, "medium"}, {s.Low, "low"}, {s.Info, "info"}} {
		if c.n > 0 {
			parts = append(parts, strconv.Itoa(c.n)+" "+c.name)
		}
	}
	return strconv.Itoa(total) + " (" + strings.Join(parts, ", ") + ")"
}
