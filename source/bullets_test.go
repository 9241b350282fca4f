package source

import (
	"strings"
	"testing"
)

// A bulleted line of a few words is a list item whose facts count, not a heading; a short
// line without a stop is still a heading.
func TestBulletsAreListItemsNotHeadings(t *testing.T) {
	tests := []struct {
		line    string
		heading bool
	}{
		{"- Net income: $621 million, up 18% YoY", false},
		{"• Revenue: 4.2bn dollars vs ~4.05bn consensus", false},
		{"Quick hits", true},
		{"- Home", true},
	}
	for _, tt := range tests {
		if got := isHeading(tt.line, strings.Fields(tt.line)); got != tt.heading {
			t.Errorf("%q: heading %v, want %v", tt.line, got, tt.heading)
		}
	}
}
