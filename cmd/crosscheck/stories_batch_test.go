package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/report"
)

// evalStories is the batch input of these tests: eight hand-made stories, one per subdirectory.
var evalStories = filepath.Join("..", "..", "testdata", "eval")

var briefingFiles = []string{"briefing.md", "briefing.html", "findings.json", "findings.sarif"}

// readTree returns every file under dir by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copyStories copies the named stories of testdata/eval into a new directory.
func copyStories(t *testing.T, names ...string) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range names {
		for rel, data := range readTree(t, filepath.Join(evalStories, name)) {
			path := filepath.Join(dst, name, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dst
}

func readIndex(t *testing.T, path string) report.Index {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var x report.Index
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return x
}

func storyNames(x report.Index) []string {
	var names []string
	for _, e := range x.Stories {
		names = append(names, e.Story)
	}
	return names
}

func evalStoryNames(t *testing.T) []string {
	t.Helper()
	names, err := listStories(evalStories, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 8 {
		t.Fatalf("testdata/eval holds %d stories, these tests expect 8: %v", len(names), names)
	}
	return names
}

func TestBatchWritesEachStoryAsASingleRunWould(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := runCmd(t, "-stories", evalStories, "-out", out, "-fail-on", "none"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := readTree(t, out)
	names := evalStoryNames(t)
	want := map[string]bool{"index.md": true, "index.html": true, "index.json": true}
	for _, name := range names {
		single := t.TempDir()
		if code, _, stderr := runCmd(t, "-out", single, "-fail-on", "none", filepath.Join(evalStories, name)); code != 0 {
			t.Fatalf("%s: single run: exit %d: %s", name, code, stderr)
		}
		for _, f := range briefingFiles {
			want[name+"/"+f] = true
			one, err := os.ReadFile(filepath.Join(single, f))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got[name+"/"+f], one) {
				t.Errorf("%s/%s differs from a single run's (%d bytes in the batch, %d alone)", name, f, len(got[name+"/"+f]), len(one))
			}
		}
	}
	for path := range got {
		if !want[path] {
			t.Errorf("unexpected file in the output: %s", path)
		}
	}
	for path := range want {
		if got[path] == nil {
			t.Errorf("missing from the output: %s", path)
		}
	}
}

func TestBatchIndexListsStoriesByUnreviewedFlags(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCmd(t, "-stories", evalStories, "-out", out)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1: the stories hold planted conflicts: %s", code, stderr)
	}
	x := readIndex(t, filepath.Join(out, "index.json"))
	if x.Shard != nil || x.Version != report.IndexVersion {
		t.Errorf("index: version %d, shard %v", x.Version, x.Shard)
	}
	if got, want := len(x.Stories), len(evalStoryNames(t)); got != want {
		t.Fatalf("index lists %d stories, want %d", got, want)
	}
	// Each entry's counts are those of the story's own findings.json.
	for _, e := range x.Stories {
		var r report.Report
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Dir), "findings.json"))
		if err != nil {
			t.Fatalf("%s: %v", e.Story, err)
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		flags := 0
		for _, f := range r.Findings {
			if f.IsFlag() {
				flags++
			}
		}
		if e.Dir != e.Story || e.Error != "" || e.Sources != len(r.Sources) || e.Findings != len(r.Findings) || e.Flags != flags || e.Unreviewed != flags {
			t.Errorf("%s: entry %+v does not match its findings.json (%d sources, %d findings, %d flags, none reviewed)", e.Story, e, len(r.Sources), len(r.Findings), flags)
		}
		if s := e.BySeverity; s.High+s.Medium+s.Low+s.Info != e.Unreviewed {
			t.Errorf("%s: severities %+v do not add up to %d", e.Story, s, e.Unreviewed)
		}
	}
	for i := 1; i < len(x.Stories); i++ {
		a, b := x.Stories[i-1], x.Stories[i]
		if a.Unreviewed < b.Unreviewed || a.Unreviewed == b.Unreviewed && a.Story >= b.Story {
			t.Errorf("%s (%d unreviewed) is listed before %s (%d)", a.Story, a.Unreviewed, b.Story, b.Unreviewed)
		}
	}
	// The pages list the stories in the same order, linking to each briefing.
	for _, page := range []struct{ name, briefing string }{{"index.md", "briefing.md"}, {"index.html", "briefing.html"}} {
		data, err := os.ReadFile(filepath.Join(out, page.name))
		if err != nil {
			t.Fatal(err)
		}
		last := -1
		for _, e := range x.Stories {
			link := e.Dir + "/" + page.briefing
			at := bytes.Index(data, []byte(link))
			if at < 0 {
				t.Errorf("%s: no link to %s", page.name, link)
				continue
			}
			if at < last {
				t.Errorf("%s: %s is out of order", page.name, e.Story)
			}
			last = at
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(link))); err != nil {
				t.Errorf("%s: link %s leads nowhere: %v", page.name, link, err)
			}
		}
	}
}

