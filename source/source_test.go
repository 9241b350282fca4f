package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadSeeds(t *testing.T) map[string]*Document {
	t.Helper()
	files, probs := Collect([]string{"../seeds"})
	if len(probs) > 0 {
		t.Fatalf("collect: %v", probs)
	}
	docs, probs := Load(context.Background(), files, Options{})
	for _, p := range probs {
		if !p.Warning {
			t.Fatalf("load: %v", p)
		}
	}
	m := map[string]*Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	if len(m) != 5 {
		t.Fatalf("loaded %d seeds, want 5", len(m))
	}
	return m
}

func TestSeedDatelinesAreRead(t *testing.T) {
	docs := loadSeeds(t)
	for id, want := range map[string]string{
		"000_4a8642dee2b44f5c": "2025-12-05",
		"002_18118a0c11328cf5": "2025-03-02",
		"001_72dbfa1303ffd045": "",
	} {
		d := docs[id]
		if got := d.PublishedString(); got != want {
			t.Errorf("%s: published %q, want %q", id, got, want)
		}
		if want != "" && d.PublishedFrom != "dateline" {
			t.Errorf("%s: published_from %q, want dateline", id, d.PublishedFrom)
		}
	}
	if n := docs["002_18118a0c11328cf5"].PublishedNote; !strings.Contains(n, "day-first") {
		t.Errorf("the month/day ambiguity of 3/2/2025 is not reported: %q", n)
	}
}

func TestSiteChromeIsInNoSentence(t *testing.T) {
	docs := loadSeeds(t)
	junk := []string{"bookmarkicon", "Dear readers", "Podcasts", "25:48", "commenting policy", "All rights reserved",
		"independent news platform", "Original: toutiao", "represents the views of the author"}
	for _, d := range docs {
		for i := range d.Sentences {
			s := d.SentenceText(i)
			for _, j := range junk {
				if strings.Contains(s, j) {
					t.Errorf("%s line %d: sentence holds site chrome %q: %q", d.ID, d.Sentences[i].Line, j, s)
				}
			}
			if strings.TrimSpace(s) == "Comments" {
				t.Errorf("%s: a lone \"Comments\" line was kept", d.ID)
			}
		}
	}
}

func TestSentenceSpansPointIntoTheFile(t *testing.T) {
	docs := loadSeeds(t)
	for _, d := range docs {
		raw, err := os.ReadFile(filepath.FromSlash(d.Path))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		for i, s := range d.Sentences {
			if d.Text[s.Start:s.End] != string(raw[s.Start:s.End]) {
				t.Fatalf("%s: sentence %d span does not match the file", d.ID, i)
			}
			if !strings.Contains(lines[s.Line-1], d.SentenceText(i)) {
				t.Errorf("%s: sentence %d is not on line %d", d.ID, i, s.Line)
			}
		}
	}
	d := docs["000_4a8642dee2b44f5c"]
	found := false
	for i, s := range d.Sentences {
		if strings.HasPrefix(d.SentenceText(i), "The 33-page report") {
			found = true
			if s.Line != 11 {
				t.Errorf("33-page sentence on line %d, want 11", s.Line)
			}
		}
	}
	if !found {
		t.Error("no sentence starts with \"The 33-page report\"")
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations do not end sentences", "Mr. Smith met Gen. Lee on Dec. 4 in St. Louis. They talked.",
			[]string{"Mr. Smith met Gen. Lee on Dec. 4 in St. Louis.", "They talked."}},
		{"U.S. ends a sentence only before a sentence starter", "He flew to the U.S. The trip was long. The U.S. Senate voted.",
			[]string{"He flew to the U.S.", "The trip was long.", "The U.S. Senate voted."}},
		{"quotations are not broken", `He said, "We came. We saw." Then he left.`,
			[]string{`He said, "We came. We saw."`, "Then he left."}},
		{"curly quotes are not broken", "“It is over. Go home,” she said. Nobody moved.",
			[]string{"“It is over. Go home,” she said.", "Nobody moved."}},
		{"an unbalanced closing quote used as an opener", "”It is a core interest. It is,” the paper states. Fine.",
			[]string{"”It is a core interest. It is,” the paper states.", "Fine."}},
		{"initials stay with the name", "The ruling by J. R. Smith stood. Appeals failed.",
			[]string{"The ruling by J. R. Smith stood.", "Appeals failed."}},
		{"a decimal figure ends a sentence", "The Nasdaq gained 1.6%. Shares of the firm closed at $4.5. Trading was thin.",
			[]string{"The Nasdaq gained 1.6%.", "Shares of the firm closed at $4.5.", "Trading was thin."}},
		{"question and exclamation marks", "Why now? Nobody knows! Ask again.",
			[]string{"Why now?", "Nobody knows!", "Ask again."}},
		{"lower case after a period does not break", "The figure was 3.5 percent vs. 2.1 a year ago. Done.",
			[]string{"The figure was 3.5 percent vs. 2.1 a year ago.", "Done."}},
		{"digits start a sentence", "Rain fell all day. 40 homes flooded.",
			[]string{"Rain fell all day.", "40 homes flooded."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tt.text, 0, len(tt.text)) {
				got = append(got, tt.text[sp[0]:sp[1]])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadFilesAreReportedByName(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		data    []byte
		wantMsg string
		usable  bool
	}{
		{"empty.txt", nil, "empty", false},
		{"blank.txt", []byte("  \n\t\n "), "empty", false},
		{"binary.txt", []byte("PK\x03\x04\x00\x00binary"), "binary", false},
		{"latin1.txt", []byte("Caf\xe9 owners said the r\xe9gion lost 12 shops.\n"), "invalid UTF-8", true},
		{"utf16.txt", []byte("\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00.\x00"), "UTF-16", true},
		{"front.txt", []byte("---\ntitle: [unclosed\n---\nThe council met on Monday.\n"), "front matter", true},
		{"baddate.txt", []byte("---\npublished: 3/2/25\n---\nThe council met on Monday.\n"), `published: "3/2/25" is not a date`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, tt.data)
			d, probs := LoadFile(p, Options{})
			if (d != nil) != tt.usable {
				t.Fatalf("usable = %v, want %v (%v)", d != nil, tt.usable, probs)
			}
			if len(probs) == 0 {
				t.Fatal("no problem reported")
			}
			msg := probs[0].Error()
			if !strings.Contains(msg, p) || !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q should name %s and say %q", msg, p, tt.wantMsg)
			}
		})
	}
}

