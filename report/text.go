package report

import (
	"fmt"
	"strings"

	"github.com/crosscheck-news/crosscheck/compare"
)

// ANSI styles of the terminal summary.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiGreen  = "\x1b[32m"
)

// Text is the terminal summary: the counts, then one block per flag, worst first, with where
// each source says what. Article text is stripped of control characters, so an article cannot
// send escape sequences to the terminal; colour is added only when asked for.
func Text(r Report, color bool) []byte {
	paint := func(style, s string) string {
		if !color || style == "" {
			return s
		}
		return style + s + ansiReset
	}
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Status]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s · %s · %s · %s\n", paint(ansiBold, "crosscheck:"), quantity(len(r.Sources), "source", "sources"),
		paint(ansiRed, quantity(counts[compare.Conflict], "conflict", "conflicts")), paint(ansiYellow, quantity(counts[compare.Variant], "variant", "variants")),
		paint(ansiGreen, quantity(counts[compare.Agreement], "agreement", "agreements")))
	if len(r.Sources) < 2 {
		b.WriteString("fewer than two sources: nothing to compare\n")
	}
	for _, f := range orderFindings(r.Findings) {
		if !f.IsFlag() {
			continue
		}
		style := ansiYellow
		if f.Status == compare.Conflict {
			style = ansiRed
		}
		state := "unreviewed"
		if f.Review != nil {
			state = f.Review.Decision
			if f.Review.Stale {
				state += ", stale"
			}
		}
		head := fmt.Sprintf("%-8s %-6s %s  %s", strings.ToUpper(f.Status), f.Severity, f.ID, plain(capitalize(f.Fact)))
		if state != "unreviewed" && !strings.HasSuffix(state, "stale") {
			head = paint(ansiDim, head+"  ["+state+"]")
		} else {
			head = paint(style, head) + "  [" + state + "]"
		}
		b.WriteString("\n" + head + "\n")
		for _, c := range f.Claims {
			fmt.Fprintf(&b, "    %s:%d  %s\n", plain(c.Source), c.Line, plain(shorten(c.Value, 60)))
		}
	}
	for _, p := range r.Problems {
		b.WriteString("\n" + paint(ansiYellow, "problem:") + " " + plain(p) + "\n")
	}
	return []byte(b.String())
}

// plain makes text safe for a terminal: one line, and invisible or control characters named.
func plain(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		if disguising(r) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
