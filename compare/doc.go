// Package compare pairs facts across sources and judges each pair: agreement (the same value,
// perhaps written differently), conflict (values that cannot both hold) or different events.
// It blocks candidates through an inverted index so cost grows with matches, not all pairs.
// It does not read files or render anything.
package compare
