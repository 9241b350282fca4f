package facts

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/calendar"
	"github.com/crosscheck-news/crosscheck/source"
)

// Grain is how precise a date is.
type Grain uint8

// The grains of a date, finest first.
const (
	GrainDay Grain = iota
	GrainWeek
	GrainMonth
	GrainYear
)

func (g Grain) String() string {
	return [...]string{"day", "week", "month", "year"}[g]
}

// When is a date or period stated in the text, resolved against the article's publication date.
type When struct {
	// From and To are the calendar days (midnight UTC, inclusive) it may mean; zero when the
	// text gives too little to place it on the calendar.
	From, To time.Time
	// What the text states, whether or not it could be resolved: a year, month and day of the
	// month (0 when not stated) and a weekday.
	Year       int
	Month      time.Month
	DayOfMonth int
	Weekday    time.Weekday
	HasWeekday bool
	Grain      Grain
	// Zoned is set when the sentence gives a time zone or says "local time": two such dates a
	// day apart may be the same moment.
	Zoned bool
	// Clock is the time of day as written ("16:13", "8 p.m."), if any.
	Clock string
	// How says how the wording was resolved, for the editor ("Friday before 2025-12-05 (publication)").
	How string
	// Ambiguous is set for numeric dates that read both month-first (From) and day-first (Alt).
	Ambiguous bool
	// Alt is the other reading of a wording that has two: the day-first reading of an ambiguous
	// numeric date, or the other week of a bare weekday placed by the sentence's tense ("Monday
	// will look like an overreaction" speaks of a past Monday in the future tense).
	Alt time.Time
	// Clash is set when a stated weekday does not fall on the stated date ("Tuesday, March 12, 2026").
	Clash bool
	// Planned is set when the date's clause speaks of a plan or schedule, now or as it stood
	// then ("will meet on Tuesday", "was due to meet on Tuesday"), not of what happened.
	Planned bool
	// Event is the occasion a date counted from the sentence's own date belongs to ("the
	// release" in "On December 7, two days after the release"); empty for other dates.
	Event string
}

// Resolved reports whether the date is placed on the calendar.
func (w *When) Resolved() bool { return !w.From.IsZero() }

// Reference is what relative dates are resolved against.
type Reference struct {
	// Published is the article's publication day; zero when unknown.
	Published time.Time
	// Years are the years of the story's known publication dates (sorted): a month and day
	// without a year in an undated article takes the one that puts it nearest those dates.
	Dates []time.Time
}

type foundWhen struct {
	Start, End int
	W          When
}

