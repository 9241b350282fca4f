package compare

import (
	"sort"
	"strings"
	"testing"
	"time"
)

// The seeds' release (Friday 5 December 2025) and the Kremlin's reaction (Sunday 7 December)
// agree across the sources that date them; seed 002's March remarks join neither.
func TestSeedsDatesAgreeAndMarchStaysApart(t *testing.T) {
	docs, fs := compareDir(t, "../seeds")
	want := map[string]string{
		"2025-12-05": "000,001,003",
		"2025-12-07": "001,003",
	}
	got := map[string]string{}
	for _, f := range fs {
		if f.Kind != "date" {
			continue
		}
		var ids []string
		day := ""
		for _, c := range f.Claims {
			id := docs[c.Doc].ID[:3]
			ids = append(ids, id)
			if strings.HasPrefix(c.Normalized, "2025-12-0") {
				day = c.Normalized
			}
			if id == "002" && f.Status == Conflict {
				t.Errorf("seed 002 in a date conflict: %+v", f)
			}
		}
		sort.Strings(ids)
		if day != "" && f.Status == Agreement {
			got[day] = strings.Join(ids, ",")
			if strings.Contains(got[day], "002") {
				t.Errorf("March's seed 002 joined December's %s: %s", day, got[day])
			}
		}
	}
	for day, ids := range want {
		if got[day] != ids {
			t.Errorf("agreement on %s: got sources %q, want %q", day, got[day], ids)
		}
	}
}

// testdata/dates: four short articles written for this test about a bridge reopening.
func TestDatesInHandMadeStory(t *testing.T) {
	docs, fs := compareDir(t, "../testdata/dates")
	has := func(status, a, va, b, vb string) bool {
		for _, f := range fs {
			if f.Kind != "date" || f.Status != status {
				continue
			}
			var okA, okB bool
			for _, c := range f.Claims {
				okA = okA || (docs[c.Doc].ID == a && c.Value == va)
				okB = okB || (docs[c.Doc].ID == b && c.Value == vb)
			}
			if okA && okB {
				return true
			}
		}
		return false
	}
	// One outlet says the bridge reopened on Tuesday, the other on Wednesday.
	if !has(Conflict, "000_lennpost", "on Tuesday", "001_valleyherald", "on Wednesday") {
		t.Error("Tuesday against Wednesday for the reopening is not a conflict")
	}
	// "eight days ago" in an article of 10 June is June 2.
	if !has(Agreement, "000_lennpost", "June 2", "001_valleyherald", "eight days ago") {
		t.Error(`"eight days ago" and "June 2" are not an agreement`)
	}
	// "Thursday, June 12" 2026: June 12 is a Friday.
	if !has(Conflict, "000_lennpost", "Thursday, June 12", "001_valleyherald", "June 12") {
		t.Error("a weekday that does not fall on its date is not flagged")
	}
	// The undated blog's Tuesday is compared as a weekday.
	if !has(Agreement, "000_lennpost", "on Tuesday", "002_riverwatchblog", "on Tuesday") {
		t.Error("the undated article's Tuesday does not agree with the dated Tuesday")
	}
	for _, f := range fs {
		for _, c := range f.Claims {
			// The 2025 reopening, in the same words, is another event.
			if docs[c.Doc].ID == "003_lennpost2025" && (f.Status == Conflict || f.Status == Variant) {
				t.Errorf("the reopening a year earlier is flagged: %s (%s)", f.Fact, f.Note)
			}
		}
		// No conflict pairs dates of different sentences' subjects (the council's vote and the
		// hearing).
		if f.Kind == "date" && f.Status == Conflict && len(f.Claims) == 2 && f.Claims[0].Value == "June 2" {
			t.Errorf("the council's June 2 vote conflicts with %q", f.Claims[1].Value)
		}
	}
}

func TestISODayMatchesFormat(t *testing.T) {
	for _, s := range []string{"0001-01-01", "0999-12-31", "2025-12-07", "2026-03-09", "9999-12-31"} {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		if got := isoDay(d); got != s {
			t.Errorf("isoDay(%s) = %s", s, got)
		}
	}
	far := time.Date(12000, 5, 6, 0, 0, 0, 0, time.UTC)
	if got, want := isoDay(far), far.Format("2006-01-02"); got != want {
		t.Errorf("isoDay(year 12000) = %s, want %s", got, want)
	}
}

// "was due to meet executives in Warsaw on Tuesday" is a plan; "left Warsaw for Berlin on
// Wednesday" is what happened: the summit story does not flag them against each other.
func TestPlanIsNotInConflictWithWhatHappened(t *testing.T) {
	docs, fs := compareDir(t, "../testdata/eval/summit-talks")
	for _, f := range fs {
		if f.Status != Conflict || f.Kind != "date" {
			continue
		}
		vals := map[string]bool{}
		for _, c := range f.Claims {
			vals[docs[c.Doc].Text[c.Start:c.End]] = true
		}
		if vals["on Tuesday"] && vals["on Wednesday"] {
			t.Errorf("%s flags a plan against what happened: %v (%s)", f.ID, vals, f.Note)
		}
	}
}
