package compare

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

func TestNegationClash(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"The two ministers did not discuss sanctions against Russia.", "Wróblewska said the ministers had discussed sanctions at length.", true},
		{"The ministers never discussed sanctions.", "The ministers discussed sanctions.", true},
		// The object differs: the sides discussed something else.
		{"The ministers did not discuss sanctions.", "The sides discussed trade and transport.", false},
		// "not only", "not just" do not negate.
		{"He not only demands higher spending but also calls for an end to expansion.", "It demands higher spending.", false},
		{"It uses ground records, not just satellites.", "The records were checked against satellites measurements.", false},
		// Both negate.
		{"The dam did not fail overnight.", "Officials said the dam did not fail overnight.", false},
	}
	for _, tt := range tests {
		_, got := negationClash(facts.Tokenize(tt.a, 0), facts.Tokenize(tt.b, 0))
		if got != tt.want {
			t.Errorf("negationClash(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNegatedClaimInSummitStory(t *testing.T) {
	docs, fs := compareDir(t, "../testdata/eval/summit-talks")
	found := false
	for _, f := range fs {
		if f.Kind != "claim" || f.Status != Conflict {
			continue
		}
		var srcs []string
		for _, c := range f.Claims {
			srcs = append(srcs, docs[c.Doc].ID)
		}
		all := strings.Join(srcs, " ")
		if strings.Contains(all, "000_vistulapress") && strings.Contains(all, "001_warsawcourier") {
			found = true
		} else {
			t.Errorf("unexpected claim conflict between %v: %s", srcs, f.Note)
		}
	}
	if !found {
		t.Error("the denial that sanctions were discussed (000) and the account that they were (001) are not a conflict")
	}
}

func TestSeedsHaveNoClaimConflict(t *testing.T) {
	_, fs := compareDir(t, "../seeds")
	for _, f := range fs {
		if f.Kind == "claim" && f.Status == Conflict {
			t.Errorf("claim conflict on the seeds: %s (%s)", f.Fact, f.Note)
		}
	}
}
