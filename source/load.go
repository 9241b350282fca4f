package source

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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

// Collect expands paths (files or directories) into a sorted list of article files. Directories
// are walked recursively; hidden files and directories (".name") are skipped, symbolic links to
// directories are not followed, and a symbolic link to a file is read only when the file lies
// inside the directory given, so a downloaded folder cannot pull in files from elsewhere.
// Files named on the command line are always read.
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
		root, rerr := filepath.EvalSymlinks(p)
		if rerr != nil {
			root = p
		}
		// A directory named on the command line is read even through a symbolic link; WalkDir
		// follows a root link only when the name ends in a separator.
		walkRoot := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			walkRoot = p + string(filepath.Separator)
		}
		var found int
		err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				probs = append(probs, Problem{Path: path, Msg: "cannot read: " + errText(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path == walkRoot {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if prob, ok := followLink(root, path); !ok {
					if prob != nil {
						probs = append(probs, *prob)
					}
					return nil
				}
			} else if !d.Type().IsRegular() {
				if IsArticle(path) {
					probs = append(probs, Problem{Path: path, Msg: "not a regular file (" + fileKind(d.Type()) + "); skipped"})
				}
				return nil
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
			probs = append(probs, Problem{Path: p, Msg: "no article files (.txt, .md, .markdown, .html, .htm) in this directory"})
		}
	}
	sort.Strings(files)
	return files, probs
}

// followLink decides whether a symbolic link met in a directory walk is read: only when it leads
// to a regular file inside root. A link to a directory is reported and not followed, which also
// keeps the walk out of loops; a broken or looping link to an article is an error.
func followLink(root, path string) (*Problem, bool) {
	st, err := os.Stat(path)
	if err != nil {
		if !IsArticle(path) {
			return nil, false
		}
		return &Problem{Path: path, Msg: "symbolic link cannot be followed: " + errText(err) + "; skipped"}, false
	}
	if st.IsDir() {
		return &Problem{Path: path, Warning: true,
			Msg: "symbolic link to a directory; not followed (give the directory itself to read it)"}, false
	}
	if !IsArticle(path) {
		return nil, false
	}
	if !st.Mode().IsRegular() {
		return &Problem{Path: path, Msg: "symbolic link to something that is not a regular file (" + fileKind(st.Mode()) + "); skipped"}, false
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return &Problem{Path: path, Msg: "symbolic link cannot be followed: " + errText(err) + "; skipped"}, false
	}
	if !inside(root, target) {
		return &Problem{Path: path, Msg: "symbolic link to a file outside " + root + "; skipped (give the file itself to read it)"}, false
	}
	return nil, true
}

// inside reports whether path lies within dir (both cleaned, neither resolved further).
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "mode " + m.String()
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
// is dropped, so an article is never compared with itself. Files are read and parsed on all
// cores; the duplicate checks then run in the order given, so the result does not depend on the
// schedule.
func Load(ctx context.Context, files []string, opts Options) ([]*Document, []Problem) {
	type loaded struct {
		doc  *Document
		key  [sha256.Size]byte // textKey of doc.Text
		ps   []Problem
		done bool // false when the run was interrupted before the file was read
	}
	res := make([]loaded, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) || ctx.Err() != nil {
					return
				}
				d, ps := LoadFile(files[i], opts)
				res[i] = loaded{doc: d, ps: ps, done: true}
				if d != nil {
					res[i].key = textKey(d.Text)
				}
			}
		})
	}
	wg.Wait()
	var docs []*Document
	var probs []Problem
	byText := map[[sha256.Size]byte]string{}
	ids := map[string]string{}
	for i, f := range files {
		if !res[i].done || ctx.Err() != nil {
			probs = append(probs, Problem{Path: f, Msg: "interrupted"})
			break
		}
		d := res[i].doc
		probs = append(probs, res[i].ps...)
		if d == nil {
			continue
		}
		key := res[i].key
		if prev, ok := byText[key]; ok {
			probs = append(probs, Problem{Path: f, Warning: true,
				Msg: "duplicate: same text as " + prev + "; skipped, so the article is not compared with itself"})
			continue
		}
		if prev, ok := ids[d.ID]; ok {
			probs = append(probs, Problem{Path: f, Msg: "same name as " + prev + "; renamed " + d.ID + "~" + filepath.Base(filepath.Dir(f)), Warning: true})
			d.ID += "~" + filepath.Base(filepath.Dir(f))
		}
		byText[key] = f
		ids[d.ID] = f
		docs = append(docs, d)
	}
	placeWireDatelines(docs)
	return docs, probs
}

