package compare

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

func TestIsPrior(t *testing.T) {
	tests := []struct {
		text, figure string
		prior        bool
	}{
		{"Net income rose to $612 million from $519 million a year earlier.", "$519 million", true},
		{"Net income rose to $612 million from $519 million a year earlier.", "$612 million", false},
		{"Unemployment fell to 4.1%, compared with 4.6% in March.", "4.6%", true},
		{"The company sold 40 trucks last year.", "40 trucks", true},
		{"The company sold 40 trucks this year.", "40 trucks", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.figure)
		f := facts.Fact{Start: i, End: i + len(tt.figure)}
		if got := isPrior(facts.Tokenize(tt.text, 0), f); got != tt.prior {
			t.Errorf("%q in %q: prior %v, want %v", tt.figure, tt.text, got, tt.prior)
		}
	}
}

func TestBareLevels(t *testing.T) {
	q := func(v float64, unit string) *facts.Quantity {
		return &facts.Quantity{Value: v, Low: v, High: v, Unit: unit}
	}
	tests := []struct {
		a, b *facts.Quantity
		want bool
	}{
		{q(38412, ""), q(38214, ""), true}, // two closing levels of one index
		{q(38412, ""), q(410, ""), false},  // a level and a move
		{q(12, ""), q(13, ""), false},      // small bare numbers say too little
		{q(38412, ""), q(38214, "point"), false},
	}
	for _, tt := range tests {
		if got := bareLevels(tt.a, tt.b); got != tt.want {
			t.Errorf("bareLevels(%g %q, %g %q) = %v, want %v", tt.a.Value, tt.a.Unit, tt.b.Value, tt.b.Unit, got, tt.want)
		}
	}
}
