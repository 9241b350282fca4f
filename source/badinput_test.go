package source

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// A file far above the limit is refused from its size alone: a sparse 200 MB file costs no
// memory to refuse.
func TestHugeFileIsRefusedWithoutReadingIt(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 200<<20); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, probs := LoadFile(p, Options{})
	runtime.ReadMemStats(&after)
	if d != nil || len(probs) != 1 {
		t.Fatalf("got a document or %d problems: %v", len(probs), probs)
	}
	msg := probs[0].Error()
	for _, want := range []string{p, "209715200 bytes", "-max-bytes limit of 33554432 bytes", "not read"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes; it should not be read", got)
	}
}

// The limit is inclusive: a file of exactly MaxBytes loads, one byte more does not.
func TestMaxBytesIsInclusive(t *testing.T) {
	dir := t.TempDir()
	text := []byte(strings.Repeat("The council met again. ", 40))
	p := writeFile(t, dir, "edge.txt", text)
	if d, probs := LoadFile(p, Options{MaxBytes: int64(len(text))}); d == nil {
		t.Errorf("a file of exactly the limit was refused: %v", probs)
	}
	if d, probs := LoadFile(p, Options{MaxBytes: int64(len(text) - 1)}); d != nil || len(probs) == 0 ||
		!strings.Contains(probs[0].Msg, "-max-bytes") {
		t.Errorf("a file one byte over the limit: %v %v", d, probs)
	}
}

// splitTime is the shortest of three timings of splitting text as one paragraph.
func splitTime(text string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		splitSentences(text, 0, len(text))
		best = min(best, time.Since(start))
	}
	return best
}

// Sentence splitting stays linear on one long line, whatever it repeats: four times the text
// takes about four times as long (a quadratic splitter would take sixteen).
func TestSentenceSplittingIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times megabytes of text")
	}
	units := []struct{ name, unit string }{
		{"prose sentences", "The council said 40 homes were flooded on Monday. "},
		{"abbreviations", "Mr. Dr. Gen. St. "},
		{"dotted acronyms", "U.S. a.m. e.g. "},
		{"initials", "A. B. C. "},
		{"opening quotes never closed", "“He said. “They said. "},
		{"closing quotes as openers", " ”It is. ”It was. "},
		{"straight quotes", `"A. "B. `},
		{"ellipses", "wait… Then… "},
		{"runs of terminators", "?!?!..!!?? "},
		{"no punctuation at all", "words and more words without an end "},
		{"one endless word", "abcdefghij"},
	}
	for _, u := range units {
		t.Run(u.name, func(t *testing.T) {
			small := strings.Repeat(u.unit, (1<<20)/len(u.unit))
			large := strings.Repeat(u.unit, (4<<20)/len(u.unit))
			ts, tl := splitTime(small), splitTime(large)
			if tl > 10*ts+50*time.Millisecond {
				t.Errorf("1 MiB in %v, 4 MiB in %v: grows faster than linearly", ts, tl)
			}
		})
	}
}