const (
	reMonthName = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	reFullMonth = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`
	reWeekday   = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	reCount     = `(?i:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)`
)

// The forms of dates in running text, most specific first. Month names must be capitalised so
// that "may" and "march" as verbs are not dates.
var (
	dateISO     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dateNumeric = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	dateMDY     = regexp.MustCompile(`\b(?:(` + reWeekday + `),?\s+)?(` + reMonthName + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	dateDMY     = regexp.MustCompile(`\b(?:(` + reWeekday + `),?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + reMonthName + `)(?:,?\s+(\d{4})\b)?`)
	dateMonYear = regexp.MustCompile(`\b(?:(?i:early|mid|late)[\s-]+)?(` + reMonthName + `),?\s+(?:of\s+)?(\d{4})\b`)
	dateMonth   = regexp.MustCompile(`\b(?i:(in|since|by|until|till|from|during|through|last|this|next|early|mid|late|of|before|after))[\s-]+(` + reFullMonth + `)\b`)
	dateYear    = regexp.MustCompile(`(?:\b(?i:(in|since|by|until|till|from|during|through|of|before|after|early|mid|late))[\s-]+|['’]s\s+)((?:1[6-9]|20)\d\d)\b`)
	dateWeekday = regexp.MustCompile(`\b(?:(?i:(last|this|next|on|by|until|since|from|early|late))\s+)?(` + reWeekday + `)(?:\s+(?i:morning|afternoon|evening|night))?\b`)
	dateRel     = regexp.MustCompile(`(?i)\b(?:the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|(?:earlier|later) (?:this|in the) (?:week|month|year)|(?:last|this|next|past) (?:week|month|year)|` + reCount + `\s+(?:days?|weeks?|months?|years?) ago)\b`)
	dateOffset  = regexp.MustCompile(`\b(` + reCount + `)\s+(days?|weeks?)\s+(?i:(after|before|later than|earlier than|prior to))\s+`)
	clockTime   = regexp.MustCompile(`(?i)\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b`)
	timeZone    = regexp.MustCompile(`\b(?:(?i:local time)|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|JST|KST|IST|MSK|AEST|AEDT|HKT|SGT|WIB)\b|[A-Z][a-z]+ time\b)`)
	// planWords are futureWords and the plans of the past: "was due to", "were expected to".
	planWords   = regexp.MustCompile(`(?i)\b(?:(?:was|were|had been) (?:due|expected|scheduled|set|supposed|planned|meant) to|was to|were to)\b|` + futureWords.String())
	futureWords = regexp.MustCompile(`(?i)\b(?:will|shall|is due|are due|is expected|are expected|scheduled|plans? to|set to|upcoming|is to|are to|would (?:not )?(?:be|start|begin|open|close|take place|resume|end|last|run|meet|hold|visit|travel|return|launch|sign|vote|publish|release|announce|complete|finish|expire|arrive))\b`)
)

// extractDates finds the dates of one sentence and resolves them against ref.
// Prefilters: the words without which a pattern cannot match, lower case.
var (
	monthWords = strings.Fields(`january jan february feb march mar april apr may june jun july jul august aug
		september sept sep october oct november nov december dec`)
	weekdayWords = strings.Fields(`monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri
		saturday sat sunday sun`)
	relativeWords = strings.Fields(`today tonight yesterday tomorrow ago morning afternoon evening night`)
	relativeMods  = strings.Fields(`last this next past earlier later`)
	periodWords   = strings.Fields(`day days week weeks month months year years`)
	offsetWords   = strings.Fields(`after before prior later earlier`)
)

// wordClass marks the lists above a word belongs to; a sentence runs the date patterns of the
// classes its words have.
type wordClass uint8

const (
	classMonth wordClass = 1 << iota
	classWeekday
	classRelative
	classRelMod
	classPeriod
	classOffset
)

var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for c, list := range map[wordClass][]string{classMonth: monthWords, classWeekday: weekdayWords,
		classRelative: relativeWords, classRelMod: relativeMods, classPeriod: periodWords, classOffset: offsetWords} {
		for _, w := range list {
			m[w] |= c
		}
	}
	return m
}()

// hasFourDigits reports whether s holds four digits in a row (a year).
func hasFourDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if n++; n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