func TestBatchListsABadStoryAndComparesTheOthers(t *testing.T) {
	dir := copyStories(t, "cup-final", "court-ruling", "flood-toll")
	if err := os.MkdirAll(filepath.Join(dir, "empty-story"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty-story", "notes.yaml"), []byte("not an article\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A reviews file that cannot be read stops its story, as it stops a single run.
	if err := os.WriteFile(filepath.Join(dir, "flood-toll", "crosscheck-reviews.yaml"), []byte("reviews: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A hidden directory and a stray file are not stories.
	if err := os.MkdirAll(filepath.Join(dir, ".cache"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.txt"), []byte("stories for the desk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, _, stderr := runCmd(t, "-stories", dir, "-out", out, "-fail-on", "none")
	if code != exitClean {
		t.Fatalf("exit %d, want 0 (two stories compared, -fail-on none): %s", code, stderr)
	}
	x := readIndex(t, filepath.Join(out, "index.json"))
	if got, want := storyNames(x), []string{"court-ruling", "cup-final", "empty-story", "flood-toll"}; !slices.Equal(got, want) {
		t.Fatalf("index lists %v, want %v (compared stories first, then the failed ones by name)", got, want)
	}
	for _, e := range x.Stories[:2] {
		if e.Failed() || e.Sources != 6 {
			t.Errorf("%s: %+v, want compared with 6 sources", e.Story, e)
		}
		if _, err := os.Stat(filepath.Join(out, e.Story, "briefing.md")); err != nil {
			t.Error(err)
		}
	}
	empty, broken := x.Stories[2], x.Stories[3]
	if !strings.Contains(empty.Error, "no usable article") || !strings.Contains(empty.Error, "no article files") || empty.Dir != "" {
		t.Errorf("empty story: %+v", empty)
	}
	if !strings.Contains(broken.Error, "crosscheck-reviews.yaml") || broken.Dir != "" {
		t.Errorf("story with a broken reviews file: %+v", broken)
	}
	for _, name := range []string{"empty-story", "flood-toll"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s failed but its output directory was written", name)
		}
		if !strings.Contains(stderr, "story "+name+": ") {
			t.Errorf("stderr does not name the failed story %s: %s", name, stderr)
		}
	}
	md, _ := os.ReadFile(filepath.Join(out, "index.md"))
	if !bytes.Contains(md, []byte("## Could not compare")) || !bytes.Contains(md, []byte("- **empty-story**: no usable article")) {
		t.Errorf("index.md does not list the failed story:\n%s", md)
	}

	if code, _, stderr := runCmd(t, "-stories", dir, "-out", t.TempDir(), "-fail-on", "high"); code != exitFindings {
		t.Errorf("-fail-on high: exit %d, want 1 (the stories hold high conflicts): %s", code, stderr)
	}
	none := t.TempDir()
	for _, name := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(none, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCmd(t, "-stories", none, "-out", t.TempDir(), "-fail-on", "none"); code != exitError || !strings.Contains(stderr, "no story could be compared") {
		t.Errorf("every story failed: exit %d, want 2: %s", code, stderr)
	}
}

func TestBatchReadsEachStorysReviews(t *testing.T) {
	dir := copyStories(t, "court-ruling", "cup-final")
	out := t.TempDir()
	runCmd(t, "-stories", dir, "-out", out, "-fail-on", "none")
	before := readIndex(t, filepath.Join(out, "index.json"))
	var r report.Report
	data, err := os.ReadFile(filepath.Join(out, "cup-final", "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	var id string
	for _, f := range r.Findings {
		if f.IsFlag() {
			id = f.ID
			break
		}
	}
	if id == "" {
		t.Fatal("cup-final has no flag to dismiss")
	}
	t.Setenv("CROSSCHECK_TIME", "2026-01-02T03:04:05Z")
	if code, _, stderr := runCmd(t, "review", "dismiss", id, "-m", "the later figure is the official one", filepath.Join(dir, "cup-final")); code != 0 {
		t.Fatalf("review dismiss: exit %d: %s", code, stderr)
	}
	runCmd(t, "-stories", dir, "-out", out, "-fail-on", "none")
	after := readIndex(t, filepath.Join(out, "index.json"))
	unreviewed := func(x report.Index, name string) int {
		for _, e := range x.Stories {
			if e.Story == name {
				return e.Unreviewed
			}
		}
		t.Fatalf("%s not in the index", name)
		return 0
	}
	if b, a := unreviewed(before, "cup-final"), unreviewed(after, "cup-final"); a != b-1 {
		t.Errorf("cup-final: %d unreviewed before dismissing %s, %d after; want one fewer", b, id, a)
	}
	if b, a := unreviewed(before, "court-ruling"), unreviewed(after, "court-ruling"); a != b {
		t.Errorf("court-ruling: %d unreviewed before, %d after: another story's review counted", b, a)
	}
}

func TestBatchOutputIsTheSameOnOneCore(t *testing.T) {
	runOn := func(procs int) map[string][]byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		out := t.TempDir()
		if code, _, stderr := runCmd(t, "-stories", evalStories, "-out", out, "-fail-on", "none"); code != 0 {
			t.Fatalf("GOMAXPROCS=%d: exit %d: %s", procs, code, stderr)
		}
		return readTree(t, out)
	}
	one, many := runOn(1), runOn(max(4, runtime.NumCPU()))
	if len(one) != len(many) || len(one) != 8*len(briefingFiles)+3 {
		t.Fatalf("%d files on one core, %d on many; want %d", len(one), len(many), 8*len(briefingFiles)+3)
	}
	for path, data := range one {
		if !bytes.Equal(data, many[path]) {
			t.Errorf("%s differs between GOMAXPROCS=1 and many", path)
		}
	}
}

func TestBatchFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a shard must be K/N", []string{"-shard", "2"}, "use K/N"},
		{"shards count from 0", []string{"-shard", "4/4"}, "K must be 0 to 3"},
		{"a negative shard is refused", []string{"-shard", "-1/4"}, "K must be 0 to 3"},
		{"there is at least one shard", []string{"-shard", "0/0"}, "use K/N"},
		{"an unexpanded variable is refused", []string{"-shard", "$(JOB_COMPLETION_INDEX)/4"}, "use K/N"},
		{"-fail-on is checked", []string{"-fail-on", "urgent"}, `-fail-on "urgent"`},
		{"one reviews file cannot serve every story", []string{"-reviews", "r.yaml"}, "each story's decisions are read from"},
		{"paths do not mix with -stories", []string{"../../seeds"}, "takes no PATH arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-stories", evalStories, "-out", t.TempDir()}, tt.args...)
			code, _, stderr := runCmd(t, args...)
			if code != exitError || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.want)
			}
		})
	}
	for _, args := range [][]string{{"-shard", "0/2", "-out", t.TempDir()}, {"-stories", evalStories}} {
		if code, _, stderr := runCmd(t, args...); code != exitError {
			t.Errorf("%v: exit %d, want 2: %s", args, code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "-stories", t.TempDir(), "-out", t.TempDir()); code != exitError || !strings.Contains(stderr, "no story directories") {
		t.Errorf("a directory without stories: exit %d: %s", code, stderr)
	}
}

func TestBatchStartsNoStoryOnceCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"-stories", evalStories, "-out", out}, strings.NewReader(""), &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "interrupted after 0 of 8 stories") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if files := readTree(t, out); len(files) != 0 {
		t.Errorf("a cancelled run wrote %d files", len(files))
	}
}

