// Package facts extracts typed facts from a Document's sentences: quantities (digits and number
// words, units, qualifiers, ranges), dates (absolute, weekday and relative, resolved against the
// publication date) and quotes. Each fact holds byte spans into the document; it judges nothing.
package facts