func extractDates(text string, s source.Sentence, ref Reference) []foundWhen {
	sent := text[s.Start:s.End]
	type match struct {
		start, end int
		w          When
		ok         bool
	}
	var ms []match
	// The patterns are costly for Go's backtracking matcher; a sentence runs only those whose
	// words it holds (a digit, a month or weekday name, a relative word).
	lower := strings.ToLower(sent)
	hasDigit := strings.ContainsAny(sent, "0123456789")
	var has wordClass
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r < 'a' || r > 'z' }) {
		has |= wordClasses[w]
	}
	hasMonth := has&classMonth != 0
	hasWeekday := has&classWeekday != 0
	hasRel := has&classRelative != 0 || (has&classRelMod != 0 && has&classPeriod != 0)
	hasOffset := has&classOffset != 0 && has&classPeriod != 0
	skip := map[*regexp.Regexp]bool{
		dateISO: !hasDigit, dateNumeric: !hasDigit, dateMDY: !hasDigit || !hasMonth, dateDMY: !hasDigit || !hasMonth,
		dateMonYear: !hasDigit || !hasMonth, dateYear: !hasFourDigits(sent), dateMonth: !hasMonth,
		dateWeekday: !hasWeekday, dateRel: !hasRel,
	}
	add := func(re *regexp.Regexp, read func(m []string, idx []int) (When, bool)) {
		if skip[re] {
			return
		}
		for _, idx := range re.FindAllStringSubmatchIndex(sent, -1) {
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = sent[idx[2*i]:idx[2*i+1]]
				}
			}
			if w, ok := read(m, idx); ok {
				ms = append(ms, match{idx[0], idx[1], w, true})
			}
		}
	}
	// Whether the clause of a date speaks of the future, asked only when a date needs it: "left
	// for Berlin on Wednesday, where he is due to hold talks" dates a departure, not the talks.
	futureKnown, futureVal := false, false
	isFuture := func(idx []int) bool {
		if !futureKnown {
			futureKnown, futureVal = true, futureWords.MatchString(sent)
		}
		if !futureVal || idx == nil {
			return futureVal
		}
		return futureWords.MatchString(clauseOf(sent, idx[0], idx[1]))
	}
	add(dateISO, func(m []string, _ []int) (When, bool) {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		return exactDay(y, time.Month(mo), d, "")
	})
	add(dateNumeric, func(m []string, _ []int) (When, bool) {
		a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
		mf, okM := calendar.Day(y, time.Month(a), b)
		df, okD := calendar.Day(y, time.Month(b), a)
		switch {
		case okM && okD && a != b:
			w, _ := exactDay(y, time.Month(a), b, "")
			w.Ambiguous, w.Alt = true, df
			w.How = fmt.Sprintf("read month-first; day-first it would be %s", df.Format("2006-01-02"))
			return w, true
		case okM:
			return exactDay(y, time.Month(a), b, "")
		case okD:
			_ = mf
			return exactDay(y, time.Month(b), a, "")
		}
		return When{}, false
	})
	monthDay := func(wd, mon, day, year string, idx []int) (When, bool) {
		mo, ok := calendar.Month(mon)
		if !ok {
			return When{}, false
		}
		d := atoi(day)
		if d < 1 || d > 31 {
			return When{}, false
		}
		var w When
		if year != "" {
			w, ok = exactDay(atoi(year), mo, d, "")
			if !ok {
				return When{}, false
			}
		} else {
			w = When{Month: mo, DayOfMonth: d, Grain: GrainDay}
			if strings.Contains(strings.ToLower(sent[idx[1]:min(len(sent), idx[1]+12)]), "this year") {
				if !ref.Published.IsZero() {
					w.Year = ref.Published.Year()
				}
			}
			resolveMonthDay(&w, ref, isFuture(idx))
		}
		if wd != "" {
			wday, _ := calendar.Weekday(wd)
			w.Weekday, w.HasWeekday = wday, true
			if w.Resolved() && w.From.Weekday() != wday {
				w.Clash = true
				w.How = strings.TrimSpace(w.How + fmt.Sprintf("; %s is a %s, not a %s", w.From.Format("2 January 2006"), w.From.Weekday(), wday))
			}
		}
		return w, true
	}
	add(dateMDY, func(m []string, idx []int) (When, bool) { return monthDay(m[1], m[2], m[3], m[4], idx) })
	add(dateDMY, func(m []string, idx []int) (When, bool) { return monthDay(m[1], m[3], m[2], m[4], idx) })
	add(dateMonYear, func(m []string, _ []int) (When, bool) {
		mo, ok := calendar.Month(m[1])
		if !ok {
			return When{}, false
		}
		y := atoi(m[2])
		from, _ := calendar.Day(y, mo, 1)
		return When{From: from, To: from.AddDate(0, 1, -1), Year: y, Month: mo, Grain: GrainMonth}, true
	})
	add(dateMonth, func(m []string, idx []int) (When, bool) {
		mo, _ := calendar.Month(m[2])
		w := When{Month: mo, Grain: GrainMonth}
		if ref.Published.IsZero() {
			return w, true
		}
		p := ref.Published
		y := p.Year()
		mod := strings.ToLower(m[1])
		switch {
		case mod == "next" || (mod != "last" && mod != "since" && isFuture(idx)):
			if mo < p.Month() || (mo == p.Month() && mod == "next") {
				y++
			}
		default:
			if mo > p.Month() || (mo == p.Month() && mod == "last") {
				y--
			}
		}
		from, _ := calendar.Day(y, mo, 1)
		w.From, w.To, w.Year = from, from.AddDate(0, 1, -1), y
		w.How = fmt.Sprintf("%s %d, the nearest to %s (publication)", mo, y, p.Format("2006-01-02"))
		return w, true
	})
	add(dateYear, func(m []string, _ []int) (When, bool) {
		y := atoi(m[2])
		from, _ := calendar.Day(y, time.January, 1)
		to, _ := calendar.Day(y, time.December, 31)
		return When{From: from, To: to, Year: y, Grain: GrainYear}, true
	})
	add(dateWeekday, func(m []string, idx []int) (When, bool) {
		wd, _ := calendar.Weekday(m[2])
		w := When{Weekday: wd, HasWeekday: true, Grain: GrainDay}
		resolveWeekday(&w, strings.ToLower(m[1]), ref, isFuture(idx))
		return w, true
	})
	add(dateRel, func(m []string, idx []int) (When, bool) {
		// "Today the Court trades ...," she wrote: a quoted "today" or "yesterday" is the
		// speaker's, counted from a moment the article may not give; it is not a date of the story.
		if inQuote(sent, idx[0]) {
			return When{}, false
		}
		w := When{Grain: GrainDay}
		resolveRelative(&w, strings.ToLower(m[0]), ref)
		return w, true
	})
	ms = slicesKeepLongest(ms, func(m match) (int, int) { return m.start, m.end })

	// "two days after the release", "three days before December 7": an offset from a date.
	offsets := [][]int(nil)
	if hasOffset {
		offsets = dateOffset.FindAllStringSubmatchIndex(sent, -1)
	}
	for _, idx := range offsets {
		n := countValue(sent[idx[2]:idx[3]])
		if n <= 0 {
			continue
		}
		unit := strings.ToLower(sent[idx[4]:idx[5]])
		days := n
		if strings.HasPrefix(unit, "week") {
			days = 7 * n
		}
		dir := strings.ToLower(sent[idx[6]:idx[7]])
		after := dir == "after" || dir == "later than"
		// The offset applies to a date that follows it ("two days before December 7").
		inner := -1
		for i, m := range ms {
			if m.start == idx[1] {
				inner = i
			}
		}
		if inner >= 0 {
			base := ms[inner].w
			shift := days
			if !after {
				shift = -days
			}
			w := shiftWhen(base, shift)
			w.How = strings.TrimSpace(fmt.Sprintf("%s %s %s", sent[idx[0]:idx[1]], sent[ms[inner].start:ms[inner].end], describeBase(base)))
			ms[inner] = match{idx[0], ms[inner].end, w, true}
			continue
		}
		// Or it dates another event from the sentence's own date ("On December 7, two days
		// after the release, ..."): the release is two days before the sentence's date.
		var base *match
		for i := range ms {
			if ms[i].w.Grain == GrainDay && (ms[i].w.Resolved() || ms[i].w.DayOfMonth > 0 || ms[i].w.HasWeekday) {
				if base == nil || abs(ms[i].start-idx[0]) < abs(base.start-idx[0]) {
					base = &ms[i]
				}
			}
		}
		if base == nil {
			continue
		}
		shift := -days
		if !after {
			shift = days
		}
		end := phraseEnd(sent, idx[1])
		w := shiftWhen(base.w, shift)
		w.How = fmt.Sprintf("%s %s", strings.TrimSpace(sent[idx[0]:end]), "counted from "+sent[base.start:base.end])
		w.Event = strings.TrimSpace(sent[idx[1]:end])
		ms = append(ms, match{idx[0], end, w, true})
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })

	if len(ms) == 0 {
		return nil
	}
	zoned := timeZone.MatchString(sent)
	clock := ""
	if hasDigit {
		clock = clockTime.FindString(sent)
	}
	out := make([]foundWhen, 0, len(ms))
	planned := planWords.MatchString(sent)
	for _, m := range ms {
		w := m.w
		w.Zoned = zoned
		w.Planned = planned && planWords.MatchString(clauseOf(sent, m.start, m.end))
		if w.Grain == GrainDay {
			w.Clock = clock
		}
		out = append(out, foundWhen{Start: s.Start + m.start, End: s.Start + m.end, W: w})
	}
	return out
}

