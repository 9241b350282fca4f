package report

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// A finding that more sources state than it lists says how many are not listed, in the
// briefing and in the JSON; one that lists every source says nothing of the kind.
func TestUnlistedSourcesAreCounted(t *testing.T) {
	r := Report{Version: Version, Sources: []Source{{ID: "a"}, {ID: "b"}}, Findings: []Finding{
		{ID: "f-listed", Status: compare.Agreement, Kind: "number", Severity: compare.Info, Fact: "all listed",
			Claims: []Claim{{Source: "a", Value: "5"}, {Source: "b", Value: "5"}}, SourceCount: 2},
		{ID: "f-cut", Status: compare.Conflict, Kind: "number", Severity: compare.High, Fact: "cut",
			Claims: []Claim{{Source: "a", Value: "5"}, {Source: "b", Value: "6"}}, SourceCount: 950},
	}}
	md, err := Markdown(r)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(md), "more sources state it too"); n != 1 {
		t.Errorf("the briefing says %d times that sources are not listed, want once:\n%s", n, md)
	}
	if !strings.Contains(string(md), "948 more sources state it too") {
		t.Errorf("the briefing does not count the 948 unlisted sources:\n%s", md)
	}
	js, err := JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"source_count": 950`) {
		t.Errorf("findings.json lacks source_count 950")
	}
}
