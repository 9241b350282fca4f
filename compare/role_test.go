package compare

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

func TestRoleOfFigures(t *testing.T) {
	tests := []struct {
		text, figure string
		want         figureRole
	}{
		{"The Nasdaq Composite dropped 4.2 percent.", "4.2", roleChange},
		{"The 10-year yield dropped to 3.92%.", "3.92", roleLevel},
		{"The Dow fell 1,180 points, or 3%, to close at 38,412.", "38,412", roleLevel},
		{"The Dow closed at 38,214, down 1,180 points.", "1,180", roleChange},
		{"The Dow closed at 38,214, down 1,180 points.", "38,214", roleLevel},
		{"Exports rose by 12% last year.", "12", roleChange},
		{"Exports rose sharply to 12% of output.", "12", roleLevel},
		{"It was a fall of 3 percent.", "3", roleChange},
		{"The report has 33 pages.", "33", roleUnknown},
		{"Turnout was 58.9% in the last election.", "58.9", roleUnknown},
	}
	for _, tt := range tests {
		d := docOf(t, tt.text)
		var f *facts.Fact
		var toks []facts.Token
		for _, s := range facts.Extract([]*source.Document{d})[0] {
			for _, x := range s.Facts {
				if x.Kind == facts.Number && strings.Contains(x.Text([]*source.Document{d}), tt.figure) {
					f, toks = &x, s.Tokens
				}
			}
		}
		if f == nil {
			t.Fatalf("%q: no figure %s", tt.text, tt.figure)
		}
		if got := roleOf(toks, *f); got != tt.want {
			t.Errorf("%q: role of %s = %d, want %d", tt.text, tt.figure, got, tt.want)
		}
	}
	if !otherRole(roleChange, roleLevel) || otherRole(roleChange, roleChange) || otherRole(roleUnknown, roleLevel) {
		t.Error("otherRole: a change and a level differ; unknown differs from nothing")
	}
}

func TestStageOfAccounts(t *testing.T) {
	tests := []struct {
		text string
		want countStage
	}{
		{"The opposition was heading for victory on Monday, according to partial results.", stagePreliminary},
		{"The commission on Tuesday declared the final result of the election.", stageFinal},
		{"Provisional figures put turnout at 61%.", stagePreliminary},
		{"The final tally replaced the preliminary one.", stageUnknown},
		{"The commission announced the result on Tuesday.", stageUnknown},
	}
	for _, tt := range tests {
		if got := stageOf(facts.Tokenize(tt.text, 0)); got != tt.want {
			t.Errorf("%q: stage %d, want %d", tt.text, got, tt.want)
		}
	}
	if !otherStage(stagePreliminary, stageFinal) || otherStage(stageFinal, stageFinal) || otherStage(stageUnknown, stageFinal) {
		t.Error("otherStage: preliminary and final differ; unknown differs from nothing")
	}
}
