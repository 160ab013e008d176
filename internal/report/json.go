package report

import (
	"encoding/json"
	"io"

	"github.com/schemalint/schemalint/analyzers/config"
)

// JSONVersion is the version of the JSON output schema; it changes only
// when a field changes meaning or disappears (new fields may be added).
const JSONVersion = 1

type jsonReport struct {
	Version  int                     `json:"version"`
	Tool     jsonTool                `json:"tool"`
	Findings []Finding               `json:"findings"`
	Summary  map[config.Severity]int `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// WriteJSON writes the report as one JSON document:
//
//	{"version": 1, "tool": {"name": "schemalint", "version": "..."},
//	 "findings": [{"rule": "SL005", "name": "soft-delete", "severity": "error",
//	   "message": "...", "position": {"file": "schema/user.go", "line": 40, "column": 2},
//	   "package": "...", "subject": "User.DeletedAt", "url": "...",
//	   "fixes": [{"message": "...", "edits": [{"file": "...", "start": {...}, "end": {...}, "new_text": "..."}]}],
//	   "related": [{"position": {...}, "message": "..."}]}],
//	 "summary": {"error": 1, "warning": 0, "info": 0}}
//
// findings is always an array, empty when there is nothing to report.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: JSONVersion, Tool: jsonTool{Name: r.Tool, Version: r.Version},
		Findings: r.Findings, Summary: r.Counts()}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
