//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"
)

// Two short articles of the bad-input tests: they disagree on line 5 (40 and 45 homes) and agree
// on the rest, so every case can check that the good files were still compared.
const (
	articleA = "VALLEY NEWS\n\nRescuers worked through the night in the flooded valley, the regional council said on Tuesday.\n\nThe council said 40 homes were flooded on Monday after the river burst its banks.\n\nThe army sent 300 soldiers to help with the search.\n"
	articleB = "RIVER POST\n\nRescuers worked through the night in the flooded valley, the regional council said on Tuesday.\n\nThe council said 45 homes were flooded on Monday after the river burst its banks.\n\nThe army sent 300 soldiers to help with the search.\n"
)

func badWrite(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func badPair(t *testing.T, dir string) {
	badWrite(t, dir, "a.txt", []byte(articleA))
	badWrite(t, dir, "b.txt", []byte(articleB))
}

func utf16Of(s string, bigEndian bool) []byte {
	b := []byte{0xff, 0xfe}
	if bigEndian {
		b = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// badReport is the part of findings.json the bad-input tests read.
type badReport struct {
	Sources []struct {
		ID, File, Outlet string
	}
	Findings []struct {
		ID, Status, Kind string
		Claims           []struct {
			Source, Value, Passage string
			Line, Start, End       int
		}
	}
	Problems []string
}

func (r badReport) sourceIDs() []string {
	var ids []string
	for _, s := range r.Sources {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	return ids
}

// homesClaim returns the claim of source id in the homes conflict.
func (r badReport) homesClaim(t *testing.T, id string) (value, passage string, line, start, end int) {
	t.Helper()
	for _, f := range r.Findings {
		if f.Status != "conflict" {
			continue
		}
		for _, c := range f.Claims {
			if c.Source == id && strings.Contains(c.Value, "homes") {
				return c.Value, c.Passage, c.Line, c.Start, c.End
			}
		}
	}
	t.Fatalf("no homes conflict with a claim of %s", id)
	return
}

// TestBadInput runs the command on a directory holding the two good articles and one bad input.
// Each case names the file (and line) in its message, still compares the other files, and
// exits as docs/bad-input.md says. Every row of that table names its case here.
func TestBadInput(t *testing.T) {
	type result struct {
		dir            string
		stdout, stderr string
		report         badReport
		alloc          uint64 // bytes allocated by the run
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) []string // returns the arguments after the flags
		code  int
		// stderr lines to find; DIR/ stands for the case's directory
		stderr  []string
		sources []string // the IDs in findings.json, when the run writes it
		check   func(t *testing.T, r result)
		slow    bool // skipped with -short
	}{
		{
			name:    "an empty file",
			setup:   func(t *testing.T, dir string) []string { badWrite(t, dir, "empty.txt", nil); return nil },
			stderr:  []string{"error: DIR/empty.txt: file is empty (no text to compare)"},
			sources: []string{"a", "b"},
		},
		{
			name: "a file of white space only",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "blank.md", []byte(" \n\t\r\n \u00a0\n"))
				return nil
			},
			stderr:  []string{"error: DIR/blank.md: file is empty (no text to compare)"},
			sources: []string{"a", "b"},
		},
		{
			name: "a binary file",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
				return nil
			},
			stderr:  []string{"error: DIR/photo.txt: binary file (NUL byte at offset 8); not an article"},
			sources: []string{"a", "b"},
		},
		{
			name: "invalid UTF-8",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "b.txt", []byte(strings.Replace(articleB, "the river", "the caf\xe9 by the river", 1)))
				return nil
			},
			stderr:  []string{"warning: DIR/b.txt:5: invalid UTF-8 (1 byte, the first on this line) replaced with U+FFFD"},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				value, passage, line, _, _ := r.report.homesClaim(t, "b")
				if value != "45 homes" || line != 5 || !strings.Contains(passage, "caf\ufffd by the river") {
					t.Errorf("claim %q on line %d: %q", value, line, passage)
				}
			},
		},
		{
			name: "UTF-16LE with a byte order mark",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "b.txt", utf16Of(articleB, false))
				return nil
			},
			stderr:  []string{"warning: DIR/b.txt: converted from UTF-16LE (byte order mark)"},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				if value, _, line, _, _ := r.report.homesClaim(t, "b"); value != "45 homes" || line != 5 {
					t.Errorf("claim %q on line %d, want 45 homes on line 5", value, line)
				}
			},
		},
		{
			name: "UTF-16BE with a byte order mark",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "b.txt", utf16Of(strings.ReplaceAll(articleB, "\n", "\r\n"), true))
				return nil
			},
			stderr:  []string{"warning: DIR/b.txt: converted from UTF-16BE (byte order mark)"},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				if value, _, line, _, _ := r.report.homesClaim(t, "b"); value != "45 homes" || line != 5 {
					t.Errorf("claim %q on line %d, want 45 homes on line 5", value, line)
				}
			},
		},
		{
			name: "UTF-16 without a byte order mark",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "c.txt", utf16Of(articleB, false)[2:])
				return nil
			},
			stderr:  []string{"error: DIR/c.txt: looks like UTF-16 without a byte order mark; convert it to UTF-8"},
			sources: []string{"a", "b"},
		},
		{
			name: "Windows line endings",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "b.txt", []byte(strings.ReplaceAll(articleB, "\n", "\r\n")))
				return nil
			},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				value, _, line, start, end := r.report.homesClaim(t, "b")
				raw, _ := os.ReadFile(filepath.Join(r.dir, "b.txt"))
				if value != "45 homes" || line != 5 {
					t.Errorf("claim %q on line %d, want 45 homes on line 5", value, line)
				}
				if got := string(raw[start:end]); got != "The council said 45 homes were flooded on Monday after the river burst its banks." {
					t.Errorf("bytes %d-%d of the file are %q", start, end, got)
				}
			},
		},
		{
			name: "a 200 MB file",
			setup: func(t *testing.T, dir string) []string {
				p := badWrite(t, dir, "huge.txt", nil)
				if err := os.Truncate(p, 200<<20); err != nil { // sparse: no disk, no time
					t.Fatal(err)
				}
				return nil
			},
			stderr:  []string{"error: DIR/huge.txt: file is 209715200 bytes (200.0 MiB), larger than the -max-bytes limit of 33554432 bytes (32.0 MiB); not read"},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				if r.alloc > 64<<20 {
					t.Errorf("the run allocated %d MiB: the refused file was read", r.alloc>>20)
				}
			},
		},
		{
			name: "a file above a lower -max-bytes",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "long.txt", []byte(strings.Repeat(articleA[13:], 20)))
				return []string{"-max-bytes", "1000"}
			},
			stderr:  []string{"error: DIR/long.txt: file is 4620 bytes (4.5 KiB), larger than the -max-bytes limit of 1000 bytes; not read (raise the limit with -max-bytes)"},
			sources: []string{"a", "b"},
		},
		{
			name: "a single line of 5 MB",
			setup: func(t *testing.T, dir string) []string {
				var b strings.Builder
				for i := 0; b.Len() < 5<<20; i++ {
					b.WriteString([]string{"The council said the river rose in the night. ", "Rescuers searched the valley road. ",
						"Engineers inspected the old bridge near the mill. "}[i%3])
				}
				badWrite(t, dir, "oneline.txt", []byte(b.String()))
				return nil
			},
			sources: []string{"a", "b", "oneline"},
			slow:    true,
		},
		{
			name: "a single line of 5 MB without a sentence end",
			setup: func(t *testing.T, dir string) []string {
				unit := "and the water rose past 40 houses near the old mill "
				badWrite(t, dir, "runon.txt", []byte("Flood notes\n\n"+strings.Repeat(unit, (5<<20)/len(unit))+"\nThe end of the notes.\n"))
				return nil
			},
			stderr:  []string{"warning: DIR/runon.txt:3: text runs on for more than 2000 bytes without a sentence end; cut into pieces at spaces"},
			sources: []string{"a", "b", "runon"},
			slow:    true,
		},
		{
			name: "a directory with no articles",
			setup: func(t *testing.T, dir string) []string {
				empty := filepath.Join(dir, "empty")
				badWrite(t, empty, "notes.pdf", []byte("%PDF-1.4"))
				badWrite(t, empty, "README", []byte("Articles go here."))
				return []string{empty}
			},
			code:   2,
			stderr: []string{"error: DIR/empty: no article files (.txt, .md, .markdown, .html, .htm) in this directory", "crosscheck: no usable article among 0 file(s)"},
		},
		{
			name: "a directory of unusable files only",
			setup: func(t *testing.T, dir string) []string {
				bad := filepath.Join(dir, "bad")
				badWrite(t, bad, "empty.txt", nil)
				badWrite(t, bad, "photo.txt", []byte("\x00\x01"))
				return []string{bad}
			},
			code:   2,
			stderr: []string{"error: DIR/bad/empty.txt: file is empty", "error: DIR/bad/photo.txt: binary file", "crosscheck: no usable article among 2 file(s)"},
		},
		{
			name: "one article only",
			setup: func(t *testing.T, dir string) []string {
				return []string{filepath.Join(dir, "a.txt")}
			},
			stderr:  []string{"crosscheck: 1 sources, 0 findings, 0 flagged"},
			sources: []string{"a"},
			check: func(t *testing.T, r result) {
				if len(r.report.Findings) != 0 {
					t.Errorf("%d findings from one article", len(r.report.Findings))
				}
				var md bytes.Buffer
				code := run(context.Background(), []string{"-format", "md", filepath.Join(r.dir, "a.txt")}, strings.NewReader(""), &md, &bytes.Buffer{})
				if code != 0 || !strings.Contains(md.String(), "fewer than two sources: nothing to compare") {
					t.Errorf("exit %d; the briefing does not say there is nothing to compare:\n%s", code, md.String())
				}
			},
		},
		{
			name: "the same article twice",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "copy/a-again.txt", []byte(articleA))
				badWrite(t, dir, "copy/b-windows.txt", []byte(strings.ReplaceAll(articleB, "\n", "\r\n")))
				return nil
			},
			stderr: []string{
				"warning: DIR/copy/a-again.txt: duplicate: same text as DIR/a.txt; skipped, so the article is not compared with itself",
				"warning: DIR/copy/b-windows.txt: duplicate: same text as DIR/b.txt; skipped",
			},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				for _, f := range r.report.Findings {
					if f.Status == "agreement" && len(f.Claims) != 2 {
						t.Errorf("finding %s has %d claims: a copy was compared", f.ID, len(f.Claims))
					}
				}
			},
		},
		{
			name: "a symbolic link loop",
			setup: func(t *testing.T, dir string) []string {
				os.Symlink("loop2.txt", filepath.Join(dir, "loop1.txt"))
				os.Symlink("loop1.txt", filepath.Join(dir, "loop2.txt"))
				os.Symlink("..", filepath.Join(dir, "up"))
				return nil
			},
			stderr: []string{
				"error: DIR/loop1.txt: symbolic link cannot be followed: too many levels of symbolic links; skipped",
				"error: DIR/loop2.txt: symbolic link cannot be followed: too many levels of symbolic links; skipped",
				"warning: DIR/up: symbolic link to a directory; not followed",
			},
			sources: []string{"a", "b"},
		},
		{
			name: "a symbolic link to a directory outside",
			setup: func(t *testing.T, dir string) []string {
				outside := t.TempDir()
				badWrite(t, outside, "c.txt", []byte(articleB))
				os.Symlink(outside, filepath.Join(dir, "more"))
				return nil
			},
			stderr:  []string{"warning: DIR/more: symbolic link to a directory; not followed (give the directory itself to read it)"},
			sources: []string{"a", "b"},
		},
		{
			name: "a symbolic link to a file outside",
			setup: func(t *testing.T, dir string) []string {
				outside := t.TempDir()
				secret := badWrite(t, outside, "secret.txt", []byte("Private notes that must not reach a briefing. Nobody shared them."))
				os.Symlink(secret, filepath.Join(dir, "notes.txt"))
				return nil
			},
			stderr:  []string{"error: DIR/notes.txt: symbolic link to a file outside DIR; skipped (give the file itself to read it)"},
			sources: []string{"a", "b"},
		},
		{
			name: "malformed front matter",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "c.txt", []byte("---\nsource: Hill Courier\ntitle: [Flood, toll\n---\n"+articleB[11:]))
				return nil
			},
			stderr:  []string{"warning: DIR/c.txt:3: front matter: did not find expected ',' or ']'; front matter ignored"},
			sources: []string{"a", "b", "c"},
		},
		{
			name: "a front matter date that is no date",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "c.txt", []byte("---\nsource: Hill Courier\npublished: 3/2/25\n---\n"+articleB[11:]))
				return nil
			},
			stderr:  []string{`warning: DIR/c.txt:3: front matter: published: "3/2/25" is not a date (use YYYY-MM-DD)`},
			sources: []string{"a", "b", "c"},
		},
		{
			name: "a manifest entry outside the input directory",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, filepath.Dir(dir), "elsewhere.txt", []byte(articleB))
				m := badWrite(t, dir, "sources.yaml", []byte("- file: a.txt\n  source: Valley Gazette\n- file: ../elsewhere.txt\n  source: Elsewhere\n- file: /etc/hostname\n"))
				return []string{"-sources", m, dir}
			},
			stderr: []string{
				`error: DIR/sources.yaml:3: manifest: file "../elsewhere.txt" is outside the manifest's directory; entry ignored`,
				`error: DIR/sources.yaml:5: manifest: file "/etc/hostname" is an absolute path`,
			},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				for _, s := range r.report.Sources {
					if s.ID == "a" && s.Outlet != "Valley Gazette" {
						t.Errorf("the manifest's good entry was not applied: outlet %q", s.Outlet)
					}
				}
			},
		},
		{
			name: "a malformed manifest",
			setup: func(t *testing.T, dir string) []string {
				m := badWrite(t, dir, "sources.yaml", []byte("- file: a.txt\n  source: [Valley\n"))
				return []string{"-sources", m, dir}
			},
			code:   2,
			stderr: []string{"error: DIR/sources.yaml:2: manifest: did not find expected ',' or ']'"},
		},
		{
			name: "a named pipe",
			setup: func(t *testing.T, dir string) []string {
				if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
					t.Skip("no named pipes:", err)
				}
				return nil
			},
			stderr:  []string{"error: DIR/pipe.txt: not a regular file (a named pipe); skipped"},
			sources: []string{"a", "b"},
		},
		{
			name: "hidden files",
			setup: func(t *testing.T, dir string) []string {
				badWrite(t, dir, "._a.txt", []byte("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X"))
				badWrite(t, dir, ".drafts/c.txt", []byte(articleB))
				return nil
			},
			sources: []string{"a", "b"},
			check: func(t *testing.T, r result) {
				if strings.Contains(r.stderr, "._a.txt") || strings.Contains(r.stderr, "drafts") {
					t.Errorf("hidden files were read: %s", r.stderr)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.slow && testing.Short() {
				t.Skip("compares megabytes")
			}
			dir := filepath.Join(t.TempDir(), "in")
			badPair(t, dir)
			args := tt.setup(t, dir)
			if len(args) == 0 || strings.HasPrefix(args[0], "-") && !slices.Contains(args, dir) {
				args = append(args, dir)
			}
			args = append([]string{"-format", "json", "-fail-on", "none", "-reviews", filepath.Join(t.TempDir(), "none.yaml")}, args...)
			var stdout, stderr bytes.Buffer
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			runtime.ReadMemStats(&after)
			r := result{dir: dir, stdout: stdout.String(), stderr: stderr.String(), alloc: after.TotalAlloc - before.TotalAlloc}
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, r.stderr)
			}
			for _, want := range tt.stderr {
				want = strings.ReplaceAll(want, "DIR", dir)
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if tt.code == 2 {
				if r.stdout != "" {
					t.Errorf("a failed run printed a report:\n%.300s", r.stdout)
				}
				return
			}
			if err := json.Unmarshal(stdout.Bytes(), &r.report); err != nil {
				t.Fatalf("findings.json: %v\n%.300s", err, r.stdout)
			}
			if got := r.report.sourceIDs(); !slices.Equal(got, tt.sources) {
				t.Errorf("sources %v, want %v\n%s", got, tt.sources, r.stderr)
			}
			if slices.Contains(tt.sources, "b") {
				r.report.homesClaim(t, "b") // the good files were compared
			}
			// Every problem printed is in the report too, for the briefing's readers.
			for _, line := range strings.Split(r.stderr, "\n") {
				if p, ok := strings.CutPrefix(line, "error: "); ok && !slices.Contains(r.report.Problems, p) {
					t.Errorf("problem %q is not in the report", p)
				}
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

// An unreadable file (mode 000) is reported by name and the others are compared. Root reads
// every file, so when the test runs as root it runs the command as an unprivileged user.
func TestBadInputUnreadableFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	badPair(t, dir)
	locked := badWrite(t, dir, "locked.txt", []byte(articleB))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	want := "error: " + locked + ": cannot read: permission denied"
	if os.Geteuid() != 0 {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"-format", "json", "-fail-on", "none", dir}, strings.NewReader(""), &stdout, &stderr)
		if code != 0 || !strings.Contains(stderr.String(), want) || !strings.Contains(stdout.String(), `"45 homes"`) {
			t.Errorf("exit %d\n%s", code, stderr.String())
		}
		return
	}
	// As root: the same run as user nobody. The directories on the way must let nobody in.
	bin := hardenedBinary(t)
	for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin)), dir, filepath.Dir(dir), filepath.Dir(filepath.Dir(dir))} {
		os.Chmod(d, 0o755)
	}
	cmd := exec.Command(bin, "-format", "json", "-fail-on", "none", "-reviews", filepath.Join(dir, "none.yaml"), dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Skip("cannot run as an unprivileged user:", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 || !strings.Contains(stderr.String(), want) {
		t.Fatalf("as nobody: exit %d, stderr:\n%s", code, stderr.String())
	}
	var r badReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if got := r.sourceIDs(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("sources %v", got)
	}
	r.homesClaim(t, "b")
}
