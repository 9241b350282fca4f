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
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/review"
	"github.com/crosscheck-news/crosscheck/source"
)

const reviewUsage = `usage: crosscheck review confirm|dismiss|note ID -m TEXT [-by NAME] [-reviews FILE] [PATH...]
       crosscheck review list [-reviews FILE] [PATH...]

PATH is the articles (default: the reviews file's directory, or "."); the reviews file defaults
to crosscheck-reviews.yaml in the first PATH (or beside it, when it is a file). The reviewer is
-by, else $CROSSCHECK_REVIEWER, else left out; the time is $CROSSCHECK_TIME (RFC 3339), else now.

flags:
`

// parseInterspersed parses flags that may come after positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// reviewsPath is where the reviews file of these inputs lives unless -reviews says.
func reviewsPath(flagValue string, paths []string) string {
	if flagValue != "" {
		return flagValue
	}
	if len(paths) == 0 {
		return review.DefaultName
	}
	p := paths[0]
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		p = filepath.Dir(p)
	}
	return filepath.Join(p, review.DefaultName)
}

func runReview(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("crosscheck review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, reviewUsage)
		fs.PrintDefaults()
	}
	msg := fs.String("m", "", "the note: what was checked, or why it is not a discrepancy")
	by := fs.String("by", "", "the reviewer's `NAME` (default $CROSSCHECK_REVIEWER)")
	file := fs.String("reviews", "", "the reviews `FILE`")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "refuse article files larger than this many `bytes`")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if len(pos) == 0 {
		fs.Usage()
		return exitError
	}
	cmd := pos[0]
	var id string
	paths := pos[1:]
	switch cmd {
	case "confirm", "dismiss", "note":
		if len(paths) == 0 {
			fmt.Fprintf(stderr, "crosscheck review %s: give the finding ID\n", cmd)
			return exitError
		}
		id, paths = paths[0], paths[1:]
		if strings.TrimSpace(*msg) == "" && cmd != "confirm" {
			fmt.Fprintf(stderr, "crosscheck review %s %s: -m TEXT is required (say why)\n", cmd, id)
			return exitError
		}
	case "list":
	default:
		fmt.Fprintf(stderr, "crosscheck review: unknown command %q (confirm, dismiss, note or list)\n", cmd)
		return exitError
	}
	path := reviewsPath(*file, paths)
	if len(paths) == 0 {
		paths = []string{filepath.Dir(path)}
	}
	r, probs, err := analyse(ctx, paths, source.Options{MaxBytes: *maxBytes}, "")
	printProblems(stderr, probs)
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck review:", err)
		return exitError
	}
	if cmd == "list" {
		f, err := review.Read(path)
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck review:", err)
			return exitError
		}
		r.StaleReviews = review.Join(&r, f)
		listReviews(stdout, r)
		return exitClean
	}
	var target *report.Finding
	for i := range r.Findings {
		if r.Findings[i].ID == id {
			target = &r.Findings[i]
		}
	}
	if target == nil {
		fmt.Fprintf(stderr, "crosscheck review: no finding %s in %s (run crosscheck to list them)\n", id, strings.Join(paths, " "))
		return exitError
	}
	who := *by
	if who == "" {
		who = os.Getenv("CROSSCHECK_REVIEWER")
	}
	at := time.Now().UTC().Format(time.RFC3339)
	if t := os.Getenv("CROSSCHECK_TIME"); t != "" {
		if _, err := time.Parse(time.RFC3339, t); err != nil {
			fmt.Fprintf(stderr, "crosscheck review: CROSSCHECK_TIME %q is not RFC 3339 (2026-12-07T10:00:00Z)\n", t)
			return exitError
		}
		at = t
	}
	err = review.Update(path, func(f *review.File) error {
		e, _ := f.Get(id)
		e.ID, e.By, e.At, e.Passages = id, who, at, review.Fingerprint(*target)
		switch cmd {
		case "confirm":
			e.Decision = review.Confirmed
		case "dismiss":
			e.Decision = review.Dismissed
		case "note":
			if e.Decision == "" {
				e.Decision = review.Noted
			}
		}
		if *msg != "" {
			e.Note = *msg
		}
		f.Set(e)
		return nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck review:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "%s %s in %s\n", id, map[string]string{"confirm": "confirmed", "dismiss": "dismissed", "note": "noted"}[cmd], path)
	return exitClean
}

func listReviews(w io.Writer, r report.Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tstatus\tkind\tseverity\treview\tfact\t")
	for _, f := range r.Findings {
		if !f.IsFlag() {
			continue
		}
		state := "unreviewed"
		if f.Review != nil {
			state = f.Review.Decision
			if f.Review.Stale {
				state += " (stale)"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", f.ID, f.Status, f.Kind, f.Severity, state, f.Fact)
	}
	tw.Flush()
	for _, s := range r.StaleReviews {
		fmt.Fprintf(w, "stale: %s (%s, line %d): %s\n", s.ID, s.Decision, s.Line, s.Why)
	}
}
