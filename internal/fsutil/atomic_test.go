package fsutil

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFileReplacesWholeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "briefing.md")
	os.WriteFile(p, []byte("old content that is longer than the new"), 0o600)
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(data) != "new" || st.Mode().Perm() != 0o644 {
		t.Errorf("content %q, mode %v", data, st.Mode().Perm())
	}
	if got := names(t, dir); !slices.Equal(got, []string{"briefing.md"}) {
		t.Errorf("directory holds %v", got)
	}
}

// Staged files are not visible under their names before Commit; Abort leaves the old files.
func TestAbortLeavesTheEarlierFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.md")
	os.WriteFile(a, []byte("old a"), 0o644)
	var s Staged
	if err := s.Add(a, []byte("new a")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(b, []byte("new b")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(a); string(data) != "old a" {
		t.Errorf("a staged file showed before Commit: %q", data)
	}
	s.Abort()
	if got := names(t, dir); !slices.Equal(got, []string{"a.json"}) {
		t.Errorf("after Abort the directory holds %v", got)
	}
	if data, _ := os.ReadFile(a); string(data) != "old a" {
		t.Errorf("Abort changed a: %q", data)
	}
}

// A run killed between Add and Commit leaves hidden temporary files; the next Commit of the same
// targets removes them, and leaves other files alone.
func TestCommitRemovesTheTempFilesOfAKilledRun(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "findings.json")
	os.WriteFile(filepath.Join(dir, ".findings.json.tmp-123"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, ".notes.txt.tmp-9"), []byte("someone else's"), 0o644)
	if err := WriteFile(p, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{".notes.txt.tmp-9", "findings.json"}) {
		t.Errorf("directory holds %v", got)
	}
}

func TestAddIntoAMissingDirectoryFails(t *testing.T) {
	var s Staged
	if err := s.Add(filepath.Join(t.TempDir(), "no", "such", "x"), []byte("x")); err == nil {
		t.Error("no error")
	}
}
