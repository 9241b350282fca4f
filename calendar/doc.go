// Package calendar knows the names of months and weekdays in English and parses the date forms
// found in datelines ("5 Dec, 2025 16:13", "March 14, 2026", "3/2/2025", "2025-12-05").
// It finds nothing in running text: that is the facts package's job.
package calendar
