// Command benchcorpus writes a deterministic synthetic corpus for benchmarks and accuracy at
// scale: -stories N stories of -articles M articles each, one directory per story with its
// case.yaml (see package gen). With -floor it instead times nothing itself but does the least
// work any run must do on the given paths, reading every article and splitting it into sentences
// and tokens, so `make bench` can set the pipeline's cost against that floor.
//
//	go run ./internal/benchcorpus -seed 1 -stories 3 -articles 100 -out /tmp/corpus
//	go run ./internal/benchcorpus -floor /tmp/corpus/flood-varnel-000
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus/gen"
	"github.com/crosscheck-news/crosscheck/source"
)

func main() {
	seed := flag.Int64("seed", 1, "generator `seed`")
	stories := flag.Int("stories", 1, "number of stories")
	articles := flag.Int("articles", 10, "articles per story (at least 2)")
	out := flag.String("out", "", "write the stories into subdirectories of `DIR`")
	floor := flag.Bool("floor", false, "read and tokenize the article files of the given paths, then exit")
	flag.Parse()
	if *floor {
		os.Exit(readFloor(flag.Args()))
	}
	if *out == "" || *stories < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchcorpus -seed S -stories N -articles M -out DIR | benchcorpus -floor PATH...")
		os.Exit(2)
	}
	for i := range *stories {
		s := gen.New(*seed, i, *articles)
		if err := s.Write(filepath.Join(*out, s.Name)); err != nil {
			fmt.Fprintln(os.Stderr, "benchcorpus:", err)
			os.Exit(2)
		}
		fmt.Printf("%s\t%d articles\t%d bytes\n", filepath.Join(*out, s.Name), len(s.Files), s.Size())
	}
}

// readFloor loads the articles (reading, decoding, front matter, sentence splitting) and
// tokenizes every sentence: the part of a run no comparison can avoid.
func readFloor(paths []string) int {
	files, _ := source.Collect(paths)
	docs, _ := source.Load(context.Background(), files, source.Options{})
	toks := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			toks += len(facts.Tokenize(d.Text[s.Start:s.End], s.Start))
		}
	}
	fmt.Printf("floor: %d files, %d documents, %d tokens\n", len(files), len(docs), toks)
	return 0
}
