package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/adrg/strutil/metrics"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus/gen"
	"github.com/crosscheck-news/crosscheck/source"
)

// BenchmarkCompare compares one generated story of 100 and 1,000 articles (about 4.5 kB
// each); the corpus is generated into a temporary directory, never committed.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s := gen.New(1, 0, n)
			docs, err := s.Load(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			sents := facts.Extract(docs)
			b.SetBytes(int64(s.Size()))
			b.ReportAllocs()
			for b.Loop() {
				Compare(docs, sents, Options{})
			}
		})
	}
}

func loadDir(t *testing.T, dir string) ([]*source.Document, [][]facts.Sentence) {
	t.Helper()
	files, _ := source.Collect([]string{dir})
	docs, _ := source.Load(context.Background(), files, source.Options{})
	if len(docs) == 0 {
		t.Fatalf("%s: no articles", dir)
	}
	return docs, facts.Extract(docs)
}

func TestPreparedDiceMatchesStrutil(t *testing.T) {
	docs, sents := loadDir(t, "../testdata/eval/flood-toll")
	var ps []*Passage
	c := &corpus{df: map[string]int{}, n: 1}
	for _, ss := range sents {
		for _, s := range ss {
			ps = append(ps, newPassage(contentTerms(s.Tokens), c))
		}
	}
	ps = append(ps, newPassage(nil, c), newPassage([]string{"ă"}, c), newPassage([]string{"crângeni", "ăâ"}, c))
	d := metrics.NewSorensenDice()
	d.NgramSize = 2
	n := 0
	for i := 0; i < len(ps); i += 3 {
		for j := 0; j < len(ps); j += 5 {
			want := d.Compare(ps[i].Plain, ps[j].Plain)
			if got := dice(ps[i], ps[j]); got != want {
				t.Fatalf("dice(%q, %q) = %v, strutil says %v", ps[i].Plain, ps[j].Plain, got, want)
			}
			n++
		}
	}
	if n < 1000 || len(docs) < 2 {
		t.Fatalf("compared only %d pairs", n)
	}
}

// TestCompareIsTheSameOnOneCoreAndTwo runs Compare on every evaluation story and on a
// generated story large enough for the blocking window, with one core and with two, twice each.
func TestCompareIsTheSameOnOneCoreAndTwo(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/eval/*")
	dirs = append(dirs, "../seeds")
	big, err := gen.New(2, 1, 150).Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, dir := range append(dirs, "generated") {
		docs, sents := big, [][]facts.Sentence(nil)
		if dir != "generated" {
			docs, sents = loadDir(t, dir)
		} else {
			sents = facts.Extract(docs)
		}
		var runs [][]Finding
		for _, procs := range []int{1, 2, 1, 2} {
			runtime.GOMAXPROCS(procs)
			runs = append(runs, Compare(docs, sents, Options{}))
		}
		for k := 1; k < len(runs); k++ {
			if !reflect.DeepEqual(runs[0], runs[k]) {
				t.Errorf("%s: run %d differs from run 0", dir, k)
			}
		}
		if len(runs[0]) == 0 {
			t.Errorf("%s: no findings", dir)
		}
	}
}

func TestPostingsWindowLongListsOnly(t *testing.T) {
	p := postings{}
	for i := range 10 {
		p.add("short", i*3)
	}
	for i := range 1000 {
		p.add("long", i)
	}
	if got := p.after("short", 6); !reflect.DeepEqual(got, []int{9, 12, 15, 18, 21, 24, 27}) {
		t.Errorf("short list after 6 = %v, want every later entry", got)
	}
	if got := p.after("long", 500); len(got) != PostingWindow || got[0] != 501 {
		t.Errorf("long list after 500 = %v, want the %d next entries", got, PostingWindow)
	}
	if got := p.after("long", 999); len(got) != 0 {
		t.Errorf("long list after its last entry = %v, want none", got)
	}
}

func TestLongFindingsKeepEveryValue(t *testing.T) {
	var cs []Claim
	for d := range 200 {
		v := "10 person"
		if d == 150 {
			v = "16 person"
		}
		cs = append(cs, Claim{Doc: d, Value: strings.Fields(v)[0] + " people", Normalized: v})
	}
	got := pickClaims(cs, MaxClaims)
	if len(got) != MaxClaims {
		t.Fatalf("kept %d claims, want %d", len(got), MaxClaims)
	}
	odd := false
	for k, c := range got {
		odd = odd || c.Doc == 150
		if k > 0 && got[k-1].Doc >= c.Doc {
			t.Fatal("claims are not in source order")
		}
	}
	if !odd || got[0].Doc != 0 {
		t.Errorf("kept sources %d…, want the first sources and the one that differs", got[0].Doc)
	}

	// On a generated story of 120 articles: every finding lists at most MaxClaims claims and
	// counts all its sources; the planted toll conflict keeps the article that differs.
	s := gen.New(1, 0, 120)
	docs, err := s.Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	fs := Compare(docs, facts.Extract(docs), Options{})
	odd = false
	for _, f := range fs {
		if len(f.Claims) > MaxClaims || f.Sources < len(f.Claims) || f.Sources < 2 {
			t.Errorf("%s: %d claims for %d sources", f.ID, len(f.Claims), f.Sources)
		}
		for _, c := range f.Claims {
			if f.Status == Conflict && docs[c.Doc].ID == s.Case.Facts[0].Values[0].Article && c.Normalized == s.Case.Facts[0].Values[0].Says+" person" {
				odd = true
			}
		}
	}
	if !odd {
		t.Errorf("no conflict lists %s's toll of %s", s.Case.Facts[0].Values[0].Article, s.Case.Facts[0].Values[0].Says)
	}
}
