// Package review keeps reviewers' decisions on flagged findings in a YAML file beside the
// articles, joins them to a report, and edits the file atomically under a lock.
package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/internal/fsutil"
	"github.com/crosscheck-news/crosscheck/report"
)

// DefaultName is the reviews file's name beside the input.
const DefaultName = "crosscheck-reviews.yaml"

// Decisions.
const (
	Confirmed = "confirmed" // a real discrepancy the story must address
	Dismissed = "dismissed" // not a discrepancy; the note gives the reason
	Noted     = "noted"     // a note and no decision yet: still unreviewed
)

// Entry is one decision.
type Entry struct {
	ID       string
	Decision string
	Note     string
	By       string
	At       string
	// Passages fingerprints the finding's passages when the decision was taken: when they
	// change, the decision is stale.
	Passages string
	Line     int // where the entry starts in the file, for messages
}

// File is a reviews file: its entries, and the YAML tree they came from so comments survive
// an edit.
type File struct {
	Path    string
	Entries []Entry
	doc     *yaml.Node
}

// Error is a problem in a reviews file, with the line it is on.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

var yamlLine = regexp.MustCompile(`line (\d+)(: )?`)

var idPattern = regexp.MustCompile(`^f-[0-9a-f]{8}(-[0-9]+)?$`)

const header = "# crosscheck reviews: a decision per flagged finding, keyed by finding ID.\n" +
	"# Edit with `crosscheck review confirm|dismiss|note ID -m TEXT`, or by hand.\n"

// Read reads the reviews file at path. A missing file is an empty one.
func Read(path string) (*File, error) {
	f := &File{Path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read: " + err.Error()}
	}
	if err := f.parse(data); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *File) parse(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			fmt.Sscan(m[1], &line)
		}
		msg := yamlLine.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		return &Error{Path: f.Path, Line: line, Msg: "not valid YAML: " + strings.TrimPrefix(msg, ": ")}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &Error{Path: f.Path, Line: root.Line, Msg: "expected a mapping with a `reviews:` key"}
	}
	reviews := mapValue(root, "reviews")
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value != "reviews" {
			return &Error{Path: f.Path, Line: k.Line, Msg: fmt.Sprintf("unknown key %q (only `reviews:`)", k.Value)}
		}
	}
	f.doc = &doc
	if reviews == nil || (reviews.Kind == yaml.ScalarNode && reviews.Tag == "!!null") {
		return nil
	}
	if reviews.Kind != yaml.MappingNode {
		return &Error{Path: f.Path, Line: reviews.Line, Msg: "`reviews:` must map finding IDs to decisions"}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(reviews.Content); i += 2 {
		k, v := reviews.Content[i], reviews.Content[i+1]
		if !idPattern.MatchString(k.Value) {
			return &Error{Path: f.Path, Line: k.Line, Msg: fmt.Sprintf("%q is not a finding ID (f- and eight hex digits)", k.Value)}
		}
		if seen[k.Value] {
			return &Error{Path: f.Path, Line: k.Line, Msg: fmt.Sprintf("finding %s is reviewed twice", k.Value)}
		}
		seen[k.Value] = true
		if v.Kind != yaml.MappingNode {
			return &Error{Path: f.Path, Line: v.Line, Msg: fmt.Sprintf("the review of %s must be a mapping (decision, note, by, at, passages)", k.Value)}
		}
		e := Entry{ID: k.Value, Line: k.Line}
		for j := 0; j+1 < len(v.Content); j += 2 {
			fk, fv := v.Content[j], v.Content[j+1]
			if fv.Kind != yaml.ScalarNode {
				return &Error{Path: f.Path, Line: fv.Line, Msg: fmt.Sprintf("%s: %s must be text", k.Value, fk.Value)}
			}
			switch fk.Value {
			case "decision":
				e.Decision = fv.Value
			case "note":
				e.Note = fv.Value
			case "by":
				e.By = fv.Value
			case "at":
				e.At = fv.Value
			case "passages":
				e.Passages = fv.Value
			default:
				return &Error{Path: f.Path, Line: fk.Line, Msg: fmt.Sprintf("%s: unknown field %q (decision, note, by, at, passages)", k.Value, fk.Value)}
			}
		}
		switch e.Decision {
		case Confirmed, Noted:
		case Dismissed:
			if strings.TrimSpace(e.Note) == "" {
				return &Error{Path: f.Path, Line: k.Line, Msg: fmt.Sprintf("%s is dismissed without a reason: add a note", k.Value)}
			}
		default:
			return &Error{Path: f.Path, Line: k.Line, Msg: fmt.Sprintf("%s: unknown decision %q (confirmed, dismissed or noted)", k.Value, e.Decision)}
		}
		f.Entries = append(f.Entries, e)
	}
	return nil
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// Get returns the entry of a finding.
func (f *File) Get(id string) (Entry, bool) {
	for _, e := range f.Entries {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// Set adds or replaces the entry for e.ID.
func (f *File) Set(e Entry) {
	for i := range f.Entries {
		if f.Entries[i].ID == e.ID {
			f.Entries[i] = e
			return
		}
	}
	f.Entries = append(f.Entries, e)
}

// Bytes renders the file: entries sorted by ID, each with its fields in a fixed order; the
// comments of the file as read are kept where they were attached.
func (f *File) Bytes() ([]byte, error) {
	var root *yaml.Node
	if f.doc != nil && len(f.doc.Content) > 0 {
		root = f.doc.Content[0]
	} else {
		root = &yaml.Node{Kind: yaml.MappingNode, HeadComment: strings.TrimSuffix(header, "\n")}
	}
	reviews := mapValue(root, "reviews")
	if reviews == nil {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "reviews"}, &yaml.Node{Kind: yaml.MappingNode})
		reviews = root.Content[len(root.Content)-1]
	}
	if reviews.Kind != yaml.MappingNode {
		*reviews = yaml.Node{Kind: yaml.MappingNode}
	}
	// Old nodes by ID keep their comments.
	old := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(reviews.Content); i += 2 {
		old[reviews.Content[i].Value] = [2]*yaml.Node{reviews.Content[i], reviews.Content[i+1]}
	}
	es := append([]Entry(nil), f.Entries...)
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	reviews.Content = nil
	for _, e := range es {
		k, v := &yaml.Node{Kind: yaml.ScalarNode, Value: e.ID}, &yaml.Node{Kind: yaml.MappingNode}
		if o, ok := old[e.ID]; ok {
			k, v = o[0], o[1]
		}
		setFields(v, e)
		reviews.Content = append(reviews.Content, k, v)
	}
	// A comment on the line of `reviews:` stays on that line; with no entries, where the
	// encoder would write it before a flow `{}` on the next line, it goes above the key.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value == "reviews" {
			k.LineComment = strings.TrimSpace(k.LineComment + " " + reviews.LineComment)
			reviews.LineComment = ""
			if len(reviews.Content) == 0 && k.LineComment != "" {
				k.HeadComment = strings.TrimSpace(k.HeadComment + "\n" + k.LineComment)
				k.LineComment = ""
			}
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// setFields writes e's fields into the mapping v in the order decision, note, by, at,
// passages, keeping the comments of fields that were there.
func setFields(v *yaml.Node, e Entry) {
	old := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		old[v.Content[i].Value] = [2]*yaml.Node{v.Content[i], v.Content[i+1]}
	}
	v.Content = nil
	for _, kv := range [][2]string{{"decision", e.Decision}, {"note", e.Note}, {"by", e.By}, {"at", e.At}, {"passages", e.Passages}} {
		if kv[1] == "" {
			continue
		}
		k, val := &yaml.Node{Kind: yaml.ScalarNode, Value: kv[0]}, &yaml.Node{Kind: yaml.ScalarNode}
		if o, ok := old[kv[0]]; ok {
			k, val = o[0], o[1]
		}
		val.Kind, val.Tag, val.Value, val.Style = yaml.ScalarNode, "!!str", kv[1], 0
		if strings.ContainsAny(kv[1], "\n") {
			val.Style = yaml.LiteralStyle
		}
		v.Content = append(v.Content, k, val)
	}
}

// ErrLocked is returned when another writer holds the reviews file.
var ErrLocked = errors.New("locked")

// Update edits the file at path under a lock: it reads it, calls edit, and writes it back
// atomically (temporary file, then rename). A second writer meanwhile gets an error naming
// the lock; a failed edit or write leaves the file as it was.
func Update(path string, edit func(*File) error) error {
	lock := path + ".lock"
	lf, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w by another crosscheck (remove %s if no other is running)", path, ErrLocked, lock)
		}
		return fmt.Errorf("%s: cannot lock: %v", path, err)
	}
	fmt.Fprintf(lf, "%d\n", os.Getpid())
	lf.Close()
	defer os.Remove(lock)
	f, err := Read(path)
	if err != nil {
		return err
	}
	if err := edit(f); err != nil {
		return err
	}
	data, err := f.Bytes()
	if err != nil {
		return err
	}
	return fsutil.WriteFile(path, data)
}