// slicesKeepLongest drops matches that overlap a longer one (ties: the earlier).
func slicesKeepLongest[T any](ms []T, span func(T) (int, int)) []T {
	sort.SliceStable(ms, func(i, j int) bool {
		si, ei := span(ms[i])
		sj, ej := span(ms[j])
		if ei-si != ej-sj {
			return ei-si > ej-sj
		}
		return si < sj
	})
	var keep []T
	for _, m := range ms {
		s, e := span(m)
		clash := false
		for _, k := range keep {
			ks, ke := span(k)
			if s < ke && ks < e {
				clash = true
				break
			}
		}
		if !clash {
			keep = append(keep, m)
		}
	}
	return keep
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func countValue(s string) int {
	ls := strings.ToLower(s)
	if ls == "a" || ls == "an" {
		return 1
	}
	if n, err := strconv.Atoi(ls); err == nil {
		return n
	}
	v, used := wordNumber([]string{ls})
	if used == 1 {
		return int(v)
	}
	return 0
}

// phraseEnd returns where the noun phrase after an offset ends: the next comma, semicolon or
// closing bracket, at most six words on.
func phraseEnd(sent string, from int) int {
	words := 0
	inWord := false
	for i := from; i < len(sent); i++ {
		c := sent[i]
		switch {
		case c == ',' || c == ';' || c == ')' || c == ':' || (c == '.' && (i+1 == len(sent) || sent[i+1] == ' ')):
			return i
		case c == ' ':
			if inWord {
				words++
				if words == 6 {
					return i
				}
			}
			inWord = false
		default:
			inWord = true
		}
	}
	return len(sent)
}

func exactDay(y int, mo time.Month, d int, how string) (When, bool) {
	t, ok := calendar.Day(y, mo, d)
	if !ok {
		return When{}, false
	}
	return When{From: t, To: t, Year: y, Month: mo, DayOfMonth: d, Grain: GrainDay, How: how}, true
}

// resolveMonthDay places a month and day without a year: in the publication's year (or the
// year before or after, whichever is nearest; the tense decides a tie), or, in an undated
// article, the year that puts it nearest the story's known publication dates.
func resolveMonthDay(w *When, ref Reference, future bool) {
	if w.Year != 0 {
		t, ok := calendar.Day(w.Year, w.Month, w.DayOfMonth)
		if ok {
			w.From, w.To = t, t
		}
		return
	}
	anchors := ref.Dates
	how := "publication"
	if !ref.Published.IsZero() {
		anchors = []time.Time{ref.Published}
	} else {
		how = "the story's dated articles; this article gives no year"
	}
	var best time.Time
	bestGap := 0.0
	for _, a := range anchors {
		for _, y := range []int{a.Year() - 1, a.Year(), a.Year() + 1} {
			t, ok := calendar.Day(y, w.Month, w.DayOfMonth)
			if !ok {
				continue
			}
			gap := t.Sub(a).Hours()
			if gap < 0 {
				gap = -gap
				if future {
					gap += 24 * 60 // a future tense prefers the date ahead
				}
			} else if !future {
				gap += 24 * 60
			}
			if best.IsZero() || gap < bestGap {
				best, bestGap = t, gap
			}
		}
	}
	if best.IsZero() {
		return
	}
	w.From, w.To = best, best
	w.How = fmt.Sprintf("year %d from %s", best.Year(), how)
}

// resolveWeekday places "on Friday", "last Friday", "next Tuesday" relative to publication: a
// bare weekday is the most recent one (the publication day included), or the next one when
// the sentence speaks of the future.
func resolveWeekday(w *When, mod string, ref Reference, future bool) {
	p := ref.Published
	if p.IsZero() {
		w.How = "weekday only: the article's date is unknown"
		return
	}
	back := int(p.Weekday()-w.Weekday+7) % 7
	fwd := int(w.Weekday-p.Weekday()+7) % 7
	var t time.Time
	switch {
	case mod == "last":
		if back == 0 {
			back = 7
		}
		t = p.AddDate(0, 0, -back)
	case mod == "next":
		if fwd == 0 {
			fwd = 7
		}
		t = p.AddDate(0, 0, fwd)
	case future || mod == "by" || mod == "until":
		t = p.AddDate(0, 0, fwd)
		if (mod == "" || mod == "on") && fwd != 0 {
			w.Alt = p.AddDate(0, 0, -back)
		}
	default:
		t = p.AddDate(0, 0, -back)
		if (mod == "" || mod == "on") && back != 0 {
			w.Alt = p.AddDate(0, 0, fwd)
		}
	}
	w.From, w.To = t, t
	w.Year, w.Month, w.DayOfMonth = 0, 0, 0
	rel := "on or before"
	if t.After(p) {
		rel = "after"
	}
	w.How = fmt.Sprintf("the %s %s %s (publication)", w.Weekday, rel, p.Format("Mon 2 Jan 2006"))
}

// resolveRelative places "yesterday", "last week", "three days ago" relative to publication.
func resolveRelative(w *When, phrase string, ref Reference) {
	p := ref.Published
	if p.IsZero() {
		w.How = "relative date: the article's date is unknown"
		if strings.Contains(phrase, "week") {
			w.Grain = GrainWeek
		} else if strings.Contains(phrase, "month") {
			w.Grain = GrainMonth
		} else if strings.Contains(phrase, "year") {
			w.Grain = GrainYear
		}
		return
	}
	day := func(off int) { w.From, w.To = p.AddDate(0, 0, off), p.AddDate(0, 0, off) }
	weekStart := p.AddDate(0, 0, -((int(p.Weekday()) + 6) % 7)) // Monday
	monthStart := p.AddDate(0, 0, 1-p.Day())
	yearStart := time.Date(p.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	switch {
	case phrase == "today" || phrase == "tonight" || strings.HasPrefix(phrase, "this morning") || strings.HasPrefix(phrase, "this afternoon") || strings.HasPrefix(phrase, "this evening"):
		day(0)
	case phrase == "yesterday" || phrase == "last night":
		day(-1)
	case phrase == "tomorrow":
		day(1)
	case phrase == "the day before yesterday":
		day(-2)
	case phrase == "the day after tomorrow":
		day(2)
	case strings.HasSuffix(phrase, " ago"):
		f := strings.Fields(phrase)
		n := countValue(f[0])
		switch {
		case strings.HasPrefix(f[1], "day"):
			day(-n)
		case strings.HasPrefix(f[1], "week"):
			day(-7 * n)
			w.From = w.From.AddDate(0, 0, -3)
			w.To = w.To.AddDate(0, 0, 3)
		case strings.HasPrefix(f[1], "month"):
			w.From, w.To = p.AddDate(0, -n, -15), p.AddDate(0, -n, 15)
			w.Grain = GrainMonth
		default:
			w.From, w.To = p.AddDate(-n, -6, 0), p.AddDate(-n, 6, 0)
			w.Grain = GrainYear
		}
	case strings.HasSuffix(phrase, "week"):
		w.Grain = GrainWeek
		switch {
		case strings.HasPrefix(phrase, "last") || strings.HasPrefix(phrase, "past"):
			w.From, w.To = weekStart.AddDate(0, 0, -7), weekStart.AddDate(0, 0, -1)
			if strings.HasPrefix(phrase, "past") {
				w.From, w.To = p.AddDate(0, 0, -7), p
			}
		case strings.HasPrefix(phrase, "next"):
			w.From, w.To = weekStart.AddDate(0, 0, 7), weekStart.AddDate(0, 0, 13)
		case strings.HasPrefix(phrase, "earlier"):
			w.From, w.To = weekStart, p
		case strings.HasPrefix(phrase, "later"):
			w.From, w.To = p, weekStart.AddDate(0, 0, 6)
		default:
			w.From, w.To = weekStart, weekStart.AddDate(0, 0, 6)
		}
	case strings.HasSuffix(phrase, "month"):
		w.Grain = GrainMonth
		w.From, w.To = relativePeriod(phrase, p, monthStart, func(t time.Time, n int) time.Time { return t.AddDate(0, n, 0) })
	case strings.HasSuffix(phrase, "year"):
		w.Grain = GrainYear
		w.From, w.To = relativePeriod(phrase, p, yearStart, func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) })
	}
	if w.Resolved() {
		w.How = fmt.Sprintf("%q counted from %s (publication)", phrase, p.Format("Mon 2 Jan 2006"))
	}
}