func TestBatchProgressOnlyOnATerminal(t *testing.T) {
	var b bytes.Buffer
	var done atomic.Int64
	tick := make(chan time.Time)
	stop := progress(&b, &done, 8, tick)
	done.Store(3)
	tick <- time.Time{}
	tick <- time.Time{} // received once the first count is printed
	done.Store(8)
	stop()
	got := b.String()
	if !strings.HasPrefix(got, "\rcrosscheck: 3/8 stories\r") || !strings.HasSuffix(got, "\rcrosscheck: 8/8 stories\n") || strings.Count(got, "\r") != 3 {
		t.Errorf("progress wrote %q: want a count per tick, then the final count and a newline", got)
	}
	b.Reset()
	stop = progress(&b, &done, 8, make(chan time.Time))
	stop()
	if b.Len() != 0 {
		t.Errorf("a run that ended before the first tick printed progress: %q", b.String())
	}
	_, _, stderr := runCmd(t, "-stories", evalStories, "-out", t.TempDir(), "-fail-on", "none")
	if strings.Contains(stderr, "/8 stories") {
		t.Errorf("progress printed to a stderr that is not a terminal: %q", stderr)
	}
}

func TestBatchSkipsItsOwnOutputInsideTheStories(t *testing.T) {
	dir := copyStories(t, "cup-final")
	out := filepath.Join(dir, "out")
	for range 2 {
		if code, _, stderr := runCmd(t, "-stories", dir, "-out", out, "-fail-on", "none"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	if got := storyNames(readIndex(t, filepath.Join(out, "index.json"))); !slices.Equal(got, []string{"cup-final"}) {
		t.Errorf("second run lists %v: the output directory was taken for a story", got)
	}
}
