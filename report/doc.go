// Package report turns findings into what people and programs read: the JSON report (the
// contract in docs/json.md), the Markdown briefing, the HTML briefing rendered from it with
// goldmark, and word diffs of paired passages. Article text is escaped in every format.
package report
