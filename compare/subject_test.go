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
