package compare

import (
	"strings"
	"testing"
)

func TestQuoteSpans(t *testing.T) {
	tests := []struct{ text, want string }{
		{`He said "we will stay the course" and left.`, "we will stay the course"},
		{"She said “we will stay the course” and left.", "we will stay the course"},
		// A closing mark written where an opening one belongs, and no close: to the end.
		{"The paper states: ”It is a core interest of the United States", "It is a core interest of the United States"},
		{"Er sagte: „Wir bleiben dabei“, und ging.", "Wir bleiben dabei"},
		{"Il a dit «nous restons ici» hier.", "nous restons ici"},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range quoteSpans(tt.text, 0, len(tt.text)) {
			got = append(got, tt.text[sp[0]:sp[1]])
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("quoteSpans(%q) = %q, want [%q]", tt.text, got, tt.want)
		}
	}
}

// quoteResults returns the quote findings of a directory keyed by the first three words of
// the first claim's quotation.
func quoteResults(t *testing.T, dir string) map[string]Finding {
	t.Helper()
	_, fs := compareDir(t, dir)
	out := map[string]Finding{}
	for _, f := range fs {
		if f.Kind == "quote" {
			out[strings.Join(strings.Fields(f.Claims[0].Value)[:3], " ")] = f
		}
	}
	return out
}

func TestQuotesInHandMadeStory(t *testing.T) {
	got := quoteResults(t, "../testdata/quotes")
	want := map[string]string{
		// The shippers' chair's words put in the port director's mouth by one outlet.
		"Every day the": Conflict,
		// Quoted whole by two outlets and trimmed by one: the same words.
		"We lost seven": Agreement,
		// "largest vessels" against "largest ships": a quotation with a word changed; the
		// harbour master is "he" in one article and named in the other, so no speaker conflict.
		"The channel is": Variant,
	}
	for k, st := range want {
		f, ok := got[k]
		if !ok {
			t.Errorf("quotation %q… not paired; got %v", k, keys(got))
			continue
		}
		if f.Status != st {
			t.Errorf("quotation %q…: %s (%s), want %s", k, f.Status, f.Note, st)
		}
	}
	// The director's promise to publish the review is quoted once: nothing to pair.
	if _, ok := got["We will publish"]; ok {
		t.Error("a quotation given by one source only was paired")
	}
	if f := got["Every day the"]; !strings.Contains(f.Note, "Rosalind Achebe") || !strings.Contains(f.Note, "Agnes Holloway") {
		t.Errorf("misattribution note does not name both speakers: %s", f.Note)
	}
}

func TestSeedsQuotesAreNotConflicts(t *testing.T) {
	for k, f := range quoteResults(t, "../seeds") {
		if f.Status == Conflict {
			t.Errorf("seed quotation %q… flagged as a conflict: %s", k, f.Note)
		}
	}
}

func keys(m map[string]Finding) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Speakers named away from their quotation: a second quotation in the speaker's paragraph, and
// a quotation after a colon whose clause names the speaker but puts a saying verb elsewhere.
func TestSpeakersAcrossTheParagraph(t *testing.T) {
	text := "---\ntitle: t\n---\n" +
		"\"This is a repricing, not a panic,\" said Priya Raman, chief strategist at Halvorsen Capital. \"Valuations were built on two things, cheap money and endless chip demand.\"\n\n" +
		"Markets fell sharply in the afternoon session.\n\n" +
		"Wróblewska summed up the Polish view in a sentence that has since been quoted widely in the regional press: \"The corridor is no longer a line on a map.\"\n"
	d := docOf(t, text)
	proper := map[string]bool{"priya": true, "raman": true, "wróblewska": true, "halvorsen": true, "capital": true}
	want := map[string]string{
		"This is a repricing, not a panic":                                         "Priya Raman",
		"Valuations were built on two things, cheap money and endless chip demand": "Priya Raman",
		"The corridor is no longer a line on a map":                                "Wróblewska",
	}
	got := map[string]string{}
	for _, q := range extractQuotes(d, 0, proper) {
		got[q.text] = q.speaker
	}
	for text, who := range want {
		if got[text] != who {
			t.Errorf("%q: speaker %q, want %q (all: %v)", text, got[text], who, got)
		}
	}
}
