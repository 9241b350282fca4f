package compare

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

func compareDir(t *testing.T, dir string) ([]*source.Document, []Finding) {
	t.Helper()
	files, probs := source.Collect([]string{dir})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	docs, _ := source.Load(context.Background(), files, source.Options{})
	return docs, Compare(docs, facts.Extract(docs), Options{})
}

func passage(docs []*source.Document, c Claim) string {
	return docs[c.Doc].SentenceText(c.Sentence)
}

func TestSeedsFlagThePageCountAndNothingElse(t *testing.T) {
	docs, fs := compareDir(t, "../seeds")
	var pages *Finding
	for i, f := range fs {
		if f.Status != Conflict && f.Status != Variant {
			continue
		}
		if f.Kind != "number" {
			continue
		}
		has33, has29 := false, false
		for _, c := range f.Claims {
			p := passage(docs, c)
			if docs[c.Doc].ID == "000_4a8642dee2b44f5c" && strings.HasPrefix(p, "The 33-page report") {
				has33 = true
			}
			if docs[c.Doc].ID == "001_72dbfa1303ffd045" && strings.HasPrefix(p, "The 29-page updated") {
				has29 = true
			}
		}
		if has33 && has29 {
			pages = &fs[i]
			continue
		}
		t.Errorf("unexpected number flag %s %q: %+v", f.ID, f.Fact, f.Claims)
	}
	if pages == nil {
		t.Fatal("no conflict pairs the 33-page and 29-page sentences")
	}
	for _, c := range pages.Claims {
		if line := docs[c.Doc].Sentences[c.Sentence].Line; (docs[c.Doc].ID == "000_4a8642dee2b44f5c" && line != 11) || (docs[c.Doc].ID == "001_72dbfa1303ffd045" && line != 9) {
			t.Errorf("%s claim on line %d", docs[c.Doc].ID, line)
		}
	}
}

