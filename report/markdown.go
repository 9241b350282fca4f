package report

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/templates"
)

var mdTemplate = template.Must(template.New("briefing.md.tmpl").Option("missingkey=error").ParseFS(templates.FS, "briefing.md.tmpl"))

// md escapes article text for Markdown: every ASCII punctuation mark that Markdown or HTML could
// read as syntax gets a backslash, so the text renders as itself, and invisible characters that
// could disguise it (bidi overrides, zero-width spaces, control characters) are shown by name.
func md(s string) string {
	s = clean(s)
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x80 && !mayDisguise(s, i) || c < 0x80 && !mdSpecial[c] && c >= 0x20 && c != 0x7F
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r < 0x80 && mdSpecial[r]:
			b.WriteByte('\\')
			b.WriteRune(r)
		case disguising(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdSpecial marks the ASCII punctuation that Markdown or HTML could read as syntax.
var mdSpecial = func() (t [128]bool) {
	for _, c := range "\\`*_{}[]<>|~&#!" {
		t[c] = true
	}
	return t
}()

// mayDisguise reports whether the multi-byte character at byte i could be one disguising()
// names: all of those start with 0xC2 (C1 controls, soft hyphen), 0xD8 (U+061C), 0xE1
// (U+180E), 0xE2 (U+200x, U+202x, U+206x) or 0xEF (U+FEFF).
func mayDisguise(s string, i int) bool {
	switch s[i] {
	case 0xC2, 0xD8, 0xE1, 0xE2, 0xEF:
		return true
	}
	return false
}

// disguising reports whether a character changes how text around it reads without being seen:
// bidi embeddings, overrides and isolates, zero-width spaces and marks, byte-order marks and
// control characters. Zero-width joiners stay: scripts and emoji need them.
func disguising(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	case r == 0x200B, r == 0x2060, r == 0xFEFF, r == 0x00AD, r == 0x180E:
		return true
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return true
	}
	return false
}

type mdSource struct {
	Label, Anchor, ID, Outlet, Published, Title, File string
	Passages                                          []mdPassage
}

// mdPassage is one cited line of an article in the Passages section.
type mdPassage struct {
	Label, Text string
	Flagged     bool
	CitedBy     string
}

type mdClaim struct {
	Source, Label, Where, Passage, Value string
}

type mdFinding struct {
	ID, Heading, Status, Kind, Severity, Note, Review string
	Score                                             string
	Claims                                            []mdClaim
	Diff, DiffFrom, DiffTo, DiffWhat                  string
	Values, SourceList                                string
	More                                              string // the sources not listed, counted
	ByValue                                           string // each value with how many claims state it
}

// mdEvent is a row of the timeline: a dated event and who dates it how.
type mdEvent struct{ When, What, Sources, Status string }

// mdCoverage is the facts × sources matrix.
type mdCoverage struct {
	Header, Rule string
	Rows         []string
}

type mdView struct {
	Title, Summary, Review string
	Sources                []mdSource
	Notes                  []string
	Conflicts, Variants    []mdFinding
	Agreements, Apart      []mdFinding
	Dismissed              []mdFinding
	Timeline               []mdEvent
	Coverage               mdCoverage
	Stale                  []string
	Problems               []string
}

// anchors names the places a briefing links to. Each anchor is written in the Markdown as a code
// span (a heading's last, or a list item's first) whose text is a key of ids; the HTML renderer
// gives that element the id. Article text cannot forge one: its backticks are escaped.
type anchors struct {
	ids     map[string]string // code span text → element id
	classes map[string]string // element id → class: a flag's status
	labels  map[string]string // source ID → its label, unique and safe inside a code span
}

func newAnchors(r Report) *anchors {
	a := &anchors{ids: map[string]string{}, classes: map[string]string{}, labels: map[string]string{}}
	taken := map[string]bool{}
	for _, f := range r.Findings {
		a.ids[f.ID] = f.ID
		if f.IsFlag() {
			a.classes[f.ID] = f.Status
		}
		taken[f.ID] = true
	}
	for _, s := range r.Sources {
		label := safeLabel(s.ID)
		for n := 2; taken[label]; n++ {
			label = safeLabel(s.ID) + "-" + strconv.Itoa(n)
		}
		taken[label] = true
		a.labels[s.ID] = label
		a.ids[label] = "s-" + label
	}
	return a
}

// safeLabel keeps letters, digits, '.', '_' and '-' of a source ID; anything else becomes '-'.
func safeLabel(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "source"
	}
	return b.String()
}

// passage returns the label of a source's line and registers its anchor.
func (a *anchors) passage(sourceID string, line int) string {
	label := a.labels[sourceID] + ":" + strconv.Itoa(line)
	a.ids[label] = "p-" + a.labels[sourceID] + "-" + strconv.Itoa(line)
	return label
}