// A 5 MB article on a single line loads; every sentence is on line 1 and spans the text.
func TestFiveMegabyteLineLoads(t *testing.T) {
	var b strings.Builder
	n := 0
	for b.Len() < 5<<20 {
		n++
		b.WriteString("The council said ")
		b.WriteString(strings.Repeat("very ", n%7))
		b.WriteString("many homes were flooded. ")
	}
	start := time.Now()
	d, probs := Parse("long.txt", []byte(b.String()), Options{})
	if d == nil {
		t.Fatal(probs)
	}
	if len(d.Sentences) != n {
		t.Errorf("%d sentences, want %d", len(d.Sentences), n)
	}
	for i, s := range d.Sentences {
		if s.Line != 1 || !strings.HasPrefix(d.SentenceText(i), "The council said") || !strings.HasSuffix(d.SentenceText(i), "flooded.") {
			t.Fatalf("sentence %d on line %d: %q", i, s.Line, d.SentenceText(i))
		}
	}
	t.Logf("5 MiB line: %d sentences in %v", n, time.Since(start))
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.Write([]byte{0xfe, 0xff})
	} else {
		b.Write([]byte{0xff, 0xfe})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

// UTF-16 with a byte order mark, in either order, is decoded; lines stay right.
func TestUTF16WithByteOrderMarkIsDecoded(t *testing.T) {
	text := "Flood in the valley\n\nThe council said 40 homes near the Łaba river were flooded.\r\nRescuers worked all night.\n"
	for _, be := range []bool{false, true} {
		order := map[bool]string{false: "UTF-16LE", true: "UTF-16BE"}[be]
		t.Run(order, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "wide.txt", utf16Bytes(text, be))
			d, probs := LoadFile(p, Options{})
			if d == nil {
				t.Fatal(probs)
			}
			if d.Text != text {
				t.Errorf("decoded text %q", d.Text)
			}
			if len(probs) != 1 || !probs[0].Warning || !strings.Contains(probs[0].Error(), p+": converted from "+order) {
				t.Errorf("problems %v, want one warning naming %s and %s", probs, p, order)
			}
			var lines []int
			for _, s := range d.Sentences {
				lines = append(lines, s.Line)
			}
			if len(lines) != 3 || lines[1] != 3 || lines[2] != 4 {
				t.Errorf("sentence lines %v, want [1 3 4]", lines)
			}
		})
	}
}

// UTF-16 without a byte order mark is refused with advice, not called binary.
func TestUTF16WithoutByteOrderMarkIsRefused(t *testing.T) {
	raw := utf16Bytes("The council said 40 homes were flooded.\n", false)[2:]
	d, probs := Parse("nobom.txt", raw, Options{})
	if d != nil || len(probs) != 1 || !strings.Contains(probs[0].Error(), "nobom.txt: looks like UTF-16 without a byte order mark") {
		t.Errorf("got %v %v", d, probs)
	}
}

// Invalid UTF-8 is repaired with U+FFFD; the warning gives the line of the first bad byte.
func TestInvalidUTF8IsRepairedWithTheLine(t *testing.T) {
	raw := []byte("Headline here\n\nThe caf\xe9 and the b\xe4kery said 40 homes were flooded.\n")
	d, probs := Parse("latin1.txt", raw, Options{})
	if d == nil {
		t.Fatal(probs)
	}
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), "latin1.txt:3: invalid UTF-8 (2 bytes") {
		t.Errorf("problems %v", probs)
	}
	if want := "The caf\ufffd and the b\ufffdkery said 40 homes were flooded."; d.SentenceText(1) != want || d.Sentences[1].Line != 3 {
		t.Errorf("sentence %q on line %d", d.SentenceText(1), d.Sentences[1].Line)
	}
}

// A copy of an article saved with Windows line endings is the same article.
func TestCRLFCopyIsADuplicate(t *testing.T) {
	dir := t.TempDir()
	text := "The council met on Monday.\n\nIt approved 12 new homes.\n"
	a := writeFile(t, dir, "a.txt", []byte(text))
	b := writeFile(t, dir, "b.txt", []byte(strings.ReplaceAll(text, "\n", "\r\n")))
	docs, probs := Load(context.Background(), []string{a, b}, Options{})
	if len(docs) != 1 || docs[0].Path != filepath.ToSlash(a) {
		t.Fatalf("%d documents, want only a.txt", len(docs))
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), b+": duplicate: same text as "+a) {
		t.Errorf("problems %v", probs)
	}
}