func TestFrontMatterAndCRLF(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", []byte("---\r\ntitle: Flood\r\nsource: Daily Post\r\npublished: 2026-03-14\r\n---\r\nFirst line here.\r\nSecond line, with 12 homes.\r\n"))
	d, probs := LoadFile(p, Options{})
	if d == nil {
		t.Fatal(probs)
	}
	if d.Outlet != "Daily Post" || d.PublishedString() != "2026-03-14" || d.PublishedFrom != "front-matter" || d.Title != "Flood" {
		t.Errorf("meta: %q %q %q %q", d.Outlet, d.PublishedString(), d.PublishedFrom, d.Title)
	}
	if len(d.Sentences) != 2 || d.Sentences[1].Line != 7 || d.SentenceText(1) != "Second line, with 12 homes." {
		t.Errorf("sentences: %+v", d.Sentences)
	}
}

func TestDuplicateArticlesAreLoadedOnce(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("The same text.\n"))
	b := writeFile(t, dir, "b.txt", []byte("The same text.\n"))
	docs, probs := Load(context.Background(), []string{a, b}, Options{})
	if len(docs) != 1 || len(probs) != 1 || !strings.Contains(probs[0].Error(), "same text as") {
		t.Errorf("docs %d, problems %v", len(docs), probs)
	}
}

func TestMaxBytesRefusesLargeFiles(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "big.txt", []byte(strings.Repeat("Words go here. ", 100)))
	if d, probs := LoadFile(p, Options{MaxBytes: 100}); d != nil || !strings.Contains(probs[0].Error(), "-max-bytes") {
		t.Errorf("got %v %v", d, probs)
	}
}

func TestHTMLArticleLosesItsChrome(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Flood toll rises</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Flood toll rises to 19</h1>
<p>Rescuers in the valley said on Tuesday that at least 19 people had died after the river burst its banks overnight, flooding hundreds of homes.</p>
<p>The regional governor said 40 people were still missing and that the army had sent 300 soldiers to help with the search along the river.</p>
<script>alert(1)</script>
</article>
<footer>Copyright 2026 Valley News. All rights reserved.</footer>
</body></html>`
	dir := t.TempDir()
	p := writeFile(t, dir, "flood.html", []byte(page))
	d, probs := LoadFile(p, Options{})
	if d == nil {
		t.Fatal(probs)
	}
	all := ""
	for i := range d.Sentences {
		all += d.SentenceText(i) + "\n"
	}
	for _, junk := range []string{"Home", "alert", "All rights reserved"} {
		if strings.Contains(all, junk) {
			t.Errorf("HTML chrome %q kept:\n%s", junk, all)
		}
	}
	if !strings.Contains(all, "at least 19 people") {
		t.Errorf("article text lost:\n%s", all)
	}
	for i, s := range d.Sentences {
		if strings.Contains(d.SentenceText(i), "40 people") && s.Line != 6 {
			t.Errorf("sentence on HTML line %d, want 6", s.Line)
		}
	}
}

// A wire dateline without a year ("OSLO, April 8 (Nordwire) -") dates its article in the year
// of the story's other articles and names the agency as the outlet.
func TestWireDatelineTakesTheStoryYear(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Lakes warm faster than the air\n\nOSLO, April 8 (Nordwire) - Summer water in 312 lakes has warmed, a study found.\n")
	write("b.txt", "2026-04-09\n\nThe study of 312 lakes was published on Wednesday.\n")
	write("c.txt", "TALLINN, Estonia, June 2 (Baltic Wire) - No other article is dated near June.\n")
	files, _ := Collect([]string{dir})
	docs, probs := Load(context.Background(), files, Options{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got := map[string]*Document{}
	for _, d := range docs {
		got[d.ID] = d
	}
	if a := got["a"]; a.PublishedString() != "2026-04-08" || a.PublishedFrom != "dateline" || a.Outlet != "Nordwire" {
		t.Errorf("a: published %q from %q, outlet %q", a.PublishedString(), a.PublishedFrom, a.Outlet)
	}
	if c := got["c"]; c.HasPublished() || c.Outlet != "Baltic Wire" {
		t.Errorf("c: published %q (want none: no dated article within %d days), outlet %q", c.PublishedString(), WireYearWindow, c.Outlet)
	}
	kept := false
	for i := range got["a"].Sentences {
		kept = kept || strings.HasPrefix(got["a"].SentenceText(i), "OSLO, April 8 (Nordwire) - Summer water")
	}
	if !kept {
		t.Error("the paragraph that opens with the dateline is not among the sentences")
	}
}
