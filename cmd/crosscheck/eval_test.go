package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/evaluate"
	"github.com/crosscheck-news/crosscheck/report"
)

// The Go scorer must give the figures of the reference scorer ../shared/eval/score.py.
func TestEvalMatchesReferenceScorer(t *testing.T) {
	script := filepath.Join("..", "..", "..", "shared", "eval", "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("../shared/eval/score.py not beside the repository")
	}
	if err := exec.Command("python3", "-c", "import yaml").Run(); err != nil {
		t.Skip("python3 with PyYAML not installed (apt-get install python3-yaml)")
	}
	cases, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*", "case.yaml"))
	cases = append([]string{filepath.Join("..", "..", "seeds", "case.yaml")}, cases...)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := append([]string{"eval", "-findings", dir, "-json", filepath.Join(dir, "eval.json")}, cases...)
	if code := run(context.Background(), args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("eval exit %d: %s", code, stderr.String())
	}
	for _, cp := range cases {
		c, err := evaluate.ReadCase(cp)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("python3", script, cp, filepath.Join(dir, c.Name+".json")).Output()
		if err != nil {
			t.Fatalf("score.py %s: %v", cp, err)
		}
		data, _ := os.ReadFile(filepath.Join(dir, c.Name+".json"))
		var r report.Report
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(string(out))
		if got := evaluate.Score(c, r).Line(); got != want {
			t.Errorf("Go scorer: %s\nscore.py:  %s", got, want)
		}
	}
}

// On the seeds the tool finds the page-count conflict and raises no false alarm.
func TestEvalSeedsFigures(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"eval", filepath.Join("..", "..", "seeds", "case.yaml")}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	line := ""
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(l, "seeds ") {
			line = strings.Join(strings.Fields(l), " ")
		}
	}
	// columns: conflicts found, false alarms, agreements found, flags, unjudged
	f := strings.Fields(line)
	if len(f) != 6 || f[2] != "0" || f[1] == "0/2" {
		t.Errorf("seeds row %q: want the page-count conflict found and no false alarm\n%s", line, stdout.String())
	}
}

func TestEvalRejectsBrokenCase(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "case.yaml")
	os.WriteFile(p, []byte("case: x\narticles:\n  - {id: a}\nfacts:\n  - {id: f1, status: maybe, values: []}\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"eval", p}, nil, &stdout, &stderr); code != exitError {
		t.Fatalf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr.String(), "case.yaml: fact f1: status \"maybe\"") {
		t.Errorf("stderr %q does not name the file and the bad field", stderr.String())
	}
}
