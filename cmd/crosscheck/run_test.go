package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestReportOnSeedsWritesThreeFilesDeterministically(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "-out", dir, "-fail-on", "none", "../../seeds")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first := map[string][]byte{}
	for _, name := range []string{"briefing.md", "briefing.html", "findings.json", "findings.sarif"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		first[name] = data
	}
	runCmd(t, "-out", dir, "-fail-on", "none", "../../seeds")
	for name, data := range first {
		again, _ := os.ReadFile(filepath.Join(dir, name))
		if !bytes.Equal(data, again) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	var r struct {
		Version  int `json:"version"`
		Sources  []map[string]any
		Findings []map[string]any
	}
	if err := json.Unmarshal(first["findings.json"], &r); err != nil {
		t.Fatal(err)
	}
	if r.Version != 1 || len(r.Sources) != 5 || r.Findings == nil {
		t.Errorf("json: version %d, %d sources, findings %v", r.Version, len(r.Sources), r.Findings)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("output directory holds %d entries, want 4 (no temporary files left)", len(entries))
	}
}

func TestExitCodes(t *testing.T) {
	noReviews := filepath.Join(t.TempDir(), "none.yaml")
	if code, _, _ := runCmd(t, "-format", "json", "-fail-on", "medium", "-reviews", noReviews, "../../seeds"); code != 1 {
		t.Errorf("seeds with an unreviewed conflict: exit %d, want 1", code)
	}
	// The committed seeds/crosscheck-reviews.yaml reviews every seed flag: the gate passes.
	if code, _, stderr := runCmd(t, "-format", "json", "-fail-on", "low", "../../seeds"); code != 0 {
		t.Errorf("seeds with their reviews: exit %d, want 0: %s", code, stderr)
	}
	if code, _, _ := runCmd(t, "-format", "json", "-fail-on", "none", "../../seeds"); code != 0 {
		t.Errorf("-fail-on none: exit %d, want 0", code)
	}
	if code, _, _ := runCmd(t, "-fail-on", "bogus", "../../seeds"); code != 2 {
		t.Errorf("bad flag value: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t); code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	code, _, stderr := runCmd(t, dir)
	if code != 2 || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("only an empty file: exit %d, stderr %q", code, stderr)
	}
}

func TestBadFileDoesNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"000_4a8642dee2b44f5c.txt", "001_72dbfa1303ffd045.txt"} {
		data, _ := os.ReadFile(filepath.Join("../../seeds", name))
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "junk.txt"), []byte("\x00\x01\x02binary"), 0o644)
	code, out, stderr := runCmd(t, "-format", "json", "-fail-on", "none", dir)
	if code != 0 || !strings.Contains(stderr, "junk.txt: binary") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "33-page") {
		t.Error("the usable files were not compared")
	}
}

func TestOutputIsNotReplacedWhenTheRunFails(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "briefing.md"), []byte("earlier briefing"), 0o644)
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "a.txt"), nil, 0o644)
	if code, _, _ := runCmd(t, "-out", dir, empty); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "briefing.md")); string(data) != "earlier briefing" {
		t.Error("a failed run changed the earlier briefing")
	}
}

// An output directory inside the input directory is not read back as articles on the next run.
func TestOutputInsideTheInputIsNotReadBack(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"000_4a8642dee2b44f5c.txt", "001_72dbfa1303ffd045.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCmd(t, "-out", out, "-fail-on", "none", dir); code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, stderr)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Sources []struct{ ID string } }
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) != 2 {
		t.Errorf("second run read %d sources, want the 2 articles: %+v", len(r.Sources), r.Sources)
	}
}
