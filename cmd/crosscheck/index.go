package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/report"
)

const indexUsage = `usage: crosscheck index [-fail-on S] -out OUT SHARD_OUT...

Merges the shard indexes (index-K-of-N.json) that runs with -stories DIR -shard K/N wrote into
their output directories, and writes OUT/index.md, OUT/index.html and OUT/index.json. A SHARD_OUT
is a shard's output directory or one of its index files. Links lead from OUT to each story's
briefing; when the shards all wrote into OUT itself, the merged index is byte for byte the one an
unsharded run would have written. Exit codes as for -stories.

flags:
`

var shardIndexFile = regexp.MustCompile(`^index-[0-9]+-of-[0-9]+\.json$`)

func runIndex(_ context.Context, args []string, _, stderr io.Writer) int {
	fs := flag.NewFlagSet("crosscheck index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, indexUsage)
		fs.PrintDefaults()
	}
	out := fs.String("out", "", "write index.md, index.html and index.json into `DIR`")
	failOn := fs.String("fail-on", "low", "exit 1 when a story keeps an unreviewed flag of this `severity` or above: high, medium, low or none")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "crosscheck index: "+format+"\n", a...)
		return exitError
	}
	if *out == "" || len(pos) == 0 {
		return fail("give -out DIR and the shard output directories (try: crosscheck index -out out out)")
	}
	threshold, err := failThreshold(*failOn)
	if err != nil {
		return fail("%v", err)
	}
	x, err := mergeShards(*out, pos)
	if err != nil {
		return fail("%v", err)
	}
	if len(x.Stories) == 0 {
		return fail("the shard indexes list no story")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fail("cannot create output directory: %v", err)
	}
	if err := writeIndex(*out, x); err != nil {
		return fail("%v", err)
	}
	return batchGate(x.Stories, threshold, stderr)
}

// shardFile is a shard index read from disk.
type shardFile struct {
	path string
	x    report.Index
}

// mergeShards reads the shard indexes named by args (files, or directories holding them), checks
// that they are the N shards of one run, each once, and joins their stories into one index whose
// story directories are relative to out.
func mergeShards(out string, args []string) (report.Index, error) {
	var files []string
	for _, a := range args {
		fs, err := shardFiles(a)
		if err != nil {
			return report.Index{}, err
		}
		files = append(files, fs...)
	}
	seen := map[string]bool{}
	var shards []shardFile
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return report.Index{}, err
		}
		if seen[abs] {
			continue
		}
		seen[abs] = true
		x, err := readShardIndex(f)
		if err != nil {
			return report.Index{}, err
		}
		shards = append(shards, shardFile{path: f, x: x})
	}
	n := shards[0].x.Shard.N
	byK := map[int]string{}
	for _, s := range shards {
		sh := s.x.Shard
		if sh.N != n {
			return report.Index{}, fmt.Errorf("%s is shard %d/%d but %s is one of %d: give the shards of one run", s.path, sh.K, sh.N, shards[0].path, n)
		}
		if other, ok := byK[sh.K]; ok {
			return report.Index{}, fmt.Errorf("shard %d/%d given twice: %s and %s", sh.K, n, other, s.path)
		}
		byK[sh.K] = s.path
	}
	var missing []string
	first := -1
	for k := range n {
		if _, ok := byK[k]; !ok {
			missing = append(missing, strconv.Itoa(k))
			if first < 0 {
				first = k
			}
		}
	}
	if len(missing) > 0 {
		return report.Index{}, fmt.Errorf("shard %s of %d missing: no %s among the inputs (run crosscheck -stories DIR -shard K/%d for each K from 0 to %d)",
			strings.Join(missing, ", "), n, shardIndexName(report.Shard{K: first, N: n}), n, n-1)
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return report.Index{}, err
	}
	merged := report.Index{Version: report.IndexVersion, Stories: []report.StoryEntry{}}
	from := map[string]string{}
	for _, s := range shards {
		base, err := filepath.Abs(filepath.Dir(s.path))
		if err != nil {
			return report.Index{}, err
		}
		for _, e := range s.x.Stories {
			if other, ok := from[e.Story]; ok {
				return report.Index{}, fmt.Errorf("story %q is in two shard indexes: %s and %s", e.Story, other, s.path)
			}
			from[e.Story] = s.path
			if e.Dir != "" {
				rel, err := filepath.Rel(absOut, filepath.Join(base, filepath.FromSlash(e.Dir)))
				if err != nil {
					return report.Index{}, fmt.Errorf("%s: story %s: %w", s.path, e.Story, err)
				}
				e.Dir = filepath.ToSlash(rel)
			}
			merged.Stories = append(merged.Stories, e)
		}
	}
	report.SortStories(merged.Stories)
	return merged, nil
}

// shardFiles is the shard index a path names, or those a directory holds, in name order.
func shardFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range ents {
		if !e.IsDir() && shardIndexFile.MatchString(e.Name()) {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no shard index (index-K-of-N.json): is it the -out of a run with -shard K/N?", path)
	}
	sort.Strings(files)
	return files, nil
}

func readShardIndex(path string) (report.Index, error) {
	var x report.Index
	data, err := os.ReadFile(path)
	if err != nil {
		return x, err
	}
	if err := json.Unmarshal(data, &x); err != nil {
		return x, fmt.Errorf("%s: not a shard index: %w", path, err)
	}
	switch {
	case x.Version != report.IndexVersion:
		return x, fmt.Errorf("%s: index version %d, this crosscheck reads version %d", path, x.Version, report.IndexVersion)
	case x.Shard == nil:
		return x, fmt.Errorf("%s: not a shard index (it names no shard): give the outputs of runs with -shard K/N", path)
	case x.Shard.N < 1 || x.Shard.K < 0 || x.Shard.K >= x.Shard.N:
		return x, fmt.Errorf("%s: shard %d/%d is not a shard (K runs from 0 to N-1)", path, x.Shard.K, x.Shard.N)
	}
	return x, nil
}
