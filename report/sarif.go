package report

import (
	"encoding/json"
	"sort"
)

// SARIF 2.1.0 output, for code hosts and reviewdog to annotate the article files at the
// flagged lines. Each flag is a result at its first claim's line, with the other claims as
// related locations; dismissed flags carry an accepted suppression.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string      `json:"id"`
	ShortDescription sarifText   `json:"shortDescription"`
	DefaultConfig    sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []sarifSuppress   `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int       `json:"startLine"`
	Snippet   sarifText `json:"snippet"`
}

type sarifSuppress struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(severity string) string {
	switch severity {
	case "high":
		return "error"
	case "medium":
		return "warning"
	}
	return "note"
}

// SARIF renders the flags as a SARIF 2.1.0 log.
func SARIF(r Report) ([]byte, error) {
	files := map[string]string{}
	for _, s := range r.Sources {
		files[s.ID] = s.File
	}
	ruleIdx := map[string]int{}
	var rules []sarifRule
	var results []sarifResult
	for _, f := range r.Findings {
		if !f.IsFlag() || len(f.Claims) == 0 {
			continue
		}
		id := f.Status + "/" + f.Kind
		if _, ok := ruleIdx[id]; !ok {
			ruleIdx[id] = -1
			rules = append(rules, sarifRule{ID: id, ShortDescription: sarifText{"sources " + map[string]string{
				"conflict": "disagree on a " + f.Kind, "variant": "write a " + f.Kind + " in different ways"}[f.Status]},
				DefaultConfig: sarifConfig{Level: "warning"}})
		}
		res := sarifResult{RuleID: id, Level: sarifLevel(f.Severity),
			PartialFingerprints: map[string]string{"crosscheckFindingId/v1": f.ID}}
		msg := f.Fact
		if f.Note != "" {
			msg += ": " + f.Note
		}
		res.Message = sarifText{msg}
		for k, c := range f.Claims {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: files[c.Source]},
				Region: sarifRegion{StartLine: max(c.Line, 1), Snippet: sarifText{c.Passage}}}}
			if k == 0 {
				res.Locations = append(res.Locations, loc)
				continue
			}
			n := k
			loc.ID, loc.Message = &n, &sarifText{c.Source + " says " + c.Value}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		if f.Review != nil && f.Review.Decision == "dismissed" && !f.Review.Stale {
			res.Suppressions = []sarifSuppress{{Kind: "external", Status: "accepted", Justification: f.Review.Note}}
		}
		results = append(results, res)
	}
	sort.SliceStable(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	for i, ru := range rules {
		ruleIdx[ru.ID] = i
	}
	for i := range results {
		results[i].RuleIndex = ruleIdx[results[i].RuleID]
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	if results == nil {
		results = []sarifResult{}
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{Driver: sarifDriver{Name: "crosscheck",
			InformationURI: "https://github.com/crosscheck-news/crosscheck", Rules: rules}}, Results: results}}}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
