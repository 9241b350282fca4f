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

func TestAnaphoricTime(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"At that time the negotiations lasted about five hours.", true},
		{"Back then the talks ran to about five hours.", true},
		{"On that occasion three agreements were signed.", true},
		{"At the time of writing, 12 people were missing.", false},
		{"Then Hrytsenko headed the winner.", false},
		{"The talks lasted three hours.", false},
	}
	for _, tt := range tests {
		if got := anaphoricTime(facts.Tokenize(tt.text, 0)); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPriorSentence(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"A year earlier, it reported revenue of $3.7 billion and said profit had risen 9%.", true},
		{"In the same quarter last year, when revenue was $3.7 billion, profit rose 9 percent.", true},
		{"For comparison: in 2018, volumes grew 2.2 per cent.", true},
		{"Net income rose to $612 million, from $519 million a year earlier.", false},
		{"Revenue climbed to $4.2 billion, and profit rose 18 percent from a year ago.", false},
	}
	for _, tt := range tests {
		if got := priorSentence(facts.Tokenize(tt.text, 0)); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPeriodEnd(t *testing.T) {
	for before, want := range map[string]bool{
		"Net income for the three months to ":   true,
		"revenue for the quarter ended ":        true,
		"The toll rose on ":                     false,
		"the authority reported growth this in": false,
	} {
		if got := periodEnd(before); got != want {
			t.Errorf("%q: %v, want %v", before, got, want)
		}
	}
}
