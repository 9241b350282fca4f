package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/source"
)

// sarifSchema is the SARIF 2.1.0 JSON schema. .ci/run fetches Microsoft's copy (from the npm
// package @microsoft/jest-sarif, checksum pinned) into .cache/; set CROSSCHECK_SARIF_SCHEMA to
// use another.
func sarifSchema(t *testing.T) string {
	p := os.Getenv("CROSSCHECK_SARIF_SCHEMA")
	if p == "" {
		p = filepath.Join("..", ".cache", "sarif-schema-2.1.0.json")
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("SARIF schema not at %s (bash .ci/run fetches it)", p)
	}
	return p
}

func seedsReport(t *testing.T) report.Report { return storyReport(t, "../seeds") }

// storyReport runs the pipeline on a directory of articles, without reviews.
func storyReport(t *testing.T, dir string) report.Report {
	t.Helper()
	files, probs := source.Collect([]string{dir})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	docs, _ := source.Load(context.Background(), files, source.Options{})
	return report.Build(docs, compare.Compare(docs, facts.Extract(docs), compare.Options{}), nil)
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	schemaPath := sarifSchema(t)
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	r := seedsReport(t)
	// A dismissed flag carries a suppression: cover that shape too.
	for i := range r.Findings {
		if r.Findings[i].IsFlag() {
			r.Findings[i].Review = &report.Review{Decision: "dismissed", Note: "house style"}
			break
		}
	}
	out, err := report.SARIF(r)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	json.Unmarshal(out, &log)
	flags := 0
	for _, f := range r.Findings {
		if f.IsFlag() {
			flags++
		}
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) != flags {
		t.Fatalf("SARIF has %d runs and not one result per flag (%d)", len(log.Runs), flags)
	}
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "" || loc.Region.StartLine < 1 {
			t.Errorf("result without a file and line: %+v", loc)
		}
	}
}

// The schema test must be able to fail: a log without its version does not validate.
func TestSARIFSchemaRejectsABrokenLog(t *testing.T) {
	raw, _ := os.ReadFile(sarifSchema(t))
	doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	c := jsonschema.NewCompiler()
	c.AddResource("sarif.json", doc)
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"runs": [{"results": []}]}`)))
	if sch.Validate(bad) == nil {
		t.Error("a log with no version and no tool validated")
	}
}
