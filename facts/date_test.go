package facts

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/source"
)

// A bare weekday is placed by tense and keeps the other week as Alt, so "Monday will look like
// an overreaction", written on Wednesday, can still agree with last Monday's date.
func TestBareWeekdayKeepsTheOtherWeek(t *testing.T) {
	pub := time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC) // a Wednesday
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text      string
		from, alt time.Time
	}{
		{"If buyers return, Monday will look like an overreaction.", day(16), day(9)},
		{"Shares fell on Monday.", day(9), day(16)},
		{"Shares fell last Monday.", day(9), time.Time{}},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != 1 {
			t.Fatalf("%q: %d dates, want 1", tt.text, len(ws))
		}
		w := ws[0].W
		if !w.From.Equal(tt.from) || !w.Alt.Equal(tt.alt) {
			t.Errorf("%q: from %s alt %s; want %s, %s", tt.text, w.From.Format(time.DateOnly), w.Alt.Format(time.DateOnly), tt.from.Format(time.DateOnly), tt.alt.Format(time.DateOnly))
		}
	}
}

func TestRelativeMonthsAndYears(t *testing.T) {
	pub := time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)
	d := func(y int, m time.Month, day int) string {
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	tests := []struct{ text, from, to string }{
		{"Prices rose last month.", d(2026, 2, 1), d(2026, 2, 28)},
		{"Prices rose earlier this month.", d(2026, 3, 1), d(2026, 3, 11)},
		{"Prices will rise next month.", d(2026, 4, 1), d(2026, 4, 30)},
		{"Prices rose last year.", d(2025, 1, 1), d(2025, 12, 31)},
		{"Prices will rise later this year.", d(2026, 3, 11), d(2026, 12, 31)},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != 1 {
			t.Fatalf("%q: %d dates, want 1", tt.text, len(ws))
		}
		w := ws[0].W
		if f, to := w.From.Format(time.DateOnly), w.To.Format(time.DateOnly); f != tt.from || to != tt.to {
			t.Errorf("%q: %s..%s, want %s..%s", tt.text, f, to, tt.from, tt.to)
		}
	}
}

// A relative date inside a quotation is the speaker's: "Today the Court trades ...," she wrote,
// in an article of the next day, does not date the ruling to the day of publication.
func TestQuotedRelativeDateIsNotADate(t *testing.T) {
	pub := time.Date(2026, 6, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want int
	}{
		{`"Today the Court trades a century of settled law," she wrote.`, 0},
		{`“Yesterday we lost everything,” the farmer said.`, 0},
		{`The court ruled yesterday, and "the work starts now," he said.`, 1},
		{`She said the ruling, issued “after years of delay”, came yesterday.`, 1},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != tt.want {
			t.Errorf("%q: %d dates, want %d", tt.text, len(ws), tt.want)
		}
	}
}

// Reported speech puts the future in "would": "said work would begin in May", written in
// March, is the coming May; "would have begun in May" is not a future.
func TestWouldSpeaksOfTheFuture(t *testing.T) {
	pub := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		year int
	}{
		{"Voss said work on the outer channel would begin in May.", 2026},
		{"She said the line would not open in May.", 2026},
		{"Dredging started in May, the authority said.", 2025},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != 1 {
			t.Fatalf("%q: %d dates, want 1", tt.text, len(ws))
		}
		if got := ws[0].W.From.Year(); got != tt.year {
			t.Errorf("%q: May %d, want May %d", tt.text, got, tt.year)
		}
	}
}

// The future of one clause does not move the date of another: "left for Berlin on Wednesday,
// where he is due to hold talks" is last Wednesday; "On Tuesday, the minister will travel" and
// "the government would hold a session on Thursday" are ahead; "said on Monday that it will
// cut jobs" dates the statement.
func TestFutureIsReadPerClause(t *testing.T) {
	pub := time.Date(2026, 5, 21, 0, 0, 0, 0, time.UTC) // a Thursday
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text string
		want time.Time
	}{
		{"Zhaksybekov left Warsaw for Berlin on Wednesday, where he is due to hold talks on energy.", day(20)},
		{"On Tuesday, the minister will travel to Berlin.", day(26)},
		{"The government would hold an emergency session on Friday.", day(22)},
		{"The company said on Monday that it will cut 1,200 jobs.", day(18)},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != 1 {
			t.Fatalf("%q: %d dates, want 1", tt.text, len(ws))
		}
		if got := ws[0].W.From; !got.Equal(tt.want) {
			t.Errorf("%q: %s, want %s", tt.text, got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
		}
	}
}

// A date in a clause that speaks of a plan, now or as it stood then, is marked Planned; the
// date of what happened is not, even beside a plan in another clause.
func TestPlannedDates(t *testing.T) {
	pub := time.Date(2026, 5, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text    string
		planned bool
	}{
		{"Zhaksybekov was due to meet logistics executives in Warsaw on Tuesday before travelling on to Berlin.", true},
		{"Zhaksybekov left Warsaw for Berlin on Wednesday, where he is due to hold talks on energy.", false},
		{"The minister will travel to Berlin on Tuesday.", true},
		{"The vote was expected to take place on Friday.", true},
		{"The count ended on Wednesday.", false},
	}
	for _, tt := range tests {
		ws := extractDates(tt.text, source.Sentence{Start: 0, End: len(tt.text)}, Reference{Published: pub})
		if len(ws) != 1 {
			t.Fatalf("%q: %d dates, want 1", tt.text, len(ws))
		}
		if ws[0].W.Planned != tt.planned {
			t.Errorf("%q: planned %v, want %v", tt.text, ws[0].W.Planned, tt.planned)
		}
	}
}
