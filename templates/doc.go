// Package templates holds the briefing templates as an embedded file system: briefing.md.tmpl
// (the Markdown briefing), index.md.tmpl (the batch index of stories) and page.html.tmpl (the
// HTML page the rendered Markdown goes into).
// It holds no logic: the report package parses and fills them.
package templates

import "embed"

// FS holds the templates.
//
//go:embed *.tmpl
var FS embed.FS
