package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/internal/fsutil"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/review"
	"github.com/crosscheck-news/crosscheck/source"
)

const usage = `usage: crosscheck [flags] PATH...      compare the articles in files or directories
       crosscheck eval [-json FILE] CASE.yaml...   score findings against annotated cases
       crosscheck review confirm|dismiss|note|list ...   record reviewers' decisions (crosscheck review -h)
       crosscheck -stories DIR -out OUT [-shard K/N]   compare each subdirectory of DIR as a story
       crosscheck index -out OUT SHARD_OUT...   merge the indexes of -shard runs (crosscheck index -h)

flags:
`

// Exit codes.
const (
	exitClean    = 0 // no unreviewed discrepancy at or above -fail-on
	exitFindings = 1 // discrepancies at or above -fail-on remain
	exitError    = 2 // bad flags, or no usable input
)

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "eval":
			return runEval(ctx, args[1:], stdout, stderr)
		case "review":
			return runReview(ctx, args[1:], stdout, stderr)
		case "index":
			return runIndex(ctx, args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("crosscheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	out := fs.String("out", "", "write briefing.md, briefing.html and findings.json into `DIR`")
	format := fs.String("format", "auto", "format for stdout when -out is not given: text, md, html, json or sarif; auto is text on a terminal, md otherwise")
	color := fs.String("color", "auto", "colour the terminal summary: auto (on a terminal, unless NO_COLOR is set), always or never")
	failOn := fs.String("fail-on", "low", "exit 1 when a discrepancy of this `severity` or above remains: high, medium, low or none")
	manifest := fs.String("sources", "", "optional manifest `FILE`: per file source, url, published, title")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "refuse article files larger than this many `bytes`")
	reviewsFile := fs.String("reviews", "", "reviewers' decisions `FILE` (default: crosscheck-reviews.yaml beside the input)")
	stories := fs.String("stories", "", "batch: compare each subdirectory of `DIR` as its own story into OUT/<story>/, with OUT/index.md")
	shard := fs.String("shard", "", "with -stories, compare only shard `K/N` (K from 0, as $JOB_COMPLETION_INDEX); merge with crosscheck index")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if *stories != "" || *shard != "" {
		return runStories(ctx, batchConfig{Stories: *stories, Shard: *shard, Out: *out, FailOn: *failOn, Manifest: *manifest,
			Reviews: *reviewsFile, MaxBytes: *maxBytes, Args: fs.Args()}, stderr)
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "crosscheck: no input: give article files or directories (try: crosscheck seeds)")
		return exitError
	}
	threshold := -1
	switch *failOn {
	case "none":
		threshold = 99
	case compare.High, compare.Medium, compare.Low:
		threshold = compare.SeverityRank(*failOn)
	default:
		fmt.Fprintf(stderr, "crosscheck: -fail-on %q: use high, medium, low or none\n", *failOn)
		return exitError
	}
	tty := isTerminal(stdout)
	switch *format {
	case "auto":
		*format = "md"
		if tty {
			*format = "text"
		}
	case "text", "md", "html", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "crosscheck: -format %q: use text, md, html, json or sarif\n", *format)
		return exitError
	}
	colored, err := useColor(*color, tty, os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck:", err)
		return exitError
	}

	opts := source.Options{MaxBytes: *maxBytes}
	var problems []source.Problem
	if *manifest != "" {
		m, ps := source.ReadManifest(*manifest)
		problems = append(problems, ps...)
		if m == nil {
			printProblems(stderr, ps)
			return exitError
		}
		opts.Manifest = m
	}
	r, ps, err := analyse(ctx, fs.Args(), opts, *out)
	problems = append(problems, ps...)
	printProblems(stderr, problems)
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck:", err)
		return exitError
	}
	r.Problems = problemStrings(problems)
	rf, err := review.Read(reviewsPath(*reviewsFile, fs.Args()))
	if err != nil {
		// A broken reviews file is never rewritten; the run stops so no decision is ignored.
		fmt.Fprintln(stderr, "crosscheck:", err)
		return exitError
	}
	r.StaleReviews = review.Join(&r, rf)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "crosscheck: interrupted; nothing written")
		return exitError
	}
	if *out != "" {
		if err := writeOutputs(ctx, *out, r); err != nil {
			fmt.Fprintln(stderr, "crosscheck:", err)
			return exitError
		}
		if tty {
			stdout.Write(report.Text(r, colored))
		}
	} else {
		var data []byte
		switch *format {
		case "text":
			data = report.Text(r, colored)
		case "json":
			data, err = report.JSON(r)
		case "html":
			data, err = report.HTML(r)
		case "sarif":
			data, err = report.SARIF(r)
		default:
			data, err = report.Markdown(r)
		}
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck:", err)
			return exitError
		}
		stdout.Write(data)
	}
	return gate(r, threshold, stderr)
}