// Finding IDs survive a paragraph inserted at the top of an article and a new article added
// to the set (named to sort first, so it leads every finding it joins): reviewers' decisions
// are keyed by them.
func TestFindingIDsAreStable(t *testing.T) {
	_, before := compareDir(t, "../seeds")
	dir := t.TempDir()
	files, _ := filepath.Glob("../seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(filepath.Base(f), "001_") {
			data = append([]byte("Editor's note: this article has been updated with the Kremlin's full remarks and a correction to a caption.\n\n"), data...)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	extra := "Washington releases a new security strategy\n\nThe 29-page strategy, released by the White House on Friday, sets out the administration's priorities.\n"
	if err := os.WriteFile(filepath.Join(dir, "0000_newsource.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	_, after := compareDir(t, dir)
	ids := map[string]bool{}
	for _, f := range after {
		ids[f.ID] = true
	}
	flags := 0
	for _, f := range before {
		if f.Status != Conflict && f.Status != Variant {
			continue
		}
		flags++
		if !ids[f.ID] {
			t.Errorf("%s (%s %s: %s) has another ID after the edits", f.ID, f.Kind, f.Status, f.Fact)
		}
	}
	if flags == 0 {
		t.Fatal("no flags on the seeds to check")
	}
}

// Figures of one sentence belong to their own subjects: the Nasdaq's 3.9% agrees with the other
// paper's Nasdaq figure and is never set against the S&P 500's, and the S&P 500's 2.7% conflicts
// with 2.9% (testdata/subjects, written for this test).
func TestFiguresKeepTheirSubjects(t *testing.T) {
	_, fs := compareDir(t, "../testdata/subjects")
	var nasdaqAgrees, spConflict bool
	for _, f := range fs {
		vals := map[string]bool{}
		for _, c := range f.Claims {
			vals[c.Normalized] = true
		}
		switch {
		case f.Status == Agreement && vals["3.9 percent"] && len(vals) == 1:
			nasdaqAgrees = true
		case f.Status == Conflict && vals["2.7 percent"] && vals["2.9 percent"]:
			spConflict = true
		case f.Status == Conflict:
			t.Errorf("unexpected conflict %v: %+v", vals, f)
		}
	}
	if !nasdaqAgrees {
		t.Error("the Nasdaq's 3.9% and 3.9 percent are not an agreement")
	}
	if !spConflict {
		t.Error("the S&P 500's 2.7% against 2.9 percent is not a conflict")
	}
}

// A hand-made story of three articles on one port's record year. The dredging cost differs
// ("about 180 million euros" twice, "about 210 million euros"): two approximations that do not
// allow each other's figure, a conflict. The 2019 figures ("The last time...", "At that time,
// in 2019", "For comparison: in 2019") are another moment: they agree with each other and never
// conflict with this year's 3,150 staff or 6.4% growth. "would start in May" is the coming May.
func TestFiguresOfAnotherMomentStayApart(t *testing.T) {
	docs, fs := compareDir(t, "../testdata/occasions")
	var flags []Finding
	for _, f := range fs {
		if f.Status == Conflict || f.Status == Variant {
			flags = append(flags, f)
		}
	}
	if len(flags) != 1 {
		for _, f := range flags {
			t.Logf("flag %s %s: %s", f.ID, f.Fact, f.Note)
			for _, c := range f.Claims {
				t.Logf("   %s %q", docs[c.Doc].ID, c.Value)
			}
		}
		t.Fatalf("%d flags, want exactly the dredging cost", len(flags))
	}
	vals := map[string]bool{}
	for _, c := range flags[0].Claims {
		vals[c.Value] = true
	}
	if !vals["about 180 million euros"] || !vals["about 210 million euros"] {
		t.Errorf("the flag is not the dredging cost: %v", vals)
	}
	agreed := func(value string, n int) bool {
		for _, f := range fs {
			if f.Status != Agreement {
				continue
			}
			k := 0
			for _, c := range f.Claims {
				if strings.Contains(c.Value, value) {
					k++
				}
			}
			if k >= n {
				return true
			}
		}
		return false
	}
	for _, v := range []string{"7.1", "3,150", "6.4", "in May"} {
		if !agreed(v, 2) {
			t.Errorf("no agreement of at least two sources on %q", v)
		}
	}
}

func TestFarApartFiguresAreDifferentFacts(t *testing.T) {
	q := func(v, base float64) *facts.Quantity { return &facts.Quantity{Value: v, Low: v, High: v, Base: base} }
	tests := []struct {
		name string
		a, b *facts.Quantity
		want bool
	}{
		{"a revenue and a share price", q(4.05, 1e9), q(2.41, 1), true},
		{"four people and 9,300 people", q(4, 1), q(9300, 1), true},
		{"a million slipped for a billion", q(4.2, 1e6), q(4.2, 1e9), false},
		{"a missing zero", q(1800, 1), q(18000, 1), false},
		{"12 and 31 dead", q(12, 1), q(31, 1), false},
		{"none and five", q(0, 1), q(5, 1), false},
	}
	for _, tt := range tests {
		if got := farApart(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: farApart %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDigitSlips(t *testing.T) {
	q := func(v float64) *facts.Quantity { return &facts.Quantity{Value: v, Low: v, High: v, Base: 1} }
	tests := []struct {
		a, b float64
		want bool
	}{
		{82314, 83214, true}, // two digits swapped
		{1200, 2100, true},
		{41200, 41300, true}, // one digit
		{82314, 82314, false},
		{312, 321, false}, // too short to be telling
		{1200, 3400, false},
	}
	for _, tt := range tests {
		if got := digitSlip(q(tt.a), q(tt.b)); got != tt.want {
			t.Errorf("digitSlip(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMeasureOfBareFigures(t *testing.T) {
	tests := []struct{ text, figure, want string }{
		{"A ministry statement released on Friday morning put the death toll at 23.", "23", "deaths"},
		{"Rescuers found three more bodies, raising the death toll from this week's floods to 26.", "26", "deaths"},
		{"An official crowd of 82,314 watched the match.", "82,314", "attendance"},
		{"The index closed at 38,412.", "38,412", ""},
	}
	for _, tt := range tests {
		toks := facts.Tokenize(tt.text, 0)
		var got string
		for _, q := range facts.Extract([]*source.Document{docOf(t, tt.text)})[0] {
			for _, f := range q.Facts {
				if tt.text[f.Start:f.End] == tt.figure {
					got = measureOf(toks, f)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: measure %q, want %q", tt.text, got, tt.want)
		}
	}
}

func docOf(t *testing.T, text string) *source.Document {
	t.Helper()
	d, probs := source.Parse("t.txt", []byte(text), source.Options{})
	if d == nil {
		t.Fatal(probs)
	}
	return d
}

// A wire dateline dates the filing, not the story: "TALMOUTH, March 6 (Harbour Wire) - The
// ferry resumed on March 4" states March 4 only, and datelines of different days conflict with
// nothing.
func TestDatelineDatesAreNotFacts(t *testing.T) {
	docs, fs := compareDir(t, "../testdata/datelines")
	for _, f := range fs {
		for _, c := range f.Claims {
			if f.Kind == "date" {
				if d := docs[c.Doc]; c.Start >= d.DatelineStart && c.End <= d.DatelineEnd {
					t.Errorf("%s: the dateline's %q is a claim", f.ID, c.Value)
				}
			}
		}
		if f.Status == Conflict || f.Status == Variant {
			t.Errorf("flag %s %s: %s", f.ID, f.Fact, f.Note)
		}
	}
	agreedOn := func(kind string) int {
		best := 0
		for _, f := range fs {
			if f.Status == Agreement && f.Kind == kind {
				best = max(best, len(f.Claims))
			}
		}
		return best
	}
	if n := agreedOn("date"); n < 3 {
		t.Errorf("the resumption date is agreed by %d sources, want 3 (March 4, March 4, Wednesday)", n)
	}
	if n := agreedOn("number"); n < 3 {
		t.Errorf("the repair cost is agreed by %d sources, want 3", n)
	}
	for _, d := range docs {
		if strings.HasPrefix(d.Text[d.DatelineEnd:], " -") || (d.DatelineEnd > 0 && !strings.HasSuffix(d.Text[d.DatelineStart:d.DatelineEnd], "-")) {
			t.Errorf("%s: dateline span %q does not end at its dash", d.ID, d.Text[d.DatelineStart:d.DatelineEnd])
		}
	}
}
