package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestColourFollowsTheTerminalAndNO_COLOR(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		name, mode string
		tty        bool
		getenv     func(string) string
		want       bool
	}{
		{"auto on a terminal colours", "auto", true, env("TERM", "xterm"), true},
		{"auto into a pipe does not", "auto", false, env("TERM", "xterm"), false},
		{"auto honours NO_COLOR", "auto", true, env("NO_COLOR", "1", "TERM", "xterm"), false},
		{"auto on a dumb terminal does not", "auto", true, env("TERM", "dumb"), false},
		{"always wins over NO_COLOR", "always", false, env("NO_COLOR", "1"), true},
		{"never wins over a terminal", "never", true, env("TERM", "xterm"), false},
	}
	for _, c := range cases {
		got, err := useColor(c.mode, c.tty, c.getenv)
		if err != nil || got != c.want {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	if _, err := useColor("sometimes", true, env()); err == nil {
		t.Error("an unknown -color mode is accepted")
	}
}

// Into a pipe the default output is the Markdown briefing; -format text gives the summary, in
// colour only when asked, and an article's escape sequences never reach the terminal.
func TestTerminalSummary(t *testing.T) {
	code, out, stderr := runCmd(t, "-fail-on", "none", "../../seeds")
	if code != 0 || !strings.HasPrefix(out, "# Crosscheck briefing") {
		t.Fatalf("default output into a pipe is not the Markdown briefing (exit %d): %.80q %s", code, out, stderr)
	}
	_, plainOut, _ := runCmd(t, "-format", "text", "-fail-on", "none", "../../seeds")
	if strings.Contains(plainOut, "\x1b") {
		t.Error("-color auto into a pipe wrote escape sequences")
	}
	for _, want := range []string{"5 sources · 1 conflict · 2 variants", "CONFLICT", "f-ec0f3534", "000_4a8642dee2b44f5c:11  33-page"} {
		if !strings.Contains(plainOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, plainOut)
		}
	}
	_, colourOut, _ := runCmd(t, "-format", "text", "-color", "always", "-fail-on", "none", "../../seeds")
	if !strings.Contains(colourOut, "\x1b[1;31m1 conflict") {
		t.Errorf("-color always did not colour the conflicts:\n%q", colourOut)
	}

	dir := t.TempDir()
	hostile := "The council said 41 homes were flooded \x1b]0;owned\x07 on Monday \x1b[2J in the valley.\n"
	other := "The council said 44 homes were flooded on Monday in the valley.\n"
	for name, text := range map[string]string{"a.txt": hostile, "b.txt": other} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, stderr = runCmd(t, "-format", "text", "-color", "always", "-fail-on", "none", dir)
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x07") {
		t.Errorf("an article's escape sequence reached the terminal:\n%q", out)
	}
	if !strings.Contains(out, "CONFLICT") {
		t.Errorf("the planted conflict is not in the summary:\n%s%s", out, stderr)
	}
}
