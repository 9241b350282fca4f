package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySeeds copies the seed articles into a fresh directory.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// flagIDs returns the flagged findings' IDs by kind.
func flagIDs(t *testing.T, dir string) map[string][]string {
	t.Helper()
	_, out, stderr := runCmd(t, "-format", "json", "-fail-on", "none", dir)
	var r struct {
		Findings []struct{ ID, Status, Kind string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	ids := map[string][]string{}
	for _, f := range r.Findings {
		if f.Status == "conflict" || f.Status == "variant" {
			ids[f.Kind] = append(ids[f.Kind], f.ID)
		}
	}
	return ids
}

// The whole review flow: the gate fails, decisions are recorded, the gate passes, an edit to a
// confirmed finding's passage makes its decision stale and the gate fails again.
func TestReviewFlowGatesCI(t *testing.T) {
	t.Setenv("CROSSCHECK_TIME", "2026-12-07T10:00:00Z")
	dir := copySeeds(t)
	gateArgs := []string{"-format", "json", "-fail-on", "medium", dir}
	if code, _, _ := runCmd(t, gateArgs...); code != 1 {
		t.Fatalf("unreviewed seeds: exit %d, want 1", code)
	}
	ids := flagIDs(t, dir)
	if len(ids["number"]) != 1 || len(ids["name"]) != 2 {
		t.Fatalf("flags on the seeds: %v", ids)
	}
	steps := [][]string{
		{"review", "confirm", ids["number"][0], "-m", "33 pages in the White House PDF", "-by", "alice", dir},
		{"review", "dismiss", ids["name"][0], "-m", "house style differs; not an error", "-by", "bob", dir},
		{"review", "confirm", ids["name"][1], "-m", "unify the spelling", dir},
	}
	for _, s := range steps {
		if code, _, stderr := runCmd(t, s...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	reviews := filepath.Join(dir, "crosscheck-reviews.yaml")
	data, _ := os.ReadFile(reviews)
	for _, want := range []string{ids["number"][0] + ":", "decision: confirmed", "by: alice", "decision: dismissed", "2026-12-07T10:00:00Z"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("reviews file lacks %q:\n%s", want, data)
		}
	}
	if code, _, stderr := runCmd(t, gateArgs...); code != 0 {
		t.Fatalf("all flags reviewed: exit %d, want 0: %s", code, stderr)
	}
	// The briefing shows the dismissed flag in its own section.
	_, md, _ := runCmd(t, "-fail-on", "none", dir)
	if !strings.Contains(md, "## Dismissed") || !strings.Contains(md, "house style differs") {
		t.Error("the briefing has no Dismissed section with the reason")
	}
	// Edit the confirmed number finding's passage.
	p := filepath.Join(dir, "000_4a8642dee2b44f5c.txt")
	text, _ := os.ReadFile(p)
	edited := strings.Replace(string(text), "The 33-page report outlining", "The 33-page report, which outlines", 1)
	if edited == string(text) {
		t.Fatal("seed 000 no longer has the sentence this test edits")
	}
	os.WriteFile(p, []byte(edited), 0o644)
	code, out, stderr := runCmd(t, gateArgs...)
	if code != 1 || !strings.Contains(stderr, ids["number"][0]) {
		t.Fatalf("after the edit: exit %d (want 1), stderr %q", code, stderr)
	}
	if !strings.Contains(out, `"stale": true`) {
		t.Error("the edited finding's review is not stale in the JSON")
	}
	// The file was not touched by the runs.
	after, _ := os.ReadFile(reviews)
	if string(after) != string(data) {
		t.Error("a report run rewrote the reviews file")
	}
}

func TestMalformedReviewsFile(t *testing.T) {
	dir := copySeeds(t)
	id := flagIDs(t, dir)["number"][0]
	tests := []struct{ name, body, want string }{
		{"bad yaml", "reviews:\n  " + id + ":\n    decision: [confirmed\n", "crosscheck-reviews.yaml:2: not valid YAML: did not find expected"},
		{"unknown id", "reviews:\n  " + id + ":\n    decision: confirmed\n  not-an-id:\n    decision: confirmed\n", "crosscheck-reviews.yaml:4: \"not-an-id\" is not a finding ID"},
		{"unknown decision", "reviews:\n  " + id + ":\n    decision: maybe\n", "crosscheck-reviews.yaml:2: " + id + ": unknown decision \"maybe\""},
		{"dismissed without reason", "reviews:\n  " + id + ":\n    decision: dismissed\n", "dismissed without a reason"},
	}
	path := filepath.Join(dir, "crosscheck-reviews.yaml")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.WriteFile(path, []byte(tt.body), 0o644)
			code, _, stderr := runCmd(t, "-format", "json", "-fail-on", "none", dir)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("report: exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.want)
			}
			code, _, stderr = runCmd(t, "review", "confirm", id, "-m", "x", dir)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("review confirm: exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.want)
			}
			if got, _ := os.ReadFile(path); string(got) != tt.body {
				t.Errorf("the malformed file was rewritten:\n%s", got)
			}
		})
	}
}

func TestConcurrentReviewWriterGetsAnError(t *testing.T) {
	dir := copySeeds(t)
	id := flagIDs(t, dir)["number"][0]
	path := filepath.Join(dir, "crosscheck-reviews.yaml")
	body := "# our desk's decisions\nreviews:\n  " + id + ":\n    decision: confirmed # checked the PDF\n    note: ok\n"
	os.WriteFile(path, []byte(body), 0o644)
	os.WriteFile(path+".lock", []byte("1\n"), 0o644)
	code, _, stderr := runCmd(t, "review", "dismiss", id, "-m", "changed my mind", dir)
	if code != 2 || !strings.Contains(stderr, "locked") {
		t.Errorf("second writer: exit %d, %q", code, stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != body {
		t.Error("the locked file was changed")
	}
	os.Remove(path + ".lock")
	if code, _, stderr := runCmd(t, "review", "note", id, "-m", "PDF checked twice", dir); code != 0 {
		t.Fatalf("note: exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(path)
	for _, want := range []string{"# our desk's decisions", "# checked the PDF", "decision: confirmed", "note: PDF checked twice"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("after an edit the file lacks %q (comments and decision kept):\n%s", want, got)
		}
	}
	if _, err := os.Stat(path + ".lock"); err == nil {
		t.Error("the lock was left behind")
	}
}