// shiftWhen moves a date by days, keeping what can be kept of a partial date.
func shiftWhen(w When, days int) When {
	out := When{Grain: w.Grain, Zoned: w.Zoned}
	if w.Resolved() {
		out.From, out.To = w.From.AddDate(0, 0, days), w.To.AddDate(0, 0, days)
		if w.Grain == GrainDay {
			out.Year, out.Month, out.DayOfMonth = out.From.Year(), out.From.Month(), out.From.Day()
		}
		out.Weekday, out.HasWeekday = out.From.Weekday(), true
		return out
	}
	if w.DayOfMonth > 0 {
		// a day of a month in an unknown year: 2001 is not a leap year, as most years are not
		t := time.Date(2001, w.Month, w.DayOfMonth, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
		out.Month, out.DayOfMonth = t.Month(), t.Day()
	}
	if w.HasWeekday {
		out.Weekday, out.HasWeekday = time.Weekday((int(w.Weekday)+days%7+7)%7), true
	}
	return out
}

func describeBase(w When) string {
	if w.How == "" {
		return ""
	}
	return "(" + w.How + ")"
}

// StoryReference gathers the known publication dates of docs, sorted, for undated articles.
func StoryReference(docs []*source.Document) []time.Time {
	var ds []time.Time
	for _, d := range docs {
		if d.HasPublished() {
			ds = append(ds, d.Published)
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

// relativePeriod places "last month", "past year", "next month", "earlier this year", "later
// this month" or "this year" for publication day p, given the start of p's period and a step
// of n periods.
func relativePeriod(phrase string, p, start time.Time, step func(time.Time, int) time.Time) (from, to time.Time) {
	end := func(n int) time.Time { return step(start, n).AddDate(0, 0, -1) } // last day before n periods on
	switch {
	case strings.HasPrefix(phrase, "past"):
		return step(p, -1), p
	case strings.HasPrefix(phrase, "last"):
		return step(start, -1), end(0)
	case strings.HasPrefix(phrase, "next"):
		return step(start, 1), end(2)
	case strings.HasPrefix(phrase, "earlier"):
		return start, p
	case strings.HasPrefix(phrase, "later"):
		return p, end(1)
	}
	return start, end(1)
}

// inQuote reports whether byte offset i of a sentence lies inside a quotation: after an odd
// number of straight double quotes, or after an opening curly quote not yet closed.
func inQuote(sent string, i int) bool {
	straight, curly := 0, 0
	for _, r := range sent[:i] {
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			curly = max(0, curly-1)
		}
	}
	return straight%2 == 1 || curly > 0
}

// clauseBreak separates the clauses of a sentence: punctuation, and the words that open a
// subordinate clause ("said on Monday that it will cut jobs").
var clauseBreak = regexp.MustCompile(`[,;:()—–]|\s(?:that|which|where|when|while|whereas|but|before|after)\s`)

// clauseOf returns the clause of sent that holds [start, end): the text between the breaks
// around it, with the next clause added when the date's own is a short adverbial ("On
// Tuesday, the minister will travel to Berlin").
func clauseOf(sent string, start, end int) string {
	lo, hi := 0, len(sent)
	next := len(sent)
	for _, b := range clauseBreak.FindAllStringIndex(sent, -1) {
		switch {
		case b[1] <= start:
			lo = b[1]
		case b[0] >= end && hi == len(sent):
			hi = b[0]
		case b[0] >= end && next == len(sent):
			next = b[0]
		}
	}
	if len(strings.Fields(sent[lo:hi])) <= 4 && hi < len(sent) {
		hi = next
	}
	return sent[lo:hi]
}
