package calendar

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "sun": 0, "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2,
	"wednesday": 3, "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
	"friday": 5, "fri": 5, "saturday": 6, "sat": 6,
}

// Month returns the month named by word ("December", "Dec", "dec."), if any.
func Month(word string) (time.Month, bool) {
	m, ok := months[strings.TrimSuffix(strings.ToLower(word), ".")]
	return m, ok
}

// Weekday returns the weekday named by word ("Sunday", "Sun."), if any.
func Weekday(word string) (time.Weekday, bool) {
	w, ok := weekdays[strings.TrimSuffix(strings.ToLower(word), ".")]
	return w, ok
}

// FullWeekday reports whether word is a weekday's full name ("Sunday", not "Sun").
func FullWeekday(word string) (time.Weekday, bool) {
	w, ok := weekdays[strings.ToLower(word)]
	return w, ok && len(word) >= 6
}

// Day returns midnight UTC of the given date, or false when the date does not exist.
func Day(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && t.Month() == m && t.Day() == d
}

// Dateline is a date read from a line that holds only a date (and perhaps a time).
type Dateline struct {
	Day time.Time
	// Ambiguous is set for numeric dates such as 3/2/2025 that read as a valid date in both
	// month-first and day-first order; Day is the month-first reading, Alt the other.
	Ambiguous bool
	Alt       time.Time
}

var (
	reTime      = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|UTC[+-]?\d*))?\b`)
	rePrefix    = regexp.MustCompile(`(?i)^(?:published|updated|posted|last updated|first published|date|on)\b[:\s]*`)
	reISO       = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:T\S*)?$`)
	reNumeric   = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`)
	reDayMonth  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$`)
	reMonthDay  = regexp.MustCompile(`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	reSeparator = regexp.MustCompile(`\s*[|•·–—,]\s*`)
)

// ParseDateline reads a line such as "5 Dec, 2025 16:13", "Friday, March 13, 2026",
// "Published: 2026-03-14 09:20 GMT" or "3/2/2025". It returns false unless the whole line is a date.
func ParseDateline(line string) (Dateline, bool) {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > 60 {
		return Dateline{}, false
	}
	s = rePrefix.ReplaceAllString(s, "")
	s = reTime.ReplaceAllString(s, " ")
	s = reSeparator.ReplaceAllString(s, " ")
	fields := strings.Fields(s)
	if len(fields) > 0 {
		if _, ok := Weekday(fields[0]); ok && len(fields) > 1 {
			fields = fields[1:]
		}
	}
	s = strings.Join(fields, " ")
	if m := reISO.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t, ok := Day(y, time.Month(mo), d)
		return Dateline{Day: t}, ok
	}
	if m := reNumeric.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		mf, okM := Day(y, time.Month(a), b)
		df, okD := Day(y, time.Month(b), a)
		switch {
		case okM && okD && a != b:
			return Dateline{Day: mf, Ambiguous: true, Alt: df}, true
		case okM:
			return Dateline{Day: mf}, true
		case okD:
			return Dateline{Day: df}, true
		}
		return Dateline{}, false
	}
	if m := reDayMonth.FindStringSubmatch(s); m != nil {
		if mo, ok := Month(m[2]); ok {
			d, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[3])
			t, ok := Day(y, mo, d)
			return Dateline{Day: t}, ok
		}
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		if mo, ok := Month(m[1]); ok {
			d, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			t, ok := Day(y, mo, d)
			return Dateline{Day: t}, ok
		}
	}
	return Dateline{}, false
}

// WireDateline is the dateline that opens a wire story's first paragraph: "OSLO, April 8
// (Nordwire) - ...", "GALATI, Romania, April 15 (Eastern Wire) -". Year is 0 when the line
// gives none, as wire datelines usually do.
type WireDateline struct {
	Month  time.Month
	Day    int
	Year   int
	Agency string // the name in parentheses, when given
	Len    int    // bytes of the paragraph the dateline takes, through its dash
}

// reWire: a place in capitals, an optional region or country, the month and day (and year),
// an optional agency in parentheses, then a dash.
var reWire = regexp.MustCompile(`^[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?,\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\s*(?:\(([^()]{2,40})\))?\s*[-–—]`)

// ParseWireDateline reads the dateline at the start of a paragraph.
func ParseWireDateline(para string) (WireDateline, bool) {
	loc := reWire.FindStringSubmatchIndex(para)
	if loc == nil {
		return WireDateline{}, false
	}
	m := make([]string, len(loc)/2)
	for i := range m {
		if loc[2*i] >= 0 {
			m[i] = para[loc[2*i]:loc[2*i+1]]
		}
	}
	if m == nil {
		return WireDateline{}, false
	}
	mo, ok := Month(m[1])
	if !ok {
		return WireDateline{}, false
	}
	d, _ := strconv.Atoi(m[2])
	y := 0
	if m[3] != "" {
		y, _ = strconv.Atoi(m[3])
	}
	if _, ok := Day(max(y, 2000), mo, d); !ok {
		return WireDateline{}, false
	}
	return WireDateline{Month: mo, Day: d, Year: y, Agency: strings.TrimSpace(m[4]), Len: loc[1]}, true
}
