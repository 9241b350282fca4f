package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/internal/fsutil"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/review"
	"github.com/crosscheck-news/crosscheck/source"
)

// batchConfig is what a batch run (-stories) takes from the command line.
type batchConfig struct {
	Stories  string   // the directory whose subdirectories are the stories
	Shard    string   // "K/N", or "" for every story
	Out      string   // where OUT/<story>/ and the index go
	FailOn   string   // the -fail-on severity
	Manifest string   // optional -sources manifest, shared by all stories
	Reviews  string   // -reviews: refused in batch mode, each story has its own file
	MaxBytes int64    // -max-bytes
	Args     []string // positional arguments: refused in batch mode
}

// storyWorkersPerCore is how many stories a batch run compares at once per core.
const storyWorkersPerCore = 2

// progressEvery is how often a batch run on a terminal reports how many stories are done.
const progressEvery = time.Second

// runStories compares every story under c.Stories (or one shard of them), each on its own and
// several at once, writes OUT/<story>/ and the index, and returns the exit code: 2 when every
// story failed, 1 when a story keeps an unreviewed flag at or above -fail-on, else 0.
func runStories(ctx context.Context, c batchConfig, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "crosscheck: "+format+"\n", a...)
		return exitError
	}
	switch {
	case c.Stories == "":
		return fail("-shard needs -stories DIR")
	case len(c.Args) > 0:
		return fail("-stories takes no PATH arguments (got %s): each subdirectory of %s is a story", strings.Join(c.Args, " "), c.Stories)
	case c.Out == "":
		return fail("-stories needs -out DIR: each story is written to DIR/<story>/, the index to DIR/index.md")
	case c.Reviews != "":
		return fail("-reviews names one file; with -stories each story's decisions are read from %s",
			filepath.Join(c.Stories, "<story>", review.DefaultName))
	}
	threshold, err := failThreshold(c.FailOn)
	if err != nil {
		return fail("%v", err)
	}
	shard, err := parseShard(c.Shard)
	if err != nil {
		return fail("%v", err)
	}
	opts := source.Options{MaxBytes: c.MaxBytes}
	if c.Manifest != "" {
		m, ps := source.ReadManifest(c.Manifest)
		printProblems(stderr, ps)
		if m == nil {
			return exitError
		}
		opts.Manifest = m
	}
	names, err := listStories(c.Stories, c.Out)
	if err != nil {
		return fail("%v", err)
	}
	total := len(names)
	if shard != nil {
		names = shardStories(names, *shard)
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return fail("cannot create output directory: %v", err)
	}

	entries, done := compareStories(ctx, names, c.Stories, c.Out, opts, stderr)
	if ctx.Err() != nil {
		return fail("interrupted after %d of %d stories; the index is not written", done, len(names))
	}
	for _, e := range entries {
		if e.Failed() {
			fmt.Fprintf(stderr, "crosscheck: story %s: %s\n", e.Story, e.Error)
		}
	}
	x := report.Index{Version: report.IndexVersion, Shard: shard, Stories: entries}
	if shard != nil {
		err = writeShardIndex(c.Out, x)
	} else {
		err = writeIndex(c.Out, x)
	}
	if err != nil {
		return fail("%v", err)
	}
	if shard != nil {
		fmt.Fprintf(stderr, "crosscheck: shard %d/%d: %d of %d stories\n", shard.K, shard.N, len(names), total)
	}
	return batchGate(entries, threshold, stderr)
}

// failThreshold is the severity rank -fail-on names; "none" ranks above every severity.
func failThreshold(s string) (int, error) {
	switch s {
	case "none":
		return 99, nil
	case compare.High, compare.Medium, compare.Low:
		return compare.SeverityRank(s), nil
	}
	return 0, fmt.Errorf("-fail-on %q: use high, medium, low or none", s)
}

