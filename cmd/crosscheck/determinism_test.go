//go:build unix

package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// The output files are byte-identical whatever the number of threads (GOMAXPROCS=1 and 2) and
// whatever the order the articles are given in: the directory, its files listed in reverse,
// and shuffled. Checked on the seeds, every story of testdata/eval and a generated story of 100
// articles, running the built command.
func TestOutputIsByteIdenticalAcrossThreadsAndInputOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command dozens of times")
	}
	bin := hardenedBinary(t)
	inputs := []string{filepath.Join("..", "..", "seeds")}
	stories, err := filepath.Glob(filepath.Join("..", "..", "testdata", "eval", "*", "case.yaml"))
	if err != nil || len(stories) == 0 {
		t.Fatalf("no stories in testdata/eval: %v", err)
	}
	for _, c := range stories {
		inputs = append(inputs, filepath.Dir(c))
	}
	generated := filepath.Join(t.TempDir(), "generated")
	writeCorpus(t, generated, 100)
	inputs = append(inputs, generated)

	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			entries, err := os.ReadDir(in)
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, e := range entries {
				if filepath.Ext(e.Name()) == ".txt" || filepath.Ext(e.Name()) == ".md" || filepath.Ext(e.Name()) == ".html" {
					files = append(files, filepath.Join(in, e.Name()))
				}
			}
			reversed := slices.Clone(files)
			slices.Reverse(reversed)
			shuffled := slices.Clone(files)
			rand.New(rand.NewPCG(1, uint64(len(files)))).Shuffle(len(shuffled), func(i, j int) {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			})
			runs := []struct {
				name, procs string
				paths       []string
			}{
				{"the directory, GOMAXPROCS=1", "1", []string{in}},
				{"the directory, GOMAXPROCS=2", "2", []string{in}},
				{"files in reverse, GOMAXPROCS=2", "2", reversed},
				{"files shuffled, GOMAXPROCS=1", "1", shuffled},
			}
			var first map[string][]byte
			for _, r := range runs {
				out := filepath.Join(t.TempDir(), "out")
				cmd := exec.Command(bin, append([]string{"-out", out, "-fail-on", "none"}, r.paths...)...)
				cmd.Env = append(os.Environ(), "GOMAXPROCS="+r.procs)
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s", r.name, err, msg)
				}
				got := readDir(t, out)
				if len(got) != len(outputNames) {
					t.Fatalf("%s: wrote %d files", r.name, len(got))
				}
				if first == nil {
					first = got
					continue
				}
				for _, name := range outputNames {
					if !bytes.Equal(got[name], first[name]) {
						t.Errorf("%s: %s differs from %s (%d and %d bytes)", name, r.name, runs[0].name, len(got[name]), len(first[name]))
					}
				}
			}
		})
	}
}
