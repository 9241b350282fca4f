// Package casefile holds the types of an annotated case file (case.yaml): the format shared by
// the evaluation (package evaluate, which reads and checks it) and the corpus generator
// (internal/benchcorpus/gen, which writes it). It imports nothing, so the pipeline's packages
// can benchmark on generated stories without an import cycle through evaluate.
package casefile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Case is one annotated story.
type Case struct {
	Name     string    `yaml:"case"`
	Event    string    `yaml:"event"`
	Articles []Article `yaml:"articles"`
	Facts    []Fact    `yaml:"facts"`
	Traps    []Trap    `yaml:"traps"`

	// Path is the case file; Dir holds its articles. Both are set when a case is read.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// Article names one input article by ID (its file name without extension).
type Article struct {
	ID        string `yaml:"id"`
	Source    string `yaml:"source"`
	Published string `yaml:"published"`
}

// Fact is something the articles state, on which they conflict or agree.
type Fact struct {
	ID     string  `yaml:"id"`
	Fact   string  `yaml:"fact"`
	Kind   string  `yaml:"kind"`
	Status string  `yaml:"status"`
	Values []Value `yaml:"values"`
}

// Value is one article's wording of a fact.
type Value struct {
	Article string `yaml:"article"`
	Says    string `yaml:"says"`
	Anchor  string `yaml:"anchor"`
}

// Trap is a set of look-alike passages that must not be flagged together.
type Trap struct {
	ID       string   `yaml:"id"`
	What     string   `yaml:"what"`
	Articles []string `yaml:"articles"`
	Anchors  []string `yaml:"anchors"`
	Why      string   `yaml:"why"`
}

// articleExts are tried in order when locating an article file by ID.
var articleExts = []string{".txt", ".md", ".html", ".htm"}

// Files returns the article files of the case, in the order the case lists them.
func (c *Case) Files() ([]string, error) {
	var files []string
	for _, a := range c.Articles {
		found := ""
		for _, ext := range articleExts {
			p := filepath.Join(c.Dir, a.ID+ext)
			if _, err := os.Stat(p); err == nil {
				found = p
				break
			}
		}
		if found == "" {
			return nil, fmt.Errorf("%s: article %s: no file %s.txt (or .md, .html) in %s", c.Path, a.ID, a.ID, c.Dir)
		}
		files = append(files, found)
	}
	return files, nil
}
