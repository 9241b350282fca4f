package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// buildCrosscheck builds the command into a temporary directory, for tests that run it as a
// process.
func buildCrosscheck(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "crosscheck")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runShards runs shards 0/n … n-1/n of testdata/eval at once, each as its own process, each into
// outFor(k).
func runShards(t *testing.T, bin string, n int, outFor func(k int) string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "-stories", evalStories, "-shard", fmt.Sprintf("%d/%d", k, n), "-out", outFor(k), "-fail-on", "none")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				errs[k] = fmt.Errorf("shard %d/%d: %v: %s", k, n, err, stderr.String())
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

func TestFourShardProcessesMergeIntoTheSingleRunsIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs it as processes")
	}
	single := t.TempDir()
	if code, _, stderr := runCmd(t, "-stories", evalStories, "-out", single, "-fail-on", "none"); code != 0 {
		t.Fatalf("single run: exit %d: %s", code, stderr)
	}
	want := readTree(t, single)
	bin := buildCrosscheck(t)

	// Four machines sharing one output volume: the shards write into one OUT, merged in place.
	out := t.TempDir()
	runShards(t, bin, 4, func(int) string { return out })
	var sharded []string
	for k := range 4 {
		x := readIndex(t, filepath.Join(out, fmt.Sprintf("index-%d-of-4.json", k)))
		if x.Shard == nil || x.Shard.K != k || x.Shard.N != 4 {
			t.Errorf("shard %d's index names shard %v", k, x.Shard)
		}
		for _, e := range x.Stories {
			if got := shardOf(e.Story, 4); got != k {
				t.Errorf("story %s in shard %d, its name hashes to shard %d", e.Story, k, got)
			}
		}
		sharded = append(sharded, storyNames(x)...)
	}
	slices.Sort(sharded)
	if all := evalStoryNames(t); !slices.Equal(sharded, all) {
		t.Fatalf("the shards cover %v, want each of %v once", sharded, all)
	}
	if _, err := os.Stat(filepath.Join(out, "index.md")); err == nil {
		t.Error("a shard wrote index.md: shards sharing an output directory would overwrite each other's")
	}
	cmd := exec.Command(bin, "index", "-fail-on", "none", "-out", out, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("crosscheck index: %v: %s", err, msg)
	}
	got := readTree(t, out)
	for k := range 4 {
		delete(got, fmt.Sprintf("index-%d-of-4.json", k))
	}
	if len(got) != len(want) {
		t.Errorf("sharded output holds %d files, the single run %d", len(got), len(want))
	}
	for path, data := range want {
		if !bytes.Equal(got[path], data) {
			t.Errorf("%s: the merged shards differ from the single run", path)
		}
	}

	// CI jobs that each upload their own directory: the merged index links into each.
	gathered := t.TempDir()
	shardDir := func(k int) string { return filepath.Join(gathered, fmt.Sprintf("shard-%d", k)) }
	runShards(t, bin, 4, shardDir)
	args := []string{"index", "-fail-on", "none", "-out", gathered}
	for k := range 4 {
		args = append(args, shardDir(k))
	}
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("crosscheck index: %v: %s", err, msg)
	}
	x := readIndex(t, filepath.Join(gathered, "index.json"))
	if got, single := storyNames(x), storyNames(readIndex(t, filepath.Join(single, "index.json"))); !slices.Equal(got, single) {
		t.Errorf("merged order %v, single run's %v", got, single)
	}
	for _, e := range x.Stories {
		if !strings.HasPrefix(e.Dir, "shard-") || !strings.HasSuffix(e.Dir, "/"+e.Story) {
			t.Errorf("%s: dir %q, want shard-K/%s", e.Story, e.Dir, e.Story)
		}
		if _, err := os.Stat(filepath.Join(gathered, filepath.FromSlash(e.Dir), "briefing.html")); err != nil {
			t.Errorf("%s: the merged index links to a missing briefing: %v", e.Story, err)
		}
	}
}

