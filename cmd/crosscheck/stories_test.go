package main

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck-news/crosscheck/evaluate"
	"github.com/crosscheck-news/crosscheck/source"
)

// Hand-made stories in testdata/eval: in each, a planted conflict is flagged, an agreement written
// two ways is found and not flagged, and a look-alike passage about another event is not flagged.
// The IDs name annotations in each story's case.yaml, where the facts are described.
func TestHandMadeStories(t *testing.T) {
	tests := []struct {
		story                  string
		conflict, agree        string
		trap                   string
		conflictWhat, trapWhat string
	}{
		// 14 vs 16 states filing briefs; the tally written "6-3" and "six to three"; the 2017
		// ruling's 5-4 split is not the current tally.
		{"court-ruling", "f6", "f1", "t1", "amicus states", "earlier ruling's tally"},
		// the Dow closing at 38,412 vs 38,214; the S&P 500's fall as "3.1%" and "three point one
		// percent"; last October's
		// 1,190-point drop is not Monday's 1,180-point fall.
		{"market-move", "f1", "f6", "t1", "closing level", "earlier drop"},
		// oxygen down 12 vs 20 percent; the ice season 27% shorter, "twenty-seven percent" and
		// "more than a quarter"; the earlier study's ice-season figure.
		{"science-finding", "f4", "f3", "t2", "oxygen decline", "earlier study"},
		// eleven vs 14 villages cut off; the repair project approved "in 2023" and "three years
		// ago"; the day-1 toll against the day-3 toll.
		{"flood-toll", "f3", "f15", "t1", "villages cut off", "day-1 toll"},
	}
	for _, tt := range tests {
		t.Run(tt.story, func(t *testing.T) {
			c, err := evaluate.ReadCase(filepath.Join("..", "..", "testdata", "eval", tt.story, "case.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			files, err := c.Files()
			if err != nil {
				t.Fatal(err)
			}
			r, _, err := analyse(context.Background(), files, source.Options{MaxBytes: source.DefaultMaxBytes}, "")
			if err != nil {
				t.Fatal(err)
			}
			res := evaluate.Score(c, r)
			if !slices.Contains(res.Found, tt.conflict) {
				t.Errorf("planted conflict %s (%s) not flagged; missed %v", tt.conflict, tt.conflictWhat, res.Missed)
			}
			if !slices.Contains(res.AgreeFound, tt.agree) {
				t.Errorf("agreement %s not reported as an agreement; found %v", tt.agree, res.AgreeFound)
			}
			for _, id := range res.Alarms {
				if id == tt.agree || id == tt.trap {
					t.Errorf("%s flagged (a false alarm; %s is the %s)", id, tt.trap, tt.trapWhat)
				}
			}
		})
	}
}
