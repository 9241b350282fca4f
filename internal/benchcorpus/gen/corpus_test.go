package gen

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/evaluate"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/report"
)

func TestTheSameSeedGivesTheSameStory(t *testing.T) {
	a, b := New(7, 2, 12), New(7, 2, 12)
	if len(a.Files) != 12 || len(b.Files) != 12 {
		t.Fatalf("got %d and %d articles, want 12", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i] != b.Files[i] {
			t.Fatalf("article %d differs between two runs:\n%s\n---\n%s", i, a.Files[i].Content, b.Files[i].Content)
		}
	}
	ya, err := a.CaseYAML()
	if err != nil {
		t.Fatal(err)
	}
	yb, _ := b.CaseYAML()
	if !bytes.Equal(ya, yb) {
		t.Fatal("case.yaml differs between two runs")
	}
	if c := New(8, 2, 12); c.Files[0] == a.Files[0] {
		t.Error("seeds 7 and 8 wrote the same first article")
	}
	// A story's first articles do not depend on its size.
	if big := New(7, 2, 40); big.Files[0] != a.Files[0] {
		t.Error("the first article changed with the number of articles")
	}
}

func TestArticlesAreDistinctAndAboutOneStory(t *testing.T) {
	s := New(1, 0, 50)
	seen := map[string]bool{}
	for _, f := range s.Files {
		if seen[f.Content] {
			t.Fatalf("%s repeats another article's text", f.Name)
		}
		seen[f.Content] = true
		if len(f.Content) < 2000 {
			t.Errorf("%s is only %d bytes", f.Name, len(f.Content))
		}
	}
	if n := s.Size() / len(s.Files); n < 3500 || n > 6000 {
		t.Errorf("articles average %d bytes, want wire length (3.5 to 6 kB)", n)
	}
	kinds := map[string]int{}
	for _, f := range s.Case.Facts {
		kinds[f.Status]++
		for _, v := range f.Values {
			if !strings.Contains(evaluate.Norm(contentOf(s, v.Article)), evaluate.Norm(v.Anchor)) {
				t.Errorf("fact %s: anchor %q is not in %s", f.ID, v.Anchor, v.Article)
			}
		}
	}
	if kinds["conflict"] != 3 || kinds["agree"] < 3 || len(s.Case.Traps) != 1 {
		t.Errorf("planted %v and %d traps, want 3 conflicts, at least 3 agreements and a trap", kinds, len(s.Case.Traps))
	}
}

func contentOf(s Story, id string) string {
	for _, f := range s.Files {
		if strings.TrimSuffix(f.Name, ".txt") == id {
			return f.Content
		}
	}
	return ""
}

// score runs the pipeline on stories 0..n-1 of seed 1 with the given number of articles and
// scores the findings against the planted annotations.
func score(t *testing.T, stories, articles int) evaluate.Result {
	t.Helper()
	total := evaluate.Result{Case: "total"}
	for i := range stories {
		s := New(1, i, articles)
		dir := filepath.Join(t.TempDir(), s.Name)
		docs, err := s.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		c, err := evaluate.ReadCase(filepath.Join(dir, "case.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		fs := compare.Compare(docs, facts.Extract(docs), compare.Options{})
		res := evaluate.Score(c, report.Build(docs, fs, nil))
		t.Log(res.Line())
		total.Add(res)
	}
	return total
}

// TestAccuracyHoldsAsTheStoryGrows checks the planted conflicts are found in stories of 10
// articles, and no fewer of them in stories of 100, where the blocking no longer compares every
// pair of passages.
func TestAccuracyHoldsAsTheStoryGrows(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 330 articles")
	}
	small, large := score(t, 3, 10), score(t, 3, 100)
	recall := func(r evaluate.Result) float64 { return float64(r.ConflictsFound) / float64(r.Conflicts) }
	if recall(small) < 0.75 {
		t.Errorf("10 articles: found %d of %d planted conflicts, want at least three quarters", small.ConflictsFound, small.Conflicts)
	}
	if recall(large) < recall(small) {
		t.Errorf("100 articles: found %d of %d planted conflicts, fewer than the %d of %d at 10", large.ConflictsFound, large.Conflicts, small.ConflictsFound, small.Conflicts)
	}
	if large.AgreementsFound*small.Agreements < small.AgreementsFound*large.Agreements {
		t.Errorf("100 articles: found %d of %d agreements, a smaller share than %d of %d at 10", large.AgreementsFound, large.Agreements, small.AgreementsFound, small.Agreements)
	}
}