// Fingerprint identifies a finding's passages: each claim's source and sentence.
func Fingerprint(f report.Finding) string {
	var parts []string
	for _, c := range f.Claims {
		parts = append(parts, c.Source+"\x00"+c.Passage)
	}
	sort.Strings(parts)
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])[:12]
}

// Join attaches each entry to its finding: a decision whose passages have changed is stale.
// It returns the entries whose finding no longer exists (stale too).
func Join(r *report.Report, f *File) []report.StaleReview {
	byID := map[string]Entry{}
	for _, e := range f.Entries {
		byID[e.ID] = e
	}
	found := map[string]bool{}
	for i := range r.Findings {
		fd := &r.Findings[i]
		e, ok := byID[fd.ID]
		if !ok {
			continue
		}
		found[fd.ID] = true
		fd.Review = &report.Review{Decision: e.Decision, Note: e.Note, By: e.By, At: e.At,
			Stale: e.Passages != "" && e.Passages != Fingerprint(*fd)}
	}
	out := []report.StaleReview{}
	for _, e := range f.Entries {
		if !found[e.ID] {
			out = append(out, report.StaleReview{ID: e.ID, Decision: e.Decision, Note: e.Note, Line: e.Line,
				Why: "no such finding any more: the passages changed or the discrepancy is gone"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Reviewed reports whether a finding's review settles it for the gate: confirmed or
// dismissed, and not stale.
func Reviewed(rv *report.Review) bool {
	return rv != nil && !rv.Stale && (rv.Decision == Confirmed || rv.Decision == Dismissed)
}
