package compare

import (
	"sort"
	"strings"
	"testing"
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