// link is a Markdown link to the element a code span label anchors.
func (a *anchors) link(text, label string) string {
	return "[" + text + "](#" + a.ids[label] + ")"
}

// Markdown renders the briefing.
func Markdown(r Report) ([]byte, error) {
	b, _, err := markdownWithAnchors(r)
	return b, err
}

func markdownWithAnchors(r Report) ([]byte, *anchors, error) {
	v := mdView{}
	an := newAnchors(r)
	bySource := map[string]Source{}
	srcIndex := map[string]int{}
	for i, s := range r.Sources {
		bySource[s.ID] = s
		srcIndex[s.ID] = i
		pub := s.Published
		if pub == "" {
			pub = "unknown"
		} else if s.PublishedFrom != "" && s.PublishedFrom != "none" {
			pub += " (" + s.PublishedFrom + ")"
		}
		v.Sources = append(v.Sources, mdSource{Label: an.labels[s.ID], Anchor: an.link(md(s.ID), an.labels[s.ID]),
			ID: md(s.ID), Outlet: md(orUnknown(s.Outlet)), Published: md(pub), Title: md(s.Title), File: md(s.File)})
		if s.PublishedNote != "" {
			v.Notes = append(v.Notes, md(s.ID+": "+s.PublishedNote))
		}
	}

	// The passages every finding cites, by source and line; flagged lines are marked.
	type cited struct {
		sentences map[int]string // start offset → highlighted sentence
		flagged   bool
		by        []string
	}
	lines := map[string]map[int]*cited{}
	cite := func(f Finding, c Claim) string {
		label := an.passage(c.Source, c.Line)
		if lines[c.Source] == nil {
			lines[c.Source] = map[int]*cited{}
		}
		p := lines[c.Source][c.Line]
		if p == nil {
			p = &cited{sentences: map[int]string{}}
			lines[c.Source][c.Line] = p
		}
		if _, ok := p.sentences[c.Start]; !ok || f.IsFlag() {
			p.sentences[c.Start] = highlight(c.Passage, c.ValueStart, c.ValueEnd)
		}
		p.flagged = p.flagged || f.IsFlag()
		link := an.link(md(capitalize(f.Fact)), f.ID)
		if len(p.by) == 0 || p.by[len(p.by)-1] != link {
			p.by = append(p.by, link)
		}
		return label
	}

	counts := map[string]int{}
	unreviewed := 0
	for _, f := range orderFindings(r.Findings) {
		counts[f.Status]++
		mf := mdFinding{
			ID: f.ID, Heading: md(capitalize(f.Fact)), Status: f.Status, Kind: f.Kind, Severity: f.Severity,
			Note: md(f.Note), Score: fmt.Sprintf("%.2f", f.Score), Review: reviewText(f.Review),
		}
		if f.IsFlag() && (f.Review == nil || f.Review.Stale) {
			unreviewed++
		}
		var vals, srcs []string
		for _, c := range f.Claims {
			s := bySource[c.Source]
			label := cite(f, c)
			where := an.link(md(c.Source), label) + " line " + strconv.Itoa(c.Line) + " · " + md(orUnknown(s.Outlet))
			if s.Published != "" {
				where += " · " + md(s.Published)
			}
			mf.Claims = append(mf.Claims, mdClaim{Source: md(c.Source), Label: label, Where: where,
				Passage: highlight(c.Passage, c.ValueStart, c.ValueEnd), Value: md(c.Value)})
			vals = append(vals, md(c.Value))
			srcs = append(srcs, an.link(md(c.Source), label))
		}
		mf.Values = strings.Join(uniq(vals), " / ")
		mf.SourceList = strings.Join(srcs, ", ")
		if n := f.SourceCount - distinctSources(f.Claims); n > 0 {
			more := fmt.Sprintf("%d more sources state it too", n)
			if n == 1 {
				more = "1 more source states it too"
			}
			mf.More = fmt.Sprintf("%s: a finding lists at most %d claims, every distinct value and wording among them.", more, compare.MaxClaims)
		}
		switch {
		case f.IsFlag():
			mf.DiffWhat, mf.DiffFrom, mf.DiffTo, mf.Diff = findingDiff(f)
			if (f.Kind == "number" || f.Kind == "date") && len(f.Claims) > 2 {
				mf.ByValue = byValue(f.Claims)
			}
			switch {
			case f.Review != nil && f.Review.Decision == "dismissed" && !f.Review.Stale:
				v.Dismissed = append(v.Dismissed, mf)
			case f.Status == compare.Conflict:
				v.Conflicts = append(v.Conflicts, mf)
			default:
				v.Variants = append(v.Variants, mf)
			}
		case f.Status == compare.Agreement:
			v.Agreements = append(v.Agreements, mf)
		default:
			v.Apart = append(v.Apart, mf)
		}
	}
	v.Summary = fmt.Sprintf("%s · %s · %s · %s", quantity(len(r.Sources), "source", "sources"),
		quantity(counts[compare.Conflict], "conflict", "conflicts"), quantity(counts[compare.Variant], "variant", "variants"),
		quantity(counts[compare.Agreement], "agreement", "agreements"))
	if len(r.Sources) < 2 {
		v.Summary += " · fewer than two sources: nothing to compare"
	}
	if flags := counts[compare.Conflict] + counts[compare.Variant]; flags > 0 {
		v.Review = fmt.Sprintf("%d of %d flags reviewed", flags-unreviewed, flags)
		if unreviewed > 0 {
			v.Review += fmt.Sprintf("; %d to review", unreviewed)
		}
	}

	for i := range v.Sources {
		id := r.Sources[i].ID
		var ls []int
		for l := range lines[id] {
			ls = append(ls, l)
		}
		sort.Ints(ls)
		for _, l := range ls {
			p := lines[id][l]
			var starts []int
			for s := range p.sentences {
				starts = append(starts, s)
			}
			sort.Ints(starts)
			var texts []string
			for _, s := range starts {
				texts = append(texts, p.sentences[s])
			}
			v.Sources[i].Passages = append(v.Sources[i].Passages, mdPassage{Label: an.passage(id, l),
				Text: strings.Join(texts, " … "), Flagged: p.flagged, CitedBy: strings.Join(p.by, ", ")})
		}
	}
	for _, p := range r.Problems {
		v.Problems = append(v.Problems, md(p))
	}
	v.Timeline = timeline(r)
	v.Coverage = coverage(r, an)
	for _, sr := range r.StaleReviews {
		v.Stale = append(v.Stale, md(fmt.Sprintf("%s (%s, reviews file line %d): %s", sr.ID, sr.Decision, sr.Line, sr.Why)))
	}
	var b bytes.Buffer
	if err := mdTemplate.Execute(&b, v); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), an, nil
}

