package compare

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// nameFlags returns, per variant name finding, its spellings with their sources ("Kiev@004…").
func nameFlags(t *testing.T, dir string) []string {
	t.Helper()
	docs, fs := compareDir(t, dir)
	var out []string
	for _, f := range fs {
		if f.Kind != "name" || f.Status != Variant {
			continue
		}
		var ss []string
		for _, c := range f.Claims {
			ss = append(ss, c.Value+"@"+docs[c.Doc].ID[:3])
		}
		sort.Strings(ss)
		out = append(out, strings.Join(slices.Compact(ss), " "))
	}
	sort.Strings(out)
	return out
}

func TestSeedsNameVariants(t *testing.T) {
	got := nameFlags(t, "../seeds")
	want := []string{
		"Kiev@004 Kyiv@002 Kyiv@003",
		"Sergei Lavrov@002 Sergey Lavrov@004",
	}
	if !slices.Equal(got, want) {
		t.Errorf("name variants on the seeds:\n got %q\nwant %q", got, want)
	}
}

func TestNameVariantsInHandMadeStories(t *testing.T) {
	tests := []struct {
		dir     string
		want    []string // spellings that must be in one variant finding
		notWith []string // names that must not be in any variant finding
	}{
		// Three spellings of the Kazakh minister; the Polish minister written with and without
		// diacritics is one spelling, not a flag.
		{"summit-talks", []string{"Yerlan Zhaksybekov", "Erlan Jaksybekov", "Yerlan Zhaksybekow"}, []string{"Wroblewska", "Wróblewska"}},
		// A misspelt surname used alone; Tom Reyes (district manager) and Justice Tomas Reyes are
		// two people.
		{"court-ruling", []string{"Miriam Okafor", "Okafer"}, []string{"Tom Reyes", "Tomas Reyes"}},
		// Fed Governor Danielle Kessler and CFO Daniel Kessler are two people.
		{"market-move", nil, []string{"Danielle Kessler", "Daniel Kessler"}},
		// Timur Yusupov, spelled Temur Yusufov once; Dilnoza Yusupova is someone else.
		{"election-count", []string{"Timur Yusupov", "Temur Yusufov"}, []string{"Dilnoza Yusupova", "Yusupova"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			flags := nameFlags(t, "../testdata/eval/"+tt.dir)
			if len(tt.want) > 0 {
				ok := false
				for _, f := range flags {
					all := true
					for _, w := range tt.want {
						all = all && strings.Contains(f, w+"@")
					}
					ok = ok || all
				}
				if !ok {
					t.Errorf("no variant finding holds all of %q; got %q", tt.want, flags)
				}
			}
			for _, f := range flags {
				for _, n := range tt.notWith {
					if strings.Contains(" "+f, " "+n+"@") {
						t.Errorf("%q is in a variant finding: %q", n, f)
					}
				}
			}
		})
	}
}

func TestNameWordRules(t *testing.T) {
	same := [][2]string{{"sergei", "sergey"}, {"kyiv", "kiev"}, {"dmitry", "dmitri"}, {"okafor", "okafer"}, {"brekkestad", "brekkstad"}}
	diff := [][2]string{{"iran", "iraq"}, {"austria", "australia"}, {"ukraine", "ukrainian"}, {"germany", "german"},
		{"tromso", "troms"}, {"daniel", "danielle"}, {"yusupov", "yusupova"}, {"john", "jane"}, {"russia", "prussia"}}
	for _, p := range same {
		if !sameWord(p[0], p[1], false) {
			t.Errorf("%s and %s should be one name spelled two ways", p[0], p[1])
		}
	}
	for _, p := range diff {
		if sameWord(p[0], p[1], false) {
			t.Errorf("%s and %s should be different names", p[0], p[1])
		}
	}
	forms := func(s string) *mention {
		m := &mention{surface: s}
		for _, w := range strings.Fields(s) {
			m.words = append(m.words, foldName(w))
		}
		return m
	}
	for _, p := range [][2]string{{"Timur Yusupov", "Temur Yusufov"}, {"Mykhailo Hrytsenko", "Mikhailo Hritsenko"}, {"Sergei Lavrov", "Sergey Lavrov"}} {
		if !variantForms(forms(p[0]), forms(p[1])) {
			t.Errorf("%s and %s should be one person", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"John Smith", "Jane Smith"}, {"Tom Reyes", "Tomas Reyes"}, {"Anna Kowalska", "Anna Kowalski"}} {
		if variantForms(forms(p[0]), forms(p[1])) {
			t.Errorf("%s and %s should not be a spelling variant", p[0], p[1])
		}
	}
}
