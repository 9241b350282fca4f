// Package source loads article files (.txt, .md, .html) into Documents: it reads front matter or a
// manifest, infers the dateline and outlet when they are missing, strips site chrome and splits the
// body into sentences whose byte offsets and line numbers point into the original file.
// It does not interpret the text beyond that: facts are the facts package's job.
package source