// orderFindings puts the worst first: severity, then conflicts before variants, then the
// pipeline's own order (which is deterministic), so the editor reads the most serious first.
func orderFindings(fs []Finding) []Finding {
	out := append([]Finding(nil), fs...)
	statusRank := map[string]int{compare.Conflict: 0, compare.Variant: 1}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.IsFlag() != b.IsFlag() {
			return a.IsFlag()
		}
		if !a.IsFlag() {
			return false
		}
		if ra, rb := compare.SeverityRank(a.Severity), compare.SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		return statusRank[a.Status] < statusRank[b.Status]
	})
	return out
}

// findingDiff is what differs between a flag's first two claims: the spelling letter by letter
// for a name, otherwise the passages word by word.
func findingDiff(f Finding) (what, from, to, diff string) {
	if len(f.Claims) < 2 {
		return "", "", "", ""
	}
	a, b := f.Claims[0], f.Claims[1]
	if f.Kind == "name" {
		for _, c := range f.Claims[1:] {
			if c.Value != a.Value {
				b = c
				break
			}
		}
		return "Spelling diff", md(a.Source), md(b.Source), diffMarkdown(CharDiff(a.Value, b.Value), false)
	}
	return "Word diff", md(a.Source), md(b.Source), diffMarkdown(WordDiff(a.Passage, b.Passage), true)
}

