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

// A flag with many claims sums them up by value, the most stated first, and names the few who
// state the odd one out.
func TestFlagsSumUpTheirValues(t *testing.T) {
	f := Finding{ID: "f-odd", Status: compare.Conflict, Kind: "date", Severity: compare.High, Fact: "date", SourceCount: 6}
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		f.Claims = append(f.Claims, Claim{Source: s, Value: "June 1", Normalized: "2025-06-01"})
	}
	f.Claims = append(f.Claims, Claim{Source: "odd_one", Value: "on Saturday", Normalized: "2025-05-31"})
	md, err := Markdown(Report{Version: Version, Findings: []Finding{f}})
	if err != nil {
		t.Fatal(err)
	}
	want := "By value: **June 1** (2025-06-01): 5 claims · **on Saturday** (2025-05-31): 1 claim, odd\\_one"
	if !strings.Contains(string(md), want) {
		t.Errorf("the briefing lacks %q:\n%s", want, md)
	}
}
