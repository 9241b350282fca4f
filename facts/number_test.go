package facts

import (
	"math"
	"strings"
	"testing"
)

func quantities(s string) []Quantity_ {
	return extractQuantities(s, Tokenize(s, 0))
}

func TestQuantities(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		text, span string
		value      float64
		lo, hi     float64
		unit       string
	}{
		{"The 33-page report was released.", "33-page", 33, 33, 33, "page"},
		{"The strategy runs to 29 pages.", "29 pages", 29, 29, 29, "page"},
		{"Moscow agreed to a thirty-day moratorium.", "thirty-day", 30, 30, 30, "day"},
		{"strikes stopped for a period of 30 days", "30 days", 30, 30, 30, "day"},
		{"at least 150 people died", "at least 150", 150, 150, inf, "person"},
		{"nearly four-year-old war", "nearly four-year-old", 4, 3.2, 4, "year"},
		{"more than 2,000 homes", "more than 2,000", 2000, 2000, inf, "home"},
		{"most of the $350 billion in aid", "$350 billion", 3.5e11, 3.5e11, 3.5e11, "usd"},
		{"defence spending of 5% of GDP", "5%", 5, 5, 5, "percent"},
		{"a rise of 3.5 per cent", "3.5 per cent", 3.5, 3.5, 3.5, "percent"},
		{"one hundred and five passengers", "one hundred and five", 105, 105, 105, "passenger"},
		{"twenty-nine pages", "twenty-nine", 29, 29, 29, "page"},
		{"between 10 and 12 boats", "between 10 and 12", 10, 10, 12, "boat"},
		{"revenue of 4.2bn dollars", "4.2bn dollars", 4.2e9, 4.2e9, 4.2e9, "usd"},
		{"ten miles north", "ten miles", 10, 10, 10, "mile"},
		{"16 kilometres north", "16 kilometres", 16, 16, 16, "km"},
		{"about 2,500 drones", "about 2,500", 2500, 2125, 2875, "drone"},
		{"a forecast of $41 billion to $43 billion", "$41 billion to $43 billion", 4.1e10, 4.1e10, 4.3e10, "usd"},
		{"revenue between $41 billion and $43 billion", "between $41 billion and $43 billion", 4.1e10, 4.1e10, 4.3e10, "usd"},
		{"the index fell three point one percent", "three point one percent", 3.1, 3.1, 3.1, "percent"},
		{"the water warmed by 1.5 degrees Celsius", "1.5 degrees", 1.5, 1.5, 1.5, "celsius"},
		{"surface temperatures rose 2.7 degrees Fahrenheit", "2.7 degrees", 2.7, 2.7, 2.7, "fahrenheit"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			qs := quantities(tt.text)
			if len(qs) != 1 {
				t.Fatalf("found %d quantities, want 1: %+v", len(qs), qs)
			}
			q := qs[0]
			if got := tt.text[q.Start:q.End]; got != tt.span && !(len(got) > len(tt.span) && got[:len(tt.span)] == tt.span) {
				t.Errorf("span %q, want %q", got, tt.span)
			}
			if q.Q.Value != tt.value || q.Q.Low != tt.lo || q.Q.High != tt.hi || q.Q.Unit != tt.unit {
				t.Errorf("got value %g [%g, %g] unit %q; want %g [%g, %g] %q", q.Q.Value, q.Q.Low, q.Q.High, q.Q.Unit, tt.value, tt.lo, tt.hi, tt.unit)
			}
		})
	}
}

func TestNotQuantities(t *testing.T) {
	for _, text := range []string{
		"It happened in 2014, when the war began.",
		"The talks are on June 2 in Istanbul.",
		"He arrived at 16:13 local time.",
		"Under Article 5 of the treaty.",
		"One of the officials said so.",
		"The 80th anniversary of Victory Day.",
		"Covid-19 cases rose.",
		"The 2014 annexation of Crimea.",
	} {
		if qs := quantities(text); len(qs) != 0 {
			t.Errorf("%q: found %d quantities (%q), want none", text, len(qs), text[qs[0].Start:qs[0].End])
		}
	}
}

func TestTally(t *testing.T) {
	qs := quantities("The court ruled 6-3 in favour.")
	if len(qs) != 1 || !qs[0].Q.Tally || qs[0].Q.Low != 6 || qs[0].Q.High != 3 {
		t.Fatalf("got %+v", qs)
	}
	qs = quantities("The judges voted six to three.")
	if len(qs) != 1 || !qs[0].Q.Tally || qs[0].Q.Low != 6 || qs[0].Q.High != 3 {
		t.Fatalf("got %+v", qs)
	}
}

// A numeral ordinal ranks the noun after it, within the frame an "of" gives; without a noun, or
// before a month, it belongs to a date.
func TestOrdinals(t *testing.T) {
	tests := []struct {
		text, dim string
		value     float64
	}{
		{"heading the winner in the 87th minute at the stadium", "ordinal:minute", 87},
		{"a cross in the 42nd minute of the second half", "ordinal:minute:of:second-half", 42},
		{"the club's 21st title", "ordinal:title", 21},
	}
	for _, tt := range tests {
		qs := quantities(tt.text)
		if len(qs) != 1 || qs[0].Q.Dim != tt.dim || qs[0].Q.Value != tt.value {
			t.Errorf("%q: %+v, want %v %s", tt.text, qs, tt.value, tt.dim)
		}
	}
	for _, text := range []string{"the final held on the 23rd (local time)", "on the 3rd March", "she finished 3rd."} {
		for _, q := range quantities(text) {
			if strings.HasPrefix(q.Q.Dim, "ordinal:") {
				t.Errorf("%q: read %q as a ranked figure", text, text[q.Start:q.End])
			}
		}
	}
}

func TestFractionsInWords(t *testing.T) {
	tests := []struct {
		text string
		want float64 // percent; 0 for no fraction
	}{
		{"The district must cut its pumping by one-fifth over five years.", 20},
		{"Around a third of the lakes are in Sweden.", 100.0 / 3},
		{"Two thirds of the voters stayed home.", 200.0 / 3},
		{"Sales fell by a quarter.", 25},
		{"Three-quarters of the seats went to the coalition.", 75},
		{"It is a fifth cup for Castellar.", 0},
		{"He scored in the second half.", 0},
		{"Their fifth title came in 2019.", 0},
	}
	for _, tt := range tests {
		var got float64
		for _, q := range quantities(tt.text) {
			if q.Q.Unit == "percent" {
				got = q.Q.Value
			}
		}
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%q: %v percent, want %v", tt.text, got, tt.want)
		}
	}
}