// Front matter errors name the line in the file, with a message a person can act on.
func TestFrontMatterErrorsGiveTheLine(t *testing.T) {
	body := "The council met on Monday and approved 12 new homes.\n"
	tests := []struct {
		name, front string
		line        int
		msg         string
	}{
		{"an unclosed list", "---\ntitle: [oops\nsource: X\n---\n", 2, "did not find expected ',' or ']'"},
		{"a list where a value belongs", "---\nsource: X\ntitle: [a, b]\n---\n", 3, "a list where a single value belongs"},
		{"bad indentation", "---\nsource: X\n  title: y\n---\n", 3, "mapping values are not allowed"},
		{"a list instead of keys", "---\n- a\n- b\n---\n", 2, "expected key: value lines"},
		{"a date that is no date", "---\nsource: X\npublished: 2025-13-45\n---\n", 3, `published: "2025-13-45" is not a date (use YYYY-MM-DD)`},
		{"no closing line", "---\nsource: X\n\n", 1, `no closing "---" line`},
		{"after a byte order mark", "\ufeff---\nsource: X\ntitle: [a, b]\n---\n", 3, "a list where a single value belongs"},
		{"with Windows line endings", "---\r\nsource: X\r\ntitle: [a, b]\r\n---\r\n", 3, "a list where a single value belongs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs := Parse("fm.txt", []byte(tt.front+body), Options{})
			if d == nil {
				t.Fatalf("the article was dropped: %v", probs)
			}
			if len(probs) != 1 || probs[0].Line != tt.line || !strings.Contains(probs[0].Msg, tt.msg) || !probs[0].Warning {
				t.Fatalf("problems %v, want a warning on line %d saying %q", probs, tt.line, tt.msg)
			}
			if strings.Contains(probs[0].Msg, "\n") || strings.Contains(probs[0].Msg, "source.meta") {
				t.Errorf("message %q is not one plain line", probs[0].Msg)
			}
			last := d.Sentences[len(d.Sentences)-1]
			if d.Text[last.Start:last.End] != strings.TrimSpace(body) {
				t.Errorf("body sentence %q", d.Text[last.Start:last.End])
			}
		})
	}
}

// Manifest entries must name files inside the manifest's directory.
func TestManifestEntriesOutsideItsDirectoryAreRefused(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "sources.yaml", []byte(`- file: a.txt
  source: Valley News
- file: ../b.txt
  source: Elsewhere
- file: sub/../../c.txt
  source: Elsewhere
- file: /etc/hostname
  source: Elsewhere
- file: sub/d.txt
  published: 3/2/25
`))
	m, probs := ReadManifest(p)
	if m == nil {
		t.Fatal(probs)
	}
	want := []string{
		p + `:3: manifest: file "../b.txt" is outside the manifest's directory; entry ignored`,
		p + `:5: manifest: file "sub/../../c.txt" is outside the manifest's directory; entry ignored`,
		p + `:7: manifest: file "/etc/hostname" is an absolute path`,
		p + `:9: manifest: published: "3/2/25" is not a date`,
	}
	if len(probs) != len(want) {
		t.Fatalf("problems %v", probs)
	}
	for i, w := range want {
		if !strings.HasPrefix(probs[i].Error(), w) {
			t.Errorf("problem %q, want %q", probs[i].Error(), w)
		}
	}
	if len(m.entries) != 2 {
		t.Errorf("%d entries kept, want a.txt and sub/d.txt", len(m.entries))
	}
}

// A manifest that is not YAML stops with its line.
func TestMalformedManifestGivesTheLine(t *testing.T) {
	p := writeFile(t, t.TempDir(), "sources.yaml", []byte("- file: a.txt\n  source: [x\n"))
	m, probs := ReadManifest(p)
	if m != nil || len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), p+":") || probs[0].Line == 0 {
		t.Errorf("got %v %v", m, probs)
	}
}