// parseShard reads -shard K/N. Shards are counted from 0, as Kubernetes numbers the pods of an
// Indexed Job (JOB_COMPLETION_INDEX), so -shard 0/4 … 3/4 cover every story once.
func parseShard(s string) (*report.Shard, error) {
	if s == "" {
		return nil, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, kerr := strconv.Atoi(ks)
	n, nerr := strconv.Atoi(ns)
	if !ok || kerr != nil || nerr != nil || n < 1 {
		return nil, fmt.Errorf("-shard %q: use K/N, shard K of N counted from 0 (e.g. -shard 0/4 … -shard 3/4)", s)
	}
	if k < 0 || k >= n {
		return nil, fmt.Errorf("-shard %q: K must be 0 to %d: shards are counted from 0, like JOB_COMPLETION_INDEX", s, n-1)
	}
	return &report.Shard{K: k, N: n}, nil
}

// shardOf is the shard a story belongs to among n: the FNV-1a hash of its name, mod n. It
// depends on the name alone, so every machine assigns every story alike.
func shardOf(name string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(n))
}

func shardStories(names []string, s report.Shard) []string {
	var out []string
	for _, name := range names {
		if shardOf(name, s.N) == s.K {
			out = append(out, name)
		}
	}
	return out
}

// listStories returns the names of the story directories in dir, sorted: its subdirectories
// (or links to directories), except hidden ones and the output directory if it lies inside.
func listStories(dir, out string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("-stories: %w", err)
	}
	absOut, _ := filepath.Abs(out)
	var names []string
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		if st, err := os.Stat(path); err != nil || !st.IsDir() {
			continue
		}
		if abs, _ := filepath.Abs(path); abs == absOut {
			continue
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no story directories (each subdirectory holds the articles of one story)", dir)
	}
	sort.Strings(names)
	return names, nil
}

// compareStories compares the named stories on a pool of workers and returns their index
// entries in name order, and how many stories finished. Once ctx is done no new story starts.
// There are storyWorkersPerCore workers per core: a worker waiting for its briefing files to
// reach the disk leaves its core to another.
func compareStories(ctx context.Context, names []string, dir, out string, opts source.Options, stderr io.Writer) ([]report.StoryEntry, int) {
	entries := make([]report.StoryEntry, len(names))
	var done atomic.Int64
	if isTerminal(stderr) {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		defer progress(stderr, &done, len(names), t.C)()
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(storyWorkersPerCore*runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				entries[i] = compareStory(ctx, names[i], filepath.Join(dir, names[i]), filepath.Join(out, names[i]), opts)
				done.Add(1)
			}
		}()
	}
feed:
	for i := range names {
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
			break feed
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	return entries, int(done.Load())
}

// compareStory runs one story as a single run on its directory would, and writes its briefing
// to out. A story that cannot be compared gets an entry with the error and no files.
func compareStory(ctx context.Context, name, dir, out string, opts source.Options) report.StoryEntry {
	e := report.StoryEntry{Story: name}
	paths := []string{dir}
	r, ps, err := analyse(ctx, paths, opts, "")
	if err != nil {
		e.Error = storyError(err, ps)
		return e
	}
	r.Problems = problemStrings(ps)
	rf, err := review.Read(reviewsPath("", paths))
	if err != nil {
		e.Error = err.Error()
		return e
	}
	r.StaleReviews = review.Join(&r, rf)
	if err := writeOutputs(ctx, out, r); err != nil {
		e.Error = err.Error()
		return e
	}
	return storyEntry(name, name, r)
}

// storyError is the error with the first problems that explain it.
func storyError(err error, ps []source.Problem) string {
	const shown = 3
	var why []string
	for _, p := range ps {
		if !p.Warning && len(why) < shown {
			why = append(why, p.Error())
		}
	}
	if len(why) == 0 {
		return err.Error()
	}
	return err.Error() + ": " + strings.Join(why, "; ")
}