func reviewText(rv *Review) string {
	if rv == nil {
		return "not reviewed"
	}
	s := rv.Decision
	if rv.By != "" {
		s += " by " + md(rv.By)
	}
	if rv.Note != "" {
		s += ": " + md(rv.Note)
	}
	if rv.Stale {
		s += " (stale: the passages changed since; review again)"
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// highlight escapes a passage and marks the value in bold.
func highlight(p string, s, e int) string {
	if s < 0 || e > len(p) || s >= e {
		return md(p)
	}
	return md(p[:s]) + "**" + md(p[s:e]) + "**" + md(p[e:])
}

// diffMarkdown writes a word diff: words only in the first passage struck through, words only
// in the second in bold.
func diffMarkdown(ops []DiffOp, words bool) string {
	var b strings.Builder
	prev := 0
	for _, op := range ops {
		t := op.Text
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		if words && op.Op == 1 && lead == "" && prev == -1 {
			lead = " " // "~~33-page~~ **29-page**", not run together
		}
		prev = op.Op
		switch op.Op {
		case -1:
			b.WriteString(lead + "~~" + md(core) + "~~" + trail)
		case 1:
			b.WriteString(lead + "**" + md(core) + "**" + trail)
		default:
			b.WriteString(md(t))
		}
	}
	return b.String()
}

// coverage is the facts × sources matrix: for each finding, what each source says (linked to
// its passage) or a dash where the source is silent.
func coverage(r Report, an *anchors) mdCoverage {
	var cv mdCoverage
	if len(r.Sources) == 0 {
		return cv
	}
	head := []string{"Fact", "Status"}
	rule := []string{"---", "---"}
	short := shortLabels(r.Sources)
	for _, s := range r.Sources {
		head = append(head, md(short[s.ID]))
		rule = append(rule, ":---:")
	}
	cv.Header = "| " + strings.Join(head, " | ") + " |"
	cv.Rule = "|" + strings.Join(rule, "|") + "|"
	idx := map[string]int{}
	for i, s := range r.Sources {
		idx[s.ID] = i
	}
	for _, f := range orderFindings(r.Findings) {
		if !f.IsFlag() && f.Status != compare.Agreement {
			continue
		}
		cells := make([]string, len(r.Sources))
		for _, c := range f.Claims {
			i, ok := idx[c.Source]
			if !ok || cells[i] != "" {
				continue
			}
			cells[i] = an.link(md(shorten(c.Value, 32)), an.passage(c.Source, c.Line))
		}
		for i := range cells {
			if cells[i] == "" {
				cells[i] = "—"
			}
		}
		status := f.Status
		if f.IsFlag() {
			status = "**" + status + "**"
		}
		row := []string{an.link(md(shorten(capitalize(f.Fact), 48)), f.ID), status}
		cv.Rows = append(cv.Rows, "| "+strings.Join(append(row, cells...), " | ")+" |")
	}
	return cv
}

// shortLabels names the sources in the coverage matrix's narrow columns: the part of each ID
// before its first '_' ("000" of "000_4a8642dee2b44f5c") when those parts are distinct, else
// the whole IDs.
func shortLabels(ss []Source) map[string]string {
	out := map[string]string{}
	seen := map[string]bool{}
	for _, s := range ss {
		p, _, _ := strings.Cut(s.ID, "_")
		if p == "" || seen[p] {
			out = map[string]string{}
			for _, s := range ss {
				out[s.ID] = s.ID
			}
			return out
		}
		seen[p] = true
		out[s.ID] = p
	}
	return out
}

// shorten cuts s to at most n runes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// timeline lists the dated events the sources report: each date finding that is not about
// another occasion, at the dates its claims resolve to, earliest first.
func timeline(r Report) []mdEvent {
	type row struct {
		key string
		ev  mdEvent
	}
	var rows []row
	for _, f := range r.Findings {
		if f.Kind != "date" || (f.Status != compare.Agreement && f.Status != compare.Conflict) || len(f.Claims) == 0 {
			continue
		}
		var whens, srcs []string
		for _, c := range f.Claims {
			whens = append(whens, c.Normalized)
			srcs = append(srcs, md(c.Source)+" ("+md(c.Value)+")")
		}
		ws := uniq(whens)
		what := strings.Fields(f.Claims[0].Passage)
		if len(what) > 14 {
			what = append(what[:14], "…")
		}
		status := "agree"
		if f.Status == compare.Conflict {
			status = "[**disagree**](#" + f.ID + ")"
		}
		rows = append(rows, row{key: ws[0] + "\x00" + f.ID, ev: mdEvent{When: md(strings.Join(ws, " / ")),
			What: md(strings.Join(what, " ")), Sources: strings.Join(srcs, "; "), Status: status}})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	out := make([]mdEvent, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.ev)
	}
	return out
}

// quantity is "1 source" or "3 sources".
func quantity(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// byValue sums up a flag's claims by normalised value, the most stated first: "**33-page** (33
// page): 3 claims · **29-page** (29 page): 1 claim, 003\_x". The few who state a value are
// named, so the odd one out in a table of dozens is seen at once.
func byValue(cs []Claim) string {
	type group struct {
		wording, norm string
		srcs          []string
	}
	var gs []*group
	at := map[string]*group{}
	for _, c := range cs {
		g := at[c.Normalized]
		if g == nil {
			g = &group{wording: c.Value, norm: c.Normalized}
			at[c.Normalized] = g
			gs = append(gs, g)
		}
		g.srcs = append(g.srcs, c.Source)
	}
	if len(gs) < 2 {
		return ""
	}
	sort.SliceStable(gs, func(i, j int) bool { return len(gs[i].srcs) > len(gs[j].srcs) })
	var parts []string
	for _, g := range gs {
		p := "**" + md(g.wording) + "**"
		if g.norm != "" && g.norm != g.wording {
			p += " (" + md(g.norm) + ")"
		}
		p += ": " + quantity(len(g.srcs), "claim", "claims")
		if len(g.srcs) <= 3 {
			names := make([]string, len(g.srcs))
			for i, s := range g.srcs {
				names[i] = md(s)
			}
			p += ", " + strings.Join(names, ", ")
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ")
}