// analyse runs the pipeline on the given paths. It fails only when no article is usable.
// Files under skipDir (the output directory, when it lies inside the input) are not articles:
// a briefing.md written there must not be read back on the next run.
func analyse(ctx context.Context, paths []string, opts source.Options, skipDir string) (report.Report, []source.Problem, error) {
	files, problems := source.Collect(paths)
	files = outside(files, skipDir)
	docs, ps := source.Load(ctx, files, opts)
	problems = append(problems, ps...)
	if err := ctx.Err(); err != nil {
		return report.Report{}, problems, fmt.Errorf("interrupted; nothing written")
	}
	if len(docs) == 0 {
		return report.Report{}, problems, fmt.Errorf("no usable article among %d file(s)", len(files))
	}
	// facts and compare take no context: they run aside so that an interrupt returns at once
	// (the abandoned work ends with the process, or on its own in a test).
	done := make(chan []compare.Finding, 1)
	go func() { done <- compare.Compare(docs, facts.ExtractParallel(docs), compare.Options{}) }()
	var findings []compare.Finding
	select {
	case findings = <-done:
	case <-ctx.Done():
		return report.Report{}, problems, fmt.Errorf("interrupted; nothing written")
	}
	return report.Build(docs, findings, nil), problems, nil
}

func printProblems(w io.Writer, ps []source.Problem) {
	for _, p := range ps {
		if p.Warning {
			fmt.Fprintln(w, "warning:", p.Error())
		} else {
			fmt.Fprintln(w, "error:", p.Error())
		}
	}
}

func problemStrings(ps []source.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

// writeOutputs writes the briefing files so that either all are replaced or none is. An
// interrupt that comes while they are rendered leaves the earlier files as they were. The JSON
// and SARIF are rendered beside the briefing, on the other core.
func writeOutputs(ctx context.Context, dir string, r report.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create output directory: %w", err)
	}
	type rendered struct {
		name string
		data []byte
		err  error
	}
	machine := make(chan [2]rendered, 1)
	go func() {
		js, errJ := report.JSON(r)
		sarif, errS := report.SARIF(r)
		machine <- [2]rendered{{"findings.json", js, errJ}, {"findings.sarif", sarif, errS}}
	}()
	md, page, err := report.Briefing(r)
	files := <-machine
	if err != nil {
		return fmt.Errorf("briefing: %w", err)
	}
	var st fsutil.Staged
	for _, o := range []rendered{files[0], files[1], {"briefing.md", md, nil}, {"briefing.html", page, nil}} {
		if o.err != nil {
			st.Abort()
			return fmt.Errorf("%s: %w", o.name, o.err)
		}
		if err := st.Add(filepath.Join(dir, o.name), o.data); err != nil {
			st.Abort()
			return fmt.Errorf("%s: %w", o.name, err)
		}
	}
	if ctx.Err() != nil {
		st.Abort()
		return errors.New("interrupted; nothing written")
	}
	return st.Commit()
}

// gate returns exit 1 when a flag at or above the threshold is not dismissed.
func gate(r report.Report, threshold int, stderr io.Writer) int {
	n := 0
	var ids []string
	for _, f := range r.Findings {
		if !f.IsFlag() || compare.SeverityRank(f.Severity) < threshold {
			continue
		}
		if review.Reviewed(f.Review) {
			continue
		}
		n++
		ids = append(ids, f.ID)
	}
	flags := 0
	for _, f := range r.Findings {
		if f.IsFlag() {
			flags++
		}
	}
	fmt.Fprintf(stderr, "crosscheck: %d sources, %d findings, %d flagged", len(r.Sources), len(r.Findings), flags)
	if n > 0 {
		fmt.Fprintf(stderr, ", %d unreviewed at or above the threshold: %s\n", n, strings.Join(ids, " "))
		return exitFindings
	}
	fmt.Fprintln(stderr)
	return exitClean
}

// outside drops the files that lie under dir.
func outside(files []string, dir string) []string {
	if dir == "" {
		return files
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return files
	}
	kept := files[:0:0]
	for _, f := range files {
		af, err := filepath.Abs(f)
		if err == nil && (af == abs || strings.HasPrefix(af, abs+string(filepath.Separator))) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}
