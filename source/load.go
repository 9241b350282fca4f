package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/calendar"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultMaxBytes is the largest article file Load reads unless Options.MaxBytes says otherwise.
const DefaultMaxBytes = 32 << 20

// Options controls loading. The zero value is ready to use.
type Options struct {
	// MaxBytes refuses files larger than this (0 means DefaultMaxBytes). The file is not read.
	MaxBytes int64
	// Manifest gives per-file metadata; entries override inference but not front matter.
	Manifest *Manifest
}

// Problem is an error or warning about one input file. Line is 0 when no line applies.
type Problem struct {
	Path    string
	Line    int
	Msg     string
	Warning bool // the file was still loaded
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}

// Extensions lists the file types Load reads.
var extensions = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// IsArticle reports whether a path has an article extension.
func IsArticle(path string) bool { return extensions[strings.ToLower(filepath.Ext(path))] }

// Collect expands paths (files or directories, walked recursively without following symlinked
// directories) into a sorted list of article files.
func Collect(paths []string) ([]string, []Problem) {
	var files []string
	var probs []Problem
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			probs = append(probs, Problem{Path: p, Msg: "cannot read: " + errText(err)})
			continue
		}
		if !info.IsDir() {
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		var found int
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				probs = append(probs, Problem{Path: path, Msg: "cannot read: " + errText(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(path); err != nil || st.IsDir() {
					return nil // dangling links and linked directories are not followed
				}
			}
			if IsArticle(path) && !seen[path] {
				seen[path] = true
				files = append(files, path)
				found++
			}
			return nil
		})
		if err != nil {
			probs = append(probs, Problem{Path: p, Msg: errText(err)})
		}
		if found == 0 {
			probs = append(probs, Problem{Path: p, Msg: "no article files (.txt, .md, .html) in this directory"})
		}
	}
	sort.Strings(files)
	return files, probs
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Load reads each file. Files that cannot be used produce a Problem and are skipped; the others
// are returned in the order given. Two files with the same text are reported and the second one
// is dropped, so an article is never compared with itself.
func Load(ctx context.Context, files []string, opts Options) ([]*Document, []Problem) {
	var docs []*Document
	var probs []Problem
	byText := map[string]string{}
	ids := map[string]string{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			probs = append(probs, Problem{Path: f, Msg: "interrupted"})
			break
		}
		d, ps := LoadFile(f, opts)
		probs = append(probs, ps...)
		if d == nil {
			continue
		}
		if prev, ok := byText[d.Text]; ok {
			probs = append(probs, Problem{Path: f, Msg: "same text as " + prev + "; skipped", Warning: true})
			continue
		}
		if prev, ok := ids[d.ID]; ok {
			probs = append(probs, Problem{Path: f, Msg: "same name as " + prev + "; renamed " + d.ID + "~" + filepath.Base(filepath.Dir(f)), Warning: true})
			d.ID += "~" + filepath.Base(filepath.Dir(f))
		}
		byText[d.Text] = f
		ids[d.ID] = f
		docs = append(docs, d)
	}
	placeWireDatelines(docs)
	return docs, probs
}

// WireYearWindow is how far, in days, a wire dateline's month and day may lie from the nearest
// publication date of the story's other articles for it to take that article's year.
const WireYearWindow = 45

