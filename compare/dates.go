package compare

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/source"
)

// DateEventGap is how far apart, in days, two dates of similar passages must be to be
// different occasions rather than a disagreement about one: a week and a half covers a
// weekday misread by a week, and a remark in March and one in December fall well outside.
const DateEventGap = 10

// judgeDates decides what two dates of similar passages say to each other. It compares
// calendar days where both are resolved, and what the text states (a weekday, a month and day)
// where one article is undated, saying so in the note.
func judgeDates(docs []*source.Document, a, b facts.Fact, opts Options) (string, string) {
	st, note := judgeDateValues(docs, a, b, opts)
	if st == Conflict && !sameOccasion(docs, a, b) {
		return "", ""
	}
	// A plan and what happened are two facts: "was due to meet executives on Tuesday" and
	// "left for Berlin on Wednesday" do not disagree about a date (they may still agree).
	if st == Conflict && a.When.Planned != b.When.Planned {
		return "", ""
	}
	return st, note
}

// EventWindow is how many tokens on either side of a date may name the event it dates.
const EventWindow = 6

// sameOccasion reports whether two dates can date one occasion: a date counted from another
// ("a week after a storm tore up the quays") dates its event, so it conflicts only with a
// passage that names the event too.
func sameOccasion(docs []*source.Document, a, b facts.Fact) bool {
	for _, p := range [][2]facts.Fact{{a, b}, {b, a}} {
		ev, other := p[0].When.Event, p[1]
		if ev == "" || other.When.Event != "" {
			continue
		}
		// The event must be named next to the other date: "was released by the White House
		// on Friday" dates the release, "reopened on Wednesday after ... storm-damaged quays"
		// does not date the storm.
		d := docs[other.Doc]
		s := d.Sentences[other.Sentence]
		toks := facts.Tokenize(d.Text[s.Start:s.End], s.Start)
		first, last := factTokens(toks, other)
		near := contentTerms(toks[max(0, first-EventWindow):min(len(toks), last+1+EventWindow)])
		named := false
		for _, t := range contentTerms(facts.Tokenize(ev, 0)) {
			for _, n := range near {
				named = named || (len(t) >= 4 && n == t)
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// judgeDateValues compares the two dates' values.
func judgeDateValues(docs []*source.Document, a, b facts.Fact, opts Options) (string, string) {
	wa, wb := a.When, b.When
	na, nb := docs[a.Doc].ID, docs[b.Doc].ID
	if wa.Clash || wb.Clash {
		// A weekday that does not fall on its date is flagged against a source that dates the
		// same day (or gives only a weekday); against any other date it says nothing.
		n, w, o := na, wa, wb
		if !wa.Clash {
			n, w, o = nb, wb, wa
		}
		if !o.Resolved() || intervalGap(w, o) == 0 {
			return Conflict, fmt.Sprintf("%s states a weekday that does not fall on its date (%s)", n, w.How)
		}
		return "", ""
	}
	switch {
	case wa.Resolved() && wb.Resolved():
		gap := intervalGap(wa, wb)
		switch {
		case gap == 0:
			return Agreement, noteResolved
		case gap == 1 && (wa.Zoned || wb.Zoned) && wa.Grain == facts.GrainDay && wb.Grain == facts.GrainDay:
			return Agreement, "a day apart, with a time zone given: the same moment can fall on two dates"
		case altFits(wa, wb) || altFits(wb, wa):
			return Agreement, "read the other way (" + altNote(na, wa, nb, wb) + "), the dates agree"
		case gap > DateEventGap && spanStart(docs, a) && spanStart(docs, b):
			// "warmed by 1.5 degrees since 1985" and "since records began in 1989": two
			// accounts of one span that disagree on where it starts.
			return Conflict, fmt.Sprintf(spanNote+" %s in one source and in %s in the other", FormatWhen(wa), FormatWhen(wb))
		case gap > DateEventGap:
			return DifferentEvents, fmt.Sprintf("dated %d days apart (%s, %s): different occasions", gap, FormatWhen(wa), FormatWhen(wb))
		}
		if wd := weekdayClash(na, wa, nb, wb); wd != "" {
			return Conflict, wd
		}
		if ownDay(docs[a.Doc], wa) && ownDay(docs[b.Doc], wb) {
			// "the inspectorate said this afternoon" on Wednesday and "figures released on
			// Friday morning" on Friday: each source dates its own day's report of a story that
			// moves; that is not a disagreement about one date.
			return "", ""
		}
		return Conflict, noteResolved
	case wa.Resolved() || wb.Resolved():
		r, u, nu := wa, wb, nb
		if !wa.Resolved() {
			r, u, nu = wb, wa, na
		}
		if r.Grain == facts.GrainMonth && u.Month > 0 && u.DayOfMonth == 0 {
			if u.Month == r.Month {
				return Agreement, nu + " is undated: the months agree"
			}
			return "", ""
		}
		if r.Grain != facts.GrainDay {
			return "", ""
		}
		return judgePartial(r.From.Weekday(), true, r.From.Month(), r.From.Day(), u, nu+" is undated")
	default:
		if wa.HasWeekday && wb.HasWeekday {
			if wa.Weekday == wb.Weekday {
				return Agreement, "neither article is dated: the weekdays agree"
			}
			return Conflict, "neither article is dated: the weekdays differ"
		}
		if wa.DayOfMonth > 0 {
			return judgePartial(0, false, wa.Month, wa.DayOfMonth, wb, "neither article gives a year")
		}
	}
	return "", ""
}

// judgePartial compares a known day (weekday, month, day) with a date the text states only in
// part.
func judgePartial(wd time.Weekday, hasWD bool, m time.Month, d int, u *facts.When, why string) (string, string) {
	switch {
	case u.DayOfMonth > 0 && m > 0:
		if u.Month == m && u.DayOfMonth == d {
			return Agreement, why + ": the month and day agree"
		}
		ta := time.Date(2001, m, d, 0, 0, 0, 0, time.UTC)
		tb := time.Date(2001, u.Month, u.DayOfMonth, 0, 0, 0, 0, time.UTC)
		gap := int(ta.Sub(tb).Hours() / 24)
		if gap < 0 {
			gap = -gap
		}
		if gap > 182 {
			gap = 365 - gap
		}
		if gap > DateEventGap {
			return DifferentEvents, why + ": the dates are months apart"
		}
		return Conflict, why + ": the month and day differ"
	case u.HasWeekday && hasWD:
		if u.Weekday == wd {
			return Agreement, why + ": compared weekdays only, and they agree"
		}
		return Conflict, fmt.Sprintf("%s: compared weekdays only: %s against %s", why, u.Weekday, wd)
	}
	return "", ""
}

// intervalGap is the number of days between two resolved dates (0 when they overlap).
func intervalGap(a, b *facts.When) int {
	switch {
	case a.To.Before(b.From):
		return int(b.From.Sub(a.To).Hours()/24 + 0.5)
	case b.To.Before(a.From):
		return int(a.From.Sub(b.To).Hours()/24 + 0.5)
	}
	return 0
}

func weekdayClash(na string, a *facts.When, nb string, b *facts.When) string {
	if a.Grain != facts.GrainDay || b.Grain != facts.GrainDay {
		return ""
	}
	if a.HasWeekday && a.DayOfMonth == 0 && b.DayOfMonth > 0 && b.From.Weekday() != a.Weekday {
		return fmt.Sprintf("%s says %s; %s gives %s, a %s", na, a.Weekday, nb, b.From.Format("2 January 2006"), b.From.Weekday())
	}
	if b.HasWeekday && b.DayOfMonth == 0 && a.DayOfMonth > 0 && a.From.Weekday() != b.Weekday {
		return fmt.Sprintf("%s says %s; %s gives %s, a %s", nb, b.Weekday, na, a.From.Format("2 January 2006"), a.From.Weekday())
	}
	return ""
}

// noteResolved stands for resolvedNote of an edge's two dates until a finding needs the words
// (edgeNote): a story of a thousand articles judges hundreds of thousands of date pairs and
// shows the notes of a few hundred.
const noteResolved = "\x00resolved"

// edgeNote is the note of e, written out.
func edgeNote(docs []*source.Document, nodes []node, e edge) string {
	if e.note != noteResolved {
		return e.note
	}
	fa, fb := nodes[e.a].fact, nodes[e.b].fact
	return resolvedNote(docs[fa.Doc].ID, fa.When, docs[fb.Doc].ID, fb.When)
}

func resolvedNote(na string, a *facts.When, nb string, b *facts.When) string {
	note := ""
	for _, x := range []struct {
		n string
		w *facts.When
	}{{na, a}, {nb, b}} {
		if x.w.How == "" {
			continue
		}
		if note != "" {
			note += "; "
		}
		note += x.n + ": " + x.w.How + " → " + FormatWhen(x.w)
	}
	return note
}

// altFits reports whether the other reading of a (When.Alt) falls within b.
func altFits(a, b *facts.When) bool {
	return !a.Alt.IsZero() && a.Grain == facts.GrainDay && !a.Alt.Before(b.From) && !a.Alt.After(b.To)
}

func altNote(na string, a *facts.When, nb string, b *facts.When) string {
	n, w := na, a
	if !altFits(a, b) {
		n, w = nb, b
	}
	return fmt.Sprintf("%s's %q as %s", n, w.How, w.Alt.Format("2006-01-02"))
}

// spanNote opens the note of a conflict between the starts of one span.
const spanNote = "the span starts in"

// SpanConflictScore is the least similarity of the dates' own sentences for two span starts
// years apart to be one span: dates that far apart are usually different occasions.
const SpanConflictScore = 0.45

// spanStart reports whether a date opens a span that runs to the present: "since 1985", "since
// records began in 1989", "going back to 1985", "records stretching back to 1985".
func spanStart(docs []*source.Document, f facts.Fact) bool {
	d := docs[f.Doc]
	if strings.HasPrefix(strings.ToLower(d.Text[f.Start:f.End]), "since ") {
		return true
	}
	s := d.Sentences[f.Sentence]
	toks := facts.Tokenize(d.Text[s.Start:s.End], s.Start)
	first, _ := factTokens(toks, f)
	for k := max(0, first-3); k >= 0 && k < first; k++ {
		switch toks[k].Lower {
		case "began", "begun", "started", "back", "begins", "start":
			return true
		}
	}
	return false
}

// ownDay reports whether a resolved day is its article's publication day.
func ownDay(d *source.Document, w *facts.When) bool {
	return d.HasPublished() && w.Grain == facts.GrainDay && !w.From.After(d.Published) && !w.To.Before(d.Published)
}
