//go:build unix

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeCorpus writes n invented articles into dir: each five report one made-up event in
// made-up words, with one article giving a figure differently, so the run has real comparing
// to do. The same n gives the same files.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, uint64(n)))
	syll := []string{"ka", "lo", "mi", "ren", "dus", "ta", "vor", "el", "bri", "sun", "ga", "nor", "pe", "lix", "tam", "or", "qui", "zan"}
	word := func() string {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		return b.String()
	}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	verbs := []string{"said", "reported", "confirmed", "told reporters", "estimated"}
	for g := 0; g*5 < n; g++ {
		town, river := title(word()), title(word())
		var things []string
		var figures []int
		for range 6 {
			things = append(things, word())
			figures = append(figures, 10+r.IntN(900))
		}
		day := days[r.IntN(len(days))]
		for a := 0; a < 5 && g*5+a < n; a++ {
			var b strings.Builder
			fmt.Fprintf(&b, "%s %s news\n\n", town, word())
			for p := range 6 {
				for s := range 3 {
					k := (p*3 + s + a) % len(things)
					v := figures[k]
					if a == 4 && k == 0 {
						v += 7
					}
					fmt.Fprintf(&b, "Officials in %s %s that %d %s were counted near the %s on %s. ", town, verbs[(p+s+a)%len(verbs)], v, things[k], river, day)
				}
				b.WriteString("\n\n")
			}
			name := fmt.Sprintf("%03d_%s.txt", g*5+a, strings.ToLower(town))
			if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

var outputNames = []string{"briefing.html", "briefing.md", "findings.json", "findings.sarif"}

// readDir returns every file of dir by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// interruptSetup writes the corpus, a reviews file beside it and an out/ directory holding an
// earlier run's files, and returns the input and output directories and the reviews file.
func interruptSetup(t *testing.T) (in, out, reviews string) {
	t.Helper()
	root := t.TempDir()
	in, out = filepath.Join(root, "in"), filepath.Join(root, "out")
	writeCorpus(t, in, 300)
	seedReviews, err := os.ReadFile(filepath.Join("..", "..", "seeds", "crosscheck-reviews.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	reviews = filepath.Join(in, "crosscheck-reviews.yaml")
	if err := os.WriteFile(reviews, seedReviews, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range append(slices.Clone(outputNames), "notes.txt") {
		os.WriteFile(filepath.Join(out, name), []byte("earlier "+name+", kept by the editor\n"), 0o644)
	}
	return in, out, reviews
}

// A SIGTERM or SIGINT in the middle of a run stops it within a second with exit 2, and leaves
// the earlier out/ files and the reviews file as they were, with no temporary file behind.
func TestSignalMidRunKeepsEarlierOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on 300 articles")
	}
	bin := buildCrosscheck(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			in, out, reviews := interruptSetup(t)
			before, reviewsBefore := readDir(t, out), readFile(t, reviews)
			cmd := exec.Command(bin, "-out", out, "-fail-on", "none", in)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The whole run takes over a second (load, compare 300 articles, render); 300 ms in,
			// it is loading or comparing, well before anything is written.
			time.Sleep(300 * time.Millisecond)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 10 s after %v", sig)
			}
			took := time.Since(sent)
			t.Logf("exited %v after %v", took.Round(time.Millisecond), sig)
			if took > time.Second {
				t.Errorf("exited %v after %v; want within 1 s", took.Round(time.Millisecond), sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit %d, want 2 with \"interrupted\":\n%s", code, stderr.String())
			}
			after := readDir(t, out)
			if len(after) != len(before) {
				var names []string
				for n := range after {
					names = append(names, n)
				}
				slices.Sort(names)
				t.Errorf("out/ holds %v; want only the earlier files", names)
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed: %.80q", name, after[name])
				}
			}
			if !bytes.Equal(readFile(t, reviews), reviewsBefore) {
				t.Error("the reviews file changed")
			}
		})
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A run killed with SIGKILL while it writes out/ leaves every output file either as it was or
// complete with the new content, never cut short; the next run clears the temporary files the
// killed one left.
func TestKillDuringWriteLeavesWholeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on 300 articles several times")
	}
	bin := buildCrosscheck(t)
	in, out, reviews := interruptSetup(t)
	before, reviewsBefore := readDir(t, out), readFile(t, reviews)
	// The new content, from a complete run elsewhere (output is deterministic).
	ref := filepath.Join(t.TempDir(), "ref")
	if msg, err := exec.Command(bin, "-out", ref, "-fail-on", "none", in).CombinedOutput(); err != nil {
		t.Fatalf("reference run: %v\n%s", err, msg)
	}
	want := readDir(t, ref)
	landed := 0
	for attempt := 0; attempt < 6 && landed < 2; attempt++ {
		removeTemps(t, out) // the last attempt's leftovers, so that the poll sees only this run's
		cmd := exec.Command(bin, "-out", out, "-fail-on", "none", in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		// Kill as soon as the first temporary output file appears: the write phase.
		mid := false
	poll:
		for {
			select {
			case <-exited:
				break poll
			default:
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					cmd.Process.Kill()
					mid = true
					break poll
				}
			}
			time.Sleep(200 * time.Microsecond)
		}
		<-exited
		// The kill landed mid-write when it left staged files that were never renamed.
		if mid && len(temps(t, out)) > 0 {
			landed++
		}
		for _, name := range outputNames {
			got := readFile(t, filepath.Join(out, name))
			if !bytes.Equal(got, before[name]) && !bytes.Equal(got, want[name]) {
				t.Fatalf("attempt %d: %s is neither the earlier nor the new file (%d bytes; new is %d)", attempt, name, len(got), len(want[name]))
			}
		}
		if got := readFile(t, filepath.Join(out, "notes.txt")); !bytes.Equal(got, before["notes.txt"]) {
			t.Fatalf("attempt %d: notes.txt changed", attempt)
		}
		// Start the next attempt from the earlier files again.
		for name, data := range before {
			os.WriteFile(filepath.Join(out, name), data, 0o644)
		}
	}
	if landed == 0 {
		t.Fatal("no kill landed while out/ was being written")
	}
	t.Logf("%d kills landed during the write phase", landed)
	if !bytes.Equal(readFile(t, reviews), reviewsBefore) {
		t.Error("the reviews file changed")
	}
	// The next complete run writes the new files and removes the killed runs' temporary files.
	t.Logf("temporary files left by the last kill: %v", temps(t, out))
	if msg, err := exec.Command(bin, "-out", out, "-fail-on", "none", in).CombinedOutput(); err != nil {
		t.Fatalf("run after the kills: %v\n%s", err, msg)
	}
	after := readDir(t, out)
	for name := range after {
		if strings.Contains(name, ".tmp-") {
			t.Errorf("temporary file %s left after a complete run", name)
		}
	}
	for _, name := range outputNames {
		if !bytes.Equal(after[name], want[name]) {
			t.Errorf("%s is not the new content after a complete run", name)
		}
	}
}

// temps lists the temporary files in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			names = append(names, e.Name())
		}
	}
	return names
}

func removeTemps(t *testing.T, dir string) {
	t.Helper()
	for _, name := range temps(t, dir) {
		os.Remove(filepath.Join(dir, name))
	}
}