// placeWireDatelines dates the articles whose wire dateline gives a month and day but no year
// ("OSLO, April 8 (Nordwire) -"): the year is the one that puts the day nearest a publication
// date of another article of the story, when that is within WireYearWindow days. Without
// dated articles nearby the article stays undated.
func placeWireDatelines(docs []*Document) {
	var known []time.Time
	for _, d := range docs {
		if d.HasPublished() {
			known = append(known, d.Published)
		}
	}
	for _, d := range docs {
		if d.wire == nil || d.HasPublished() {
			continue
		}
		best, bestGap := time.Time{}, time.Duration(math.MaxInt64)
		for _, k := range known {
			for y := k.Year() - 1; y <= k.Year()+1; y++ {
				day, ok := calendar.Day(y, d.wire.Month, d.wire.Day)
				if !ok {
					continue
				}
				gap := day.Sub(k)
				if gap < 0 {
					gap = -gap
				}
				if gap < bestGap || (gap == bestGap && day.Before(best)) {
					best, bestGap = day, gap
				}
			}
		}
		if !best.IsZero() && bestGap <= WireYearWindow*24*time.Hour {
			d.Published, d.PublishedFrom = best, "dateline"
			d.PublishedNote = fmt.Sprintf("the dateline gives %s %d without a year; %d from the story's other articles", d.wire.Month, d.wire.Day, best.Year())
		}
	}
}

// LoadFile reads one article. It returns nil and at least one Problem when the file is unusable.
func LoadFile(path string, opts Options) (*Document, []Problem) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	fail := func(msg string) (*Document, []Problem) { return nil, []Problem{{Path: path, Msg: msg}} }
	f, err := os.Open(path)
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	if info.IsDir() {
		return fail("is a directory")
	}
	if info.Size() > max {
		return fail(fmt.Sprintf("file is %d bytes, more than the limit of %d (raise it with -max-bytes)", info.Size(), max))
	}
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	if int64(len(raw)) > max {
		return fail(fmt.Sprintf("file is more than the limit of %d bytes (raise it with -max-bytes)", max))
	}
	return Parse(path, raw, opts)
}

// Parse turns the bytes of an article into a document; name (a file name) gives the ID and
// the format (.html, .htm or text).
func Parse(path string, raw []byte, opts Options) (*Document, []Problem) {
	fail := func(msg string) (*Document, []Problem) { return nil, []Problem{{Path: path, Msg: msg}} }
	var probs []Problem
	text, msg, ok := decode(raw)
	if !ok {
		return fail(msg)
	}
	if msg != "" {
		probs = append(probs, Problem{Path: path, Msg: msg, Warning: true})
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return fail("file is empty (no text to compare)")
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	d := &Document{ID: id, Path: filepath.ToSlash(path)}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".html" || ext == ".htm" {
		if err := loadHTML(d, text); err != nil {
			return nil, append(probs, Problem{Path: path, Msg: err.Error()})
		}
	} else {
		d.Text = text
		body, fp := parseFrontMatter(d)
		probs = append(probs, fp...)
		analyse(d, body)
	}
	if opts.Manifest != nil {
		opts.Manifest.apply(d)
	}
	if len(d.Sentences) == 0 {
		return nil, append(probs, Problem{Path: path, Msg: "no article text left after removing site chrome"})
	}
	return d, probs
}

// decode turns raw bytes into UTF-8 text. It rejects binary files, converts UTF-16 with a byte
// order mark, and repairs invalid UTF-8 with replacement characters (reported in msg).
func decode(raw []byte) (text, msg string, ok bool) {
	if bytes.HasPrefix(raw, []byte{0xff, 0xfe}) || bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		out, _, err := transform.Bytes(dec, raw)
		if err != nil {
			return "", "cannot decode UTF-16: " + err.Error(), false
		}
		return string(out), "converted from UTF-16; byte offsets refer to the UTF-8 text", true
	}
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "", "binary file (contains NUL bytes); not an article", false
	}
	if !utf8.Valid(raw) {
		bad := 0
		for i := 0; i < len(raw); {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				bad++
			}
			i += n
		}
		if bad*10 > len(raw) {
			return "", "not UTF-8 text (too many invalid bytes); convert it to UTF-8", false
		}
		line := 1 + bytes.Count(raw[:firstInvalid(raw)], []byte("\n"))
		return strings.ToValidUTF8(string(raw), "\ufffd"),
			fmt.Sprintf("invalid UTF-8 (%d bytes, first on line %d) replaced with U+FFFD", bad, line), true
	}
	return string(raw), "", true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
