package report

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"text/template"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/templates"
)

var mdTemplate = template.Must(template.New("briefing.md.tmpl").Option("missingkey=error").ParseFS(templates.FS, "briefing.md.tmpl"))

// md escapes article text for Markdown: every ASCII punctuation mark that Markdown or HTML could
// read as syntax gets a backslash, so the text renders as itself.
func md(s string) string {
	s = clean(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

type mdSource struct{ Anchor, ID, Outlet, Published, Title string }

type mdClaim struct {
	Source, Outlet, Published, File, Passage, Value string
	Line                                            int
}

type mdFinding struct {
	Anchor, Heading, Status, Kind, Severity, ID, Note, Review string
	Score                                                     string
	Claims                                                    []mdClaim
	Diff, DiffFrom, DiffTo, DiffWhat                          string
	Values, SourceList                                        string
}

// mdEvent is a row of the timeline: a dated event and who dates it how.
type mdEvent struct{ When, What, Sources, Status string }

type mdView struct {
	Title, Summary           string
	Sources                  []mdSource
	Notes                    []string
	Flags, Agreements, Apart []mdFinding
	Dismissed                []mdFinding
	Timeline                 []mdEvent
	Stale                    []string
	Problems                 []string
}

// anchorID is the HTML id of a finding's heading.
func anchorID(id string) string { return id }

// Markdown renders the briefing.
func Markdown(r Report) ([]byte, error) {
	v := mdView{}
	bySource := map[string]Source{}
	for _, s := range r.Sources {
		bySource[s.ID] = s
		pub := s.Published
		if pub == "" {
			pub = "unknown"
		} else if s.PublishedFrom != "" && s.PublishedFrom != "none" {
			pub += " (" + s.PublishedFrom + ")"
		}
		outlet := s.Outlet
		if outlet == "" {
			outlet = "unknown"
		}
		v.Sources = append(v.Sources, mdSource{ID: md(s.ID), Outlet: md(outlet), Published: md(pub), Title: md(s.Title)})
		if s.PublishedNote != "" {
			v.Notes = append(v.Notes, md(s.ID+": "+s.PublishedNote))
		}
	}
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Status]++
		mf := mdFinding{
			Anchor: "", Heading: md(capitalize(f.Fact)), Status: f.Status, Kind: f.Kind, Severity: f.Severity,
			ID: f.ID, Note: md(f.Note), Score: fmt.Sprintf("%.2f", f.Score),
		}
		if f.Review != nil {
			mf.Review = f.Review.Decision
			if f.Review.By != "" {
				mf.Review += " by " + md(f.Review.By)
			}
			if f.Review.Note != "" {
				mf.Review += ": " + md(f.Review.Note)
			}
			if f.Review.Stale {
				mf.Review += " (stale: the passages changed since; review again)"
			}
		}
		var vals, srcs []string
		for _, c := range f.Claims {
			s := bySource[c.Source]
			outlet := s.Outlet
			if outlet == "" {
				outlet = "outlet unknown"
			}
			mf.Claims = append(mf.Claims, mdClaim{
				Source: md(c.Source), Outlet: md(outlet), Published: md(s.Published), File: md(s.File),
				Line: c.Line, Passage: highlight(c.Passage, c.ValueStart, c.ValueEnd), Value: md(c.Value),
			})
			vals = append(vals, md(c.Value))
			srcs = append(srcs, md(c.Source))
		}
		mf.Values = strings.Join(uniq(vals), " / ")
		mf.SourceList = strings.Join(srcs, ", ")
		switch {
		case f.IsFlag():
			if len(f.Claims) >= 2 {
				a, b := f.Claims[0], f.Claims[1]
				mf.DiffWhat = "Word diff"
				mf.Diff = diffMarkdown(WordDiff(a.Passage, b.Passage))
				if f.Kind == "name" {
					// A spelling: the letters that differ between the first two spellings.
					for _, c := range f.Claims[1:] {
						if c.Value != a.Value {
							b = c
							break
						}
					}
					mf.DiffWhat = "Spelling diff"
					mf.Diff = diffMarkdown(CharDiff(a.Value, b.Value))
				}
				mf.DiffFrom, mf.DiffTo = md(a.Source), md(b.Source)
			}
			if f.Review != nil && f.Review.Decision == "dismissed" && !f.Review.Stale {
				v.Dismissed = append(v.Dismissed, mf)
			} else {
				v.Flags = append(v.Flags, mf)
			}
		case f.Status == compare.Agreement:
			v.Agreements = append(v.Agreements, mf)
		default:
			v.Apart = append(v.Apart, mf)
		}
	}
	v.Summary = fmt.Sprintf("%d sources · %d conflicts · %d variants · %d agreements", len(r.Sources),
		counts[compare.Conflict], counts[compare.Variant], counts[compare.Agreement])
	if len(r.Sources) < 2 {
		v.Summary += " · fewer than two sources: nothing to compare"
	}
	for _, p := range r.Problems {
		v.Problems = append(v.Problems, md(p))
	}
	v.Timeline = timeline(r)
	for _, sr := range r.StaleReviews {
		v.Stale = append(v.Stale, md(fmt.Sprintf("%s (%s, reviews file line %d): %s", sr.ID, sr.Decision, sr.Line, sr.Why)))
	}
	var b bytes.Buffer
	if err := mdTemplate.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// highlight escapes a passage and marks the value in bold.
func highlight(p string, s, e int) string {
	if s < 0 || e > len(p) || s >= e {
		return md(p)
	}
	return md(p[:s]) + "**" + md(p[s:e]) + "**" + md(p[e:])
}

// diffMarkdown writes a word diff: words only in the first passage struck through, words only
// in the second in bold.
func diffMarkdown(ops []DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		t := op.Text
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		switch op.Op {
		case -1:
			b.WriteString(lead + "~~" + md(core) + "~~" + trail)
		case 1:
			b.WriteString(lead + "**" + md(core) + "**" + trail)
		default:
			b.WriteString(md(t))
		}
	}
	return b.String()
}

// timeline lists the dated events the sources report: each date finding that is not about
// another occasion, at the dates its claims resolve to, earliest first.
func timeline(r Report) []mdEvent {
	type row struct {
		key string
		ev  mdEvent
	}
	var rows []row
	for _, f := range r.Findings {
		if f.Kind != "date" || (f.Status != compare.Agreement && f.Status != compare.Conflict) || len(f.Claims) == 0 {
			continue
		}
		var whens, srcs []string
		for _, c := range f.Claims {
			whens = append(whens, c.Normalized)
			srcs = append(srcs, md(c.Source)+" ("+md(c.Value)+")")
		}
		ws := uniq(whens)
		what := strings.Fields(f.Claims[0].Passage)
		if len(what) > 14 {
			what = append(what[:14], "…")
		}
		status := "agree"
		if f.Status == compare.Conflict {
			status = "**disagree**"
		}
		rows = append(rows, row{key: ws[0] + "\x00" + f.ID, ev: mdEvent{When: md(strings.Join(ws, " / ")),
			What: md(strings.Join(what, " ")), Sources: strings.Join(srcs, "; "), Status: status}})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	out := make([]mdEvent, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.ev)
	}
	return out
}
