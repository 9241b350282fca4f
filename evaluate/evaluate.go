// Package evaluate scores a report's findings against an annotated case: the facts on which the
// articles conflict or agree, and the look-alike traps that must not be flagged. The scoring is the
// one described in ../shared/eval/README.md and implemented by its score.py; the two must agree.
package evaluate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/evaluate/casefile"
	"github.com/crosscheck-news/crosscheck/report"
)

// The case file's types (see package casefile).
type (
	Case    = casefile.Case
	Article = casefile.Article
	Fact    = casefile.Fact
	Value   = casefile.Value
	Trap    = casefile.Trap
)

// ReadCase parses a case file and checks that it is complete: every article exists next to it,
// every fact and trap refers to listed articles.
func ReadCase(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Case
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Path = path
	c.Dir = filepath.Dir(path)
	if c.Name == "" {
		return nil, fmt.Errorf("%s: missing case name", path)
	}
	known := map[string]bool{}
	for _, a := range c.Articles {
		known[a.ID] = true
	}
	for _, f := range c.Facts {
		if f.Status != "conflict" && f.Status != "agree" {
			return nil, fmt.Errorf("%s: fact %s: status %q: use conflict or agree", path, f.ID, f.Status)
		}
		for _, v := range f.Values {
			if !known[v.Article] {
				return nil, fmt.Errorf("%s: fact %s: unknown article %q", path, f.ID, v.Article)
			}
		}
	}
	for _, t := range c.Traps {
		if len(t.Articles) != len(t.Anchors) {
			return nil, fmt.Errorf("%s: trap %s: %d articles but %d anchors", path, t.ID, len(t.Articles), len(t.Anchors))
		}
		for _, a := range t.Articles {
			if !known[a] {
				return nil, fmt.Errorf("%s: trap %s: unknown article %q", path, t.ID, a)
			}
		}
	}
	return &c, nil
}

// Result is a case's score.
type Result struct {
	Case            string   `json:"case"`
	Conflicts       int      `json:"conflicts"`
	ConflictsFound  int      `json:"conflicts_found"`
	FalseAlarms     int      `json:"false_alarms"`
	Agreements      int      `json:"agreements"`
	AgreementsFound int      `json:"agreements_found"`
	Flags           int      `json:"flags"`
	Unjudged        int      `json:"unjudged_flags"`
	Found           []string `json:"found"`
	Missed          []string `json:"missed"`
	AgreeFound      []string `json:"agreements_found_ids"`
	Alarms          []string `json:"false_alarm_ids"`
	// UnjudgedIDs are the finding IDs of flags that touch no annotation.
	UnjudgedIDs []string `json:"unjudged_ids"`
}

// Add accumulates another result into a total.
func (r *Result) Add(o Result) {
	r.Conflicts += o.Conflicts
	r.ConflictsFound += o.ConflictsFound
	r.FalseAlarms += o.FalseAlarms
	r.Agreements += o.Agreements
	r.AgreementsFound += o.AgreementsFound
	r.Flags += o.Flags
	r.Unjudged += o.Unjudged
}

var spaces = regexp.MustCompile(`\s+`)

// Norm is the annotation normalisation: curly quotes straight, whitespace collapsed, lower case.
func Norm(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.ToLower(strings.TrimSpace(spaces.ReplaceAllString(s, " ")))
}

type claimText struct{ source, text string }

func claimsOf(f report.Finding) []claimText {
	out := make([]claimText, 0, len(f.Claims))
	for _, c := range f.Claims {
		t := c.Passage
		if t == "" {
			t = c.Context
		}
		out = append(out, claimText{c.Source, Norm(t)})
	}
	return out
}

func covers(cs []claimText, article, anchor string) bool {
	a := Norm(anchor)
	for _, c := range cs {
		if c.source == article && strings.Contains(c.text, a) {
			return true
		}
	}
	return false
}

// coverage counts the distinct articles and distinct normalised values of vals a finding holds.
func coverage(cs []claimText, vals []Value) (articles, says int) {
	arts, vs := map[string]bool{}, map[string]bool{}
	for _, v := range vals {
		if covers(cs, v.Article, v.Anchor) {
			arts[v.Article] = true
			vs[Norm(v.Says)] = true
		}
	}
	return len(arts), len(vs)
}

// Score scores a report against the case.
func Score(c *Case, r report.Report) Result {
	res := Result{Case: c.Name, Found: []string{}, Missed: []string{}, AgreeFound: []string{}, Alarms: []string{}, UnjudgedIDs: []string{}}
	var flagged, agreeing [][]claimText
	var flagIDs []string
	for _, f := range r.Findings {
		switch {
		case f.IsFlag():
			flagged = append(flagged, claimsOf(f))
			flagIDs = append(flagIDs, f.ID)
		case f.Status == "agreement":
			agreeing = append(agreeing, claimsOf(f))
		}
	}
	res.Flags = len(flagged)
	judged := map[int]bool{}
	for _, fact := range c.Facts {
		if fact.Status == "conflict" {
			res.Conflicts++
			ok := false
			for i, cs := range flagged {
				if a, s := coverage(cs, fact.Values); a >= 2 && s >= 2 {
					ok = true
					judged[i] = true
				}
			}
			if ok {
				res.ConflictsFound++
				res.Found = append(res.Found, fact.ID)
			} else {
				res.Missed = append(res.Missed, fact.ID)
			}
			continue
		}
		res.Agreements++
		for i, cs := range flagged {
			if a, _ := coverage(cs, fact.Values); a >= 2 {
				res.FalseAlarms++
				judged[i] = true
				res.Alarms = append(res.Alarms, fact.ID)
			}
		}
		for _, cs := range agreeing {
			if a, _ := coverage(cs, fact.Values); a >= 2 {
				res.AgreementsFound++
				res.AgreeFound = append(res.AgreeFound, fact.ID)
				break
			}
		}
	}
	for _, t := range c.Traps {
		for i, cs := range flagged {
			all := true
			for k := range t.Articles {
				if !covers(cs, t.Articles[k], t.Anchors[k]) {
					all = false
					break
				}
			}
			if all {
				res.FalseAlarms++
				judged[i] = true
				res.Alarms = append(res.Alarms, t.ID)
			}
		}
	}
	res.Unjudged = res.Flags - len(judged)
	for i, id := range flagIDs {
		if !judged[i] {
			res.UnjudgedIDs = append(res.UnjudgedIDs, id)
		}
	}
	sort.Strings(res.UnjudgedIDs)
	return res
}

// Line is the one-line summary score.py prints.
func (r Result) Line() string {
	return fmt.Sprintf("%s: conflicts %d/%d, false alarms %d, agreements %d/%d, unjudged flags %d",
		r.Case, r.ConflictsFound, r.Conflicts, r.FalseAlarms, r.AgreementsFound, r.Agreements, r.Unjudged)
}
