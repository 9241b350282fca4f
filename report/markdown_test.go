package report_test

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/report"
)

// The briefing's timeline dates the strategy's release (Friday 5 December 2025) and the
// Kremlin's reaction (Sunday 7 December), each with the sources that date it.
func TestTimelineOnSeeds(t *testing.T) {
	out, err := report.Markdown(seedsReport(t))
	if err != nil {
		t.Fatal(err)
	}
	md := string(out)
	i := strings.Index(md, "## Timeline")
	if i < 0 {
		t.Fatal("no timeline section")
	}
	section := md[i:]
	if j := strings.Index(section[3:], "\n## "); j >= 0 {
		section = section[:j+3]
	}
	for _, want := range []string{"| 2025-12-05 / Friday |", "| 2025-12-07 / Sunday |", "003\\_5d6be53f3f837c5c (December 7)"} {
		if !strings.Contains(section, want) {
			t.Errorf("timeline lacks %q:\n%s", want, section)
		}
	}
	if strings.Index(section, "2025-12-05") > strings.Index(section, "2025-12-07") {
		t.Error("timeline is not in date order")
	}
}