func TestIndexRefusesAnIncompleteSetOfShards(t *testing.T) {
	out := t.TempDir()
	for _, k := range []string{"0/4", "1/4", "3/4"} {
		if code, _, stderr := runCmd(t, "-stories", evalStories, "-shard", k, "-out", out, "-fail-on", "none"); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", k, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, "index", "-out", out, out)
	if code != exitError || !strings.Contains(stderr, "shard 2 of 4 missing: no index-2-of-4.json") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.json")); err == nil {
		t.Error("an incomplete merge wrote index.json")
	}
	other := t.TempDir()
	if code, _, stderr := runCmd(t, "-stories", evalStories, "-shard", "2/3", "-out", other, "-fail-on", "none"); code != 0 {
		t.Fatalf("shard 2/3: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "index", "-out", out, out, other); code != exitError || !strings.Contains(stderr, "give the shards of one run") {
		t.Errorf("shards of two runs: exit %d: %s", code, stderr)
	}
	whole := t.TempDir()
	runCmd(t, "-stories", evalStories, "-out", whole, "-fail-on", "none")
	if code, _, stderr := runCmd(t, "index", "-out", out, filepath.Join(whole, "index.json")); code != exitError || !strings.Contains(stderr, "not a shard index") {
		t.Errorf("a whole run's index: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "index", "-out", out, whole); code != exitError || !strings.Contains(stderr, "no shard index") {
		t.Errorf("a directory without shard indexes: exit %d: %s", code, stderr)
	}
}

func TestIndexMergeGatesLikeABatchRun(t *testing.T) {
	out := t.TempDir()
	for k := range 2 {
		runCmd(t, "-stories", evalStories, "-shard", fmt.Sprintf("%d/2", k), "-out", out, "-fail-on", "none")
	}
	for _, tt := range []struct {
		failOn string
		want   int
	}{{"none", exitClean}, {"high", exitFindings}, {"low", exitFindings}} {
		if code, _, stderr := runCmd(t, "index", "-fail-on", tt.failOn, "-out", out, out); code != tt.want {
			t.Errorf("-fail-on %s: exit %d, want %d: %s", tt.failOn, code, tt.want, stderr)
		}
	}
}

func TestShardOfIsFNV1aOfTheName(t *testing.T) {
	// FNV-1a 32-bit test vectors: "a" is 0xe40c292c, "foobar" 0xbf9cf968.
	for _, tt := range []struct {
		name string
		n    int
		want int
	}{{"a", 1000, 0xe40c292c % 1000}, {"foobar", 1000, 0xbf9cf968 % 1000}, {"foobar", 1, 0}} {
		if got := shardOf(tt.name, tt.n); got != tt.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tt.name, tt.n, got, tt.want)
		}
	}
}

// The Job manifest in docs/ runs one shard per completion index: its -shard K/N, with each index
// Kubernetes substitutes, names every shard of N = completions once.
func TestKubernetesJobManifestShardsEveryStory(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "kubernetes-job.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		Spec struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int    `yaml:"completions"`
			Parallelism    int    `yaml:"parallelism"`
			Template       struct {
				Spec struct {
					Containers []struct {
						Args []string `yaml:"args"`
					} `yaml:"containers"`
				} `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	if err := yaml.Unmarshal(data, &job); err != nil {
		t.Fatal(err)
	}
	s := job.Spec
	if s.CompletionMode != "Indexed" || s.Completions != 4 || s.Parallelism != 4 || len(s.Template.Spec.Containers) != 1 {
		t.Fatalf("job spec %+v: want an Indexed Job of 4 completions, 4 in parallel, one container", s)
	}
	args := s.Template.Spec.Containers[0].Args
	i := slices.Index(args, "-shard")
	if i < 0 || i+1 >= len(args) || !slices.Contains(args, "-stories") || !slices.Contains(args, "-out") {
		t.Fatalf("args %q: want -stories, -shard and -out", args)
	}
	for k := range s.Completions {
		sh, err := parseShard(strings.ReplaceAll(args[i+1], "$(JOB_COMPLETION_INDEX)", strconv.Itoa(k)))
		if err != nil || sh.K != k || sh.N != s.Completions {
			t.Errorf("pod %d: -shard %q reads as %v, %v", k, args[i+1], sh, err)
		}
	}
}