// textKey identifies an article's text regardless of line endings and of white space at the
// ends, so a copy saved with Windows line endings is still a duplicate.
func textKey(t string) [sha256.Size]byte {
	t = strings.TrimSpace(strings.TrimPrefix(strings.ReplaceAll(t, "\r\n", "\n"), "\ufeff"))
	return sha256.Sum256([]byte(t))
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
	// Stat before opening: opening a named pipe would block until a writer comes.
	info, err := os.Stat(path)
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	if info.IsDir() {
		return fail("is a directory")
	}
	if !info.Mode().IsRegular() {
		return fail("not a regular file (" + fileKind(info.Mode()) + "); skipped")
	}
	if info.Size() > max {
		return fail(tooLarge(info.Size(), max))
	}
	f, err := os.Open(path)
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	defer f.Close()
	// The limit holds even when the file grows after Stat: never more than max+1 bytes are read.
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return fail("cannot read: " + errText(err))
	}
	if int64(len(raw)) > max {
		return fail(tooLarge(-1, max))
	}
	return Parse(path, raw, opts)
}

func tooLarge(size, max int64) string {
	if size < 0 {
		return fmt.Sprintf("file is larger than the -max-bytes limit of %s; not read (raise the limit with -max-bytes)", byteSize(max))
	}
	return fmt.Sprintf("file is %s, larger than the -max-bytes limit of %s; not read (raise the limit with -max-bytes)", byteSize(size), byteSize(max))
}

// byteSize writes n in bytes, with MiB or KiB added when that reads easier.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d bytes (%.1f KiB)", n, float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Parse turns the bytes of an article into a document; name (a file name) gives the ID and
// the format (.html, .htm or text).
func Parse(path string, raw []byte, opts Options) (*Document, []Problem) {
	fail := func(msg string) (*Document, []Problem) { return nil, []Problem{{Path: path, Msg: msg}} }
	var probs []Problem
	text, msg, line, ok := decode(raw)
	if !ok {
		return nil, []Problem{{Path: path, Line: line, Msg: msg}}
	}
	if msg != "" {
		probs = append(probs, Problem{Path: path, Line: line, Msg: msg, Warning: true})
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
	if len(d.longLines) > 0 {
		more := ""
		if n := len(d.longLines); n > 1 {
			more = fmt.Sprintf(" (and %d more lines)", n-1)
		}
		probs = append(probs, Problem{Path: path, Line: d.Sentences[d.longLines[0]].Line, Warning: true,
			Msg: fmt.Sprintf("text runs on for more than %d bytes without a sentence end%s; cut into pieces at spaces", MaxSentenceBytes, more)})
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
// order mark, and repairs invalid UTF-8 with replacement characters (reported in msg, with the
// line of the first bad byte).
func decode(raw []byte) (text, msg string, line int, ok bool) {
	if bytes.HasPrefix(raw, []byte{0xff, 0xfe}) || bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		order := "UTF-16LE"
		if raw[0] == 0xfe {
			order = "UTF-16BE"
		}
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		out, _, err := transform.Bytes(dec, raw)
		if err != nil {
			return "", "cannot decode " + order + ": " + err.Error(), 0, false
		}
		if bytes.IndexByte(out, 0) >= 0 {
			return "", "binary file (" + order + " with NUL characters); not an article", 0, false
		}
		return string(out), "converted from " + order + " (byte order mark); byte offsets refer to the UTF-8 text", 0, true
	}
	head := raw[:min(len(raw), 8192)]
	if nul := bytes.IndexByte(head, 0); nul >= 0 {
		if looksUTF16(head) {
			return "", "looks like UTF-16 without a byte order mark; convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)", 0, false
		}
		return "", fmt.Sprintf("binary file (NUL byte at offset %d); not an article", nul), 0, false
	}
	if !utf8.Valid(raw) {
		bad, first := 0, -1
		for i := 0; i < len(raw); {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				bad++
				if first < 0 {
					first = i
				}
			}
			i += n
		}
		line := 1 + bytes.Count(raw[:first], []byte("\n"))
		if bad*10 > len(raw) {
			return "", "not UTF-8 text (too many invalid bytes); convert it to UTF-8", line, false
		}
		unit := "bytes"
		if bad == 1 {
			unit = "byte"
		}
		return strings.ToValidUTF8(string(raw), "\ufffd"),
			fmt.Sprintf("invalid UTF-8 (%d %s, the first on this line) replaced with U+FFFD; byte offsets refer to the repaired text", bad, unit), line, true
	}
	return string(raw), "", 0, true
}

// looksUTF16 reports whether text has the NUL in every other byte that ASCII written as UTF-16
// without a byte order mark has.
func looksUTF16(b []byte) bool {
	if len(b) < 8 {
		return false
	}
	even, odd := 0, 0
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	return even*10 >= half*8 || odd*10 >= half*8
}
