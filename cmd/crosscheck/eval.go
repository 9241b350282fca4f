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
	"strings"
	"text/tabwriter"

	"github.com/crosscheck-news/crosscheck/evaluate"
	"github.com/crosscheck-news/crosscheck/internal/fsutil"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/source"
)

// evalSummary is what `crosscheck eval -json` writes: one result per case and their total.
type evalSummary struct {
	Cases []evaluate.Result `json:"cases"`
	Total evaluate.Result   `json:"total"`
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("crosscheck eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: crosscheck eval [-json FILE] [-findings DIR] [-v] CASE.yaml...")
		fs.PrintDefaults()
	}
	jsonOut := fs.String("json", "", "also write the figures as JSON to `FILE`")
	findingsDir := fs.String("findings", "", "write each case's findings as `DIR`/CASE.json (for score.py)")
	verbose := fs.Bool("v", false, "list each missed conflict, false alarm and unjudged flag")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	var sum evalSummary
	sum.Total.Case = "total"
	failed := false
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "case\tconflicts found\tfalse alarms\tagreements found\tflags\tunjudged\t")
	var details []string
	for _, path := range fs.Args() {
		c, err := evaluate.ReadCase(path)
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck eval:", err)
			failed = true
			continue
		}
		files, err := c.Files()
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck eval:", err)
			failed = true
			continue
		}
		r, _, err := analyse(ctx, files, source.Options{MaxBytes: source.DefaultMaxBytes}, "")
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck eval: %s: %v\n", path, err)
			failed = true
			continue
		}
		if *findingsDir != "" {
			data, err := report.JSON(r)
			if err == nil {
				err = os.MkdirAll(*findingsDir, 0o755)
			}
			if err == nil {
				err = fsutil.WriteFile(filepath.Join(*findingsDir, c.Name+".json"), data)
			}
			if err != nil {
				fmt.Fprintln(stderr, "crosscheck eval:", err)
				failed = true
			}
		}
		res := evaluate.Score(c, r)
		sum.Cases = append(sum.Cases, res)
		sum.Total.Add(res)
		fmt.Fprintf(tw, "%s\t%d/%d\t%d\t%d/%d\t%d\t%d\t\n", res.Case, res.ConflictsFound, res.Conflicts,
			res.FalseAlarms, res.AgreementsFound, res.Agreements, res.Flags, res.Unjudged)
		if *verbose {
			details = append(details, describe(c, r, res)...)
		}
	}
	t := sum.Total
	fmt.Fprintf(tw, "total\t%d/%d\t%d\t%d/%d\t%d\t%d\t\n", t.ConflictsFound, t.Conflicts, t.FalseAlarms,
		t.AgreementsFound, t.Agreements, t.Flags, t.Unjudged)
	tw.Flush()
	if t.Conflicts > 0 && t.Flags > 0 {
		fmt.Fprintf(stdout, "recall on conflicts %.2f, flags that are false alarms %d of %d, agreements found %.2f\n",
			float64(t.ConflictsFound)/float64(t.Conflicts), t.FalseAlarms, t.Flags, ratio(t.AgreementsFound, t.Agreements))
	}
	for _, d := range details {
		fmt.Fprintln(stdout, d)
	}
	if *jsonOut != "" {
		data, err := json.MarshalIndent(sum, "", "  ")
		if err == nil {
			err = fsutil.WriteFile(*jsonOut, append(data, '\n'))
		}
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck eval:", err)
			return exitError
		}
	}
	if failed {
		return exitError
	}
	return exitClean
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// describe lists, for one case, what was missed, what was flagged wrongly and what nobody annotated.
func describe(c *evaluate.Case, r report.Report, res evaluate.Result) []string {
	what := map[string]string{}
	for _, f := range c.Facts {
		what[f.ID] = f.Fact
	}
	for _, t := range c.Traps {
		what[t.ID] = t.What
	}
	var out []string
	for _, id := range res.Missed {
		out = append(out, fmt.Sprintf("  %s: missed %s (%s)", c.Name, id, what[id]))
	}
	for _, id := range res.Alarms {
		out = append(out, fmt.Sprintf("  %s: false alarm on %s (%s)", c.Name, id, what[id]))
	}
	byID := map[string]report.Finding{}
	for _, f := range r.Findings {
		byID[f.ID] = f
	}
	for _, id := range res.UnjudgedIDs {
		f := byID[id]
		var vals []string
		for _, cl := range f.Claims {
			vals = append(vals, cl.Source+"="+cl.Value)
		}
		out = append(out, fmt.Sprintf("  %s: unjudged %s %s %s: %s", c.Name, f.Kind, f.Status, id, strings.Join(vals, ", ")))
	}
	return out
}
