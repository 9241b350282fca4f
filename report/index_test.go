package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestSortStoriesPutsMostUnreviewedFirstAndFailuresLast(t *testing.T) {
	stories := []StoryEntry{
		{Story: "zeta", Unreviewed: 2},
		{Story: "broken", Error: "no usable article"},
		{Story: "alpha", Unreviewed: 0},
		{Story: "beta", Unreviewed: 2},
		{Story: "also-broken", Error: "cannot read"},
		{Story: "gamma", Unreviewed: 5},
	}
	SortStories(stories)
	var got []string
	for _, e := range stories {
		got = append(got, e.Story)
	}
	want := []string{"gamma", "beta", "zeta", "alpha", "also-broken", "broken"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestIndexPagesEscapeStoryNamesAndErrors(t *testing.T) {
	x := Index{Version: IndexVersion, Stories: []StoryEntry{
		{Story: "<script>alert(1)</script>", Dir: "<script>alert(1)</script>", Unreviewed: 3, Flags: 3,
			BySeverity: Severities{High: 1, Low: 2}},
		{Story: "javascript:alert(1)", Dir: "javascript:alert(1)", Unreviewed: 1, Flags: 1, BySeverity: Severities{Medium: 1}},
		{Story: "pipes | and *stars*", Dir: "shard-1/pipes | and *stars*"},
		{Story: "bad <img src=x onerror=alert(1)>", Error: "no usable article: <img src=x onerror=alert(2)>"},
	}}
	md, err := IndexMarkdown(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| [\\<script\\>alert(1)\\</script\\>](%3Cscript%3Ealert%281%29%3C/script%3E/briefing.md) | 3 (1 high, 2 low) | 3 |",
		"(javascript%3Aalert%281%29/briefing.md)",
		"[pipes \\| and \\*stars\\*](shard-1/pipes%20%7C%20and%20%2Astars%2A/briefing.md) | 0 |",
		"- **bad \\<img src=x onerror=alert(1)\\>**: no usable article: \\<img src=x onerror=alert(2)\\>",
	} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("index.md lacks %q:\n%s", want, md)
		}
	}
	// Every table row keeps its eight cell borders: a pipe in a name does not split a cell.
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "| [") {
			if n := strings.Count(line, "|") - strings.Count(line, "\\|"); n != 8 {
				t.Errorf("row has %d cell borders, want 8: %s", n, line)
			}
		}
	}

	page, err := IndexHTML(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "<img", `href="javascript:`} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("index.html contains %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		`href="%3Cscript%3Ealert%281%29%3C/script%3E/briefing.html"`,
		`href="javascript%3Aalert%281%29/briefing.html"`,
		"onerror=alert(2)&gt;",
		"<title>Crosscheck index</title>",
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}

func TestIndexSummaryAndEmptyIndex(t *testing.T) {
	x := Index{Version: IndexVersion, Stories: []StoryEntry{
		{Story: "a", Dir: "a", Unreviewed: 2, BySeverity: Severities{High: 2}},
		{Story: "b", Dir: "b", Unreviewed: 1, BySeverity: Severities{Low: 1}},
		{Story: "c", Dir: "c"},
		{Story: "d", Error: "no usable article"},
	}}
	md, err := IndexMarkdown(x)
	if err != nil {
		t.Fatal(err)
	}
	if want := "**3 stories compared: 2 stories with unreviewed flags (3 flags in all); 1 story could not be compared.**"; !bytes.Contains(md, []byte(want)) {
		t.Errorf("summary: want %q in\n%s", want, md)
	}
	data, err := IndexJSON(Index{Version: IndexVersion})
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"stories\": []\n}\n"; string(data) != want {
		t.Errorf("empty index JSON %q, want %q", data, want)
	}
	data, err = IndexJSON(Index{Version: IndexVersion, Shard: &Shard{K: 2, N: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"shard": {`)) || !bytes.Contains(data, []byte(`"k": 2`)) {
		t.Errorf("a shard's index does not name its shard: %s", data)
	}
}
