package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output")

// goldenStories are the article sets whose briefings are kept as reviewed golden files: the
// seeds, and hand-made stories with quotes, dates and a conflict of every kind.
var goldenStories = map[string]string{
	"seeds":  "../seeds",
	"quotes": "../testdata/quotes",
	"dates":  "../testdata/dates",
}

// The Markdown, HTML and JSON printers give exactly the reviewed output. After a deliberate
// change, run `go test ./report -run TestGolden -update` and review the diff before committing.
func TestGoldenBriefings(t *testing.T) {
	printers := []struct {
		ext    string
		render func(report.Report) ([]byte, error)
	}{{"md", report.Markdown}, {"html", report.HTML}, {"json", report.JSON}}
	for name, dir := range goldenStories {
		r := storyReport(t, dir)
		for _, p := range printers {
			t.Run(name+"."+p.ext, func(t *testing.T) {
				got, err := p.render(r)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "golden", name+"."+p.ext)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; first difference:\n%s\n(run with -update after reviewing)", path, firstDiff(want, got))
				}
			})
		}
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(none)"
}

var (
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
	hrefAttr = regexp.MustCompile(`\shref="([^"]*)"`)
)

// Every in-page link of the HTML briefing lands on an element, ids are unique, every finding
// has an element of its own id, and no link leaves the page: on the seeds and every hand-made
// story.
func TestBriefingLinksResolve(t *testing.T) {
	dirs := []string{"../seeds", "../testdata/quotes", "../testdata/dates", "../testdata/subjects", "../testdata/hostile"}
	evals, _ := filepath.Glob("../testdata/eval/*")
	for _, dir := range append(dirs, evals...) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := storyReport(t, dir)
			page, err := report.HTML(r)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int{}
			for _, m := range idAttr.FindAllSubmatch(page, -1) {
				ids[string(m[1])]++
			}
			for id, n := range ids {
				if n > 1 {
					t.Errorf("id %q appears %d times", id, n)
				}
			}
			links := 0
			for _, m := range hrefAttr.FindAllSubmatch(page, -1) {
				href := string(m[1])
				if !strings.HasPrefix(href, "#") {
					t.Errorf("link %q leaves the page", href)
					continue
				}
				links++
				if ids[href[1:]] == 0 {
					t.Errorf("link %q has no target", href)
				}
			}
			for _, f := range r.Findings {
				if ids[f.ID] == 0 {
					t.Errorf("finding %s (%s) has no element to link to", f.ID, f.Status)
				}
			}
			if len(r.Findings) > 0 && links == 0 {
				t.Error("a briefing with findings has no links")
			}
		})
	}
}