// storyEntry counts what a story's report holds, as the gate of a single run counts it.
func storyEntry(name, dir string, r report.Report) report.StoryEntry {
	e := report.StoryEntry{Story: name, Dir: dir, Sources: len(r.Sources), Findings: len(r.Findings),
		Problems: len(r.Problems), StaleReviews: len(r.StaleReviews)}
	for _, f := range r.Findings {
		switch f.Status {
		case compare.Conflict:
			e.Conflicts++
		case compare.Agreement:
			e.Agreements++
		}
		if !f.IsFlag() {
			continue
		}
		e.Flags++
		if review.Reviewed(f.Review) {
			continue
		}
		e.Unreviewed++
		switch f.Severity {
		case compare.High:
			e.BySeverity.High++
		case compare.Medium:
			e.BySeverity.Medium++
		case compare.Low:
			e.BySeverity.Low++
		default:
			e.BySeverity.Info++
		}
	}
	return e
}

// failsGate reports whether a story keeps an unreviewed flag at or above the threshold rank.
func failsGate(e report.StoryEntry, threshold int) bool {
	s := e.BySeverity
	for _, c := range []struct {
		n    int
		rank string
	}{{s.High, compare.High}, {s.Medium, compare.Medium}, {s.Low, compare.Low}, {s.Info, compare.Info}} {
		if c.n > 0 && compare.SeverityRank(c.rank) >= threshold {
			return true
		}
	}
	return false
}

// batchGate prints the batch's summary line and returns its exit code.
func batchGate(entries []report.StoryEntry, threshold int, stderr io.Writer) int {
	failed, flags := 0, 0
	var gated []string
	for _, e := range entries {
		if e.Failed() {
			failed++
			continue
		}
		flags += e.Flags
		if failsGate(e, threshold) {
			gated = append(gated, e.Story)
		}
	}
	fmt.Fprintf(stderr, "crosscheck: %d stories, %d compared, %d failed, %d flagged", len(entries), len(entries)-failed, failed, flags)
	switch {
	case len(entries) > 0 && failed == len(entries):
		fmt.Fprintln(stderr, ": no story could be compared")
		return exitError
	case len(gated) > 0:
		fmt.Fprintf(stderr, "; %d with unreviewed flags at or above the threshold: %s\n", len(gated), strings.Join(gated, " "))
		return exitFindings
	}
	fmt.Fprintln(stderr)
	return exitClean
}

// writeIndex writes index.md, index.html and index.json into dir, all or none.
func writeIndex(dir string, x report.Index) error {
	report.SortStories(x.Stories)
	var st fsutil.Staged
	for _, o := range []struct {
		name   string
		render func(report.Index) ([]byte, error)
	}{{"index.json", report.IndexJSON}, {"index.md", report.IndexMarkdown}, {"index.html", report.IndexHTML}} {
		data, err := o.render(x)
		if err == nil {
			err = st.Add(filepath.Join(dir, o.name), data)
		}
		if err != nil {
			st.Abort()
			return fmt.Errorf("%s: %w", o.name, err)
		}
	}
	return st.Commit()
}

// shardIndexName is the file a shard's index is written to. Each shard has its own name, so
// shards that share one output directory do not overwrite each other's.
func shardIndexName(s report.Shard) string {
	return fmt.Sprintf("index-%d-of-%d.json", s.K, s.N)
}

func writeShardIndex(dir string, x report.Index) error {
	report.SortStories(x.Stories)
	data, err := report.IndexJSON(x)
	if err != nil {
		return err
	}
	return fsutil.WriteFile(filepath.Join(dir, shardIndexName(*x.Shard)), data)
}

// progress prints "crosscheck: N/M stories" to w at every tick until the returned stop is
// called, overwriting the line; stop ends the line if anything was printed.
func progress(w io.Writer, done *atomic.Int64, total int, tick <-chan time.Time) (stop func()) {
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		printed := false
		for {
			select {
			case <-tick:
				fmt.Fprintf(w, "\rcrosscheck: %d/%d stories", done.Load(), total)
				printed = true
			case <-quit:
				if printed {
					fmt.Fprintf(w, "\rcrosscheck: %d/%d stories\n", done.Load(), total)
				}
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
	}
}
