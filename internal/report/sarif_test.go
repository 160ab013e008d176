package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/schemalint/schemalint/analyzers/config"
)

// The SARIF 2.1.0 schema (OASIS, rtm.5), shared with the command's tests.
const sarifSchema = "../../cmd/schemalint/testdata/sarif/sarif-2.1.0-rtm.5.json"

// SARIF carries what text and JSON carry: related places and suggested
// fixes, and the result validates against the SARIF 2.1.0 schema.
func TestSARIFRelatedAndFixes(t *testing.T) {
	rep := &Report{Tool: "schemalint", Version: "test",
		Rules: []Rule{{ID: "SL200", Name: "fk-index", Summary: "index foreign keys", Help: "### What\n\ntext\n", URL: "https://example.com/sl200", Severity: config.Warning}},
		Findings: []Finding{{
			Rule: "SL200", Name: "fk-index", Severity: config.Warning, Message: "no index",
			Pos: Position{File: "migrations/init.go", Line: 17, Column: 16}, Subject: "projects.org_id",
			Related: []Related{
				{Pos: Position{File: "models/models.go", Line: 23, Column: 2}, Message: "models.Project.OrgID is declared here"},
				{Pos: Position{File: "migrations/init.go", Line: 18, Column: 15}, Message: "the foreign key is declared here"},
			},
			Fixes: []Fix{{Message: "add index idx_projects_org_id", Edits: []Edit{
				{File: "migrations/init.go", Start: Position{Line: 20, Column: 2, Offset: 400}, End: Position{Line: 20, Column: 2, Offset: 400}, NewText: "db.NewCreateIndex()...\n"},
				{File: "migrations/init.go", Start: Position{Line: 3, Column: 1, Offset: 20}, End: Position{Line: 3, Column: 9, Offset: 28}, NewText: "import \"x\""},
			}}},
		}, {
			Rule: "DR002", Severity: config.Info, Message: "table legacy exists", Object: "legacy",
		}},
	}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, buf.String())
	}
	type region struct {
		StartLine   int  `json:"startLine"`
		StartColumn int  `json:"startColumn"`
		EndColumn   int  `json:"endColumn"`
		ByteOffset  *int `json:"byteOffset"`
		ByteLength  *int `json:"byteLength"`
	}
	type physical struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region region `json:"region"`
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int      `json:"id"`
					PhysicalLocation physical `json:"physicalLocation"`
					Message          struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
				Fixes []struct {
					Description struct {
						Text string `json:"text"`
					} `json:"description"`
					ArtifactChanges []struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Replacements []struct {
							DeletedRegion   region `json:"deletedRegion"`
							InsertedContent struct {
								Text string `json:"text"`
							} `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results[0]
	if len(res.RelatedLocations) != 2 {
		t.Fatalf("related locations: %+v", res.RelatedLocations)
	}
	rel := res.RelatedLocations[0]
	if rel.ID != 1 || rel.PhysicalLocation.ArtifactLocation.URI != "models/models.go" || rel.PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		rel.PhysicalLocation.Region.StartLine != 23 || rel.Message.Text != "models.Project.OrgID is declared here" {
		t.Errorf("related location %+v", rel)
	}
	if len(res.Fixes) != 1 || res.Fixes[0].Description.Text != "add index idx_projects_org_id" || len(res.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v", res.Fixes)
	}
	ch := res.Fixes[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != "migrations/init.go" || len(ch.Replacements) != 2 {
		t.Fatalf("artifact change %+v", ch)
	}
	ins, repl := ch.Replacements[0], ch.Replacements[1]
	if *ins.DeletedRegion.ByteOffset != 400 || *ins.DeletedRegion.ByteLength != 0 || ins.InsertedContent.Text != "db.NewCreateIndex()...\n" {
		t.Errorf("insertion %+v", ins)
	}
	if *repl.DeletedRegion.ByteOffset != 20 || *repl.DeletedRegion.ByteLength != 8 || repl.DeletedRegion.StartLine != 3 || repl.DeletedRegion.EndColumn != 9 {
		t.Errorf("replacement %+v", repl)
	}
	if r := log.Runs[0].Results[1]; len(r.Fixes) != 0 || len(r.RelatedLocations) != 0 {
		t.Errorf("a drift finding gained fixes or related places: %+v", r)
	}
}