// Directory walks skip hidden files (editor backups, macOS "._" files), follow a symbolic link
// to an article inside the directory, and refuse links that loop, dangle, lead to a directory or
// leave the directory.
func TestCollectReportsLinksItDoesNotFollow(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "in")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{dir, outside, filepath.Join(dir, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, "a.txt", []byte("The council met."))
	writeFile(t, dir, "._a.txt", []byte("\x00\x05\x16\x07binary"))
	writeFile(t, filepath.Join(dir, "sub"), "b.txt", []byte("The army came."))
	writeFile(t, outside, "secret.txt", []byte("Not for the briefing."))
	links := map[string]string{
		"loop1.txt":   "loop2.txt",
		"loop2.txt":   "loop1.txt",
		"dangling.md": "nowhere.md",
		"self":        ".",
		"out":         "../outside",
		"secret.txt":  "../outside/secret.txt",
		"inside.txt":  "sub/b.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	files, probs := Collect([]string{dir})
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, filepath.ToSlash(rel))
	}
	if strings.Join(got, " ") != "a.txt inside.txt sub/b.txt" {
		t.Errorf("files %v", got)
	}
	msgs := map[string]string{}
	for _, p := range probs {
		rel, _ := filepath.Rel(dir, p.Path)
		msgs[filepath.ToSlash(rel)] = p.Msg
		if p.Warning != (rel == "self" || rel == "out") {
			t.Errorf("%s: warning = %v", p.Error(), p.Warning)
		}
	}
	for name, want := range map[string]string{
		"loop1.txt":   "too many levels of symbolic links",
		"loop2.txt":   "too many levels of symbolic links",
		"dangling.md": "symbolic link cannot be followed",
		"self":        "symbolic link to a directory; not followed",
		"out":         "symbolic link to a directory; not followed",
		"secret.txt":  "symbolic link to a file outside",
	} {
		if !strings.Contains(msgs[name], want) {
			t.Errorf("%s: message %q, want %q", name, msgs[name], want)
		}
	}
	if len(msgs) != 6 {
		t.Errorf("problems %v", probs)
	}
	// A directory named on the command line is walked even through a link.
	viaLink := filepath.Join(root, "link-to-in")
	if err := os.Symlink(dir, viaLink); err != nil {
		t.Fatal(err)
	}
	if files, _ := Collect([]string{viaLink}); len(files) != 3 || files[0] != filepath.Join(viaLink, "a.txt") {
		t.Errorf("through a linked directory: files %v", files)
	}
	// A file named on the command line is read wherever it lies.
	if files, probs := Collect([]string{filepath.Join(dir, "secret.txt")}); len(files) != 1 || len(probs) != 0 {
		t.Errorf("an explicit link: files %v, problems %v", files, probs)
	}
}

// Text that runs on without a sentence end is cut into pieces of at most MaxSentenceBytes at
// spaces, with a warning naming the line, so no later stage meets megabytes as one sentence.
func TestRunOnTextIsCutIntoPieces(t *testing.T) {
	tests := []struct {
		name, unit string
		atSpaces   bool
	}{
		{"words without a sentence end", "and 40 homes were flooded near the river ", true},
		{"one endless word", "ąbcdefghi", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline of the page\n\nA normal sentence. Another one.\n" + strings.Repeat(tt.unit, (5<<20)/len(tt.unit)) + "\nThe last sentence.\n"
			d, probs := Parse("runon.txt", []byte(text), Options{})
			if d == nil {
				t.Fatal(probs)
			}
			if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), "runon.txt:4: text runs on for more than 2000 bytes") {
				t.Errorf("problems %v", probs)
			}
			covered := 0
			for i, s := range d.Sentences {
				n := s.End - s.Start
				if n > MaxSentenceBytes || s.Line != d.LineAt(s.Start) {
					t.Fatalf("sentence %d: %d bytes on line %d", i, n, s.Line)
				}
				if s.Line == 4 {
					covered += n
					if tt.atSpaces && i+1 < len(d.Sentences) && d.Text[s.End] != ' ' {
						t.Fatalf("sentence %d is not cut at a space: %q", i, d.Text[s.End-10:s.End+10])
					}
				}
			}
			if long := len(text) - 53; covered < long-long/100 {
				t.Errorf("the pieces hold %d of the line's %d bytes", covered, long)
			}
			if got := d.SentenceText(1); got != "A normal sentence." {
				t.Errorf("normal sentences are cut too: %q", got)
			}
		})
	}
}
