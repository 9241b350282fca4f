package report_test

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/report"
)

// Article text in a fact, a source name or a value cannot send escape sequences to the
// terminal: control characters are shown by name, colour comes only from the summary itself.
func TestTextSummaryNamesControlCharacters(t *testing.T) {
	r := report.Report{
		Sources: []report.Source{{ID: "a\x1b]0;title\x07"}, {ID: "b"}},
		Findings: []report.Finding{{ID: "f-1", Status: "conflict", Severity: "high", Fact: "homes \x1b[2Jflooded",
			Claims: []report.Claim{{Source: "a\x1b]0;title\x07", Value: "4\x1b[31m1", Line: 3}, {Source: "b", Value: "44", Line: 4}}}},
	}
	for _, color := range []bool{false, true} {
		out := string(report.Text(r, color))
		if n := strings.Count(out, "\x1b"); (!color && n > 0) || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x07") {
			t.Errorf("color=%v: article escape sequences reach the terminal: %q", color, out)
		}
		if !strings.Contains(out, "⟨U+001B⟩[2Jflooded") || !strings.Contains(out, "4⟨U+001B⟩[31m1") {
			t.Errorf("color=%v: control characters are not shown by name: %q", color, out)
		}
	}
}
