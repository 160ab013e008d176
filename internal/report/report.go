// Package report writes schemalint's findings — lint and drift alike — as
// text, JSON, SARIF 2.1.0 or GitHub workflow annotations.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
)

// Report is one run's findings and the rules they come from.
type Report struct {
	// Tool and Version name the program.
	Tool, Version string
	// Rules are the rules that could report, for SARIF's rule list.
	Rules []Rule
	// Findings, in the order to print them (see Sort).
	Findings []Finding
}

// Rule describes a rule.
type Rule struct {
	ID, Name, Summary string
	// Help is the rule's documentation in Markdown.
	Help     string
	URL      string
	Severity config.Severity
}

// Finding is one problem.
type Finding struct {
	Rule     string          `json:"rule"`
	Name     string          `json:"name"`
	Severity config.Severity `json:"severity"`
	Message  string          `json:"message"`
	// Pos is where the finding is; End, when set, where it ends. Pos.File
	// is empty for findings about a database object with no Go position.
	Pos Position  `json:"position"`
	End *Position `json:"end,omitempty"`
	// Package is the Go package the finding was reported in.
	Package string `json:"package,omitempty"`
	// Subject identifies what the finding is about independently of line
	// numbers (User.DeletedAt, table users): baselines match on it.
	Subject string `json:"subject,omitempty"`
	// Object is the database object of a drift finding (table.column).
	Object string `json:"object,omitempty"`
	// SQL is the statement that would repair a drift finding (never run).
	SQL     string    `json:"sql,omitempty"`
	URL     string    `json:"url,omitempty"`
	Fixes   []Fix     `json:"fixes,omitempty"`
	Related []Related `json:"related,omitempty"`
}

// Position is a place in a file, lines and columns from 1; Offset is a
// byte offset, set for fix edits.
type Position struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Offset int    `json:"offset,omitempty"`
}

func (p Position) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Fix is a suggested change.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces the bytes from Start to End of a file with NewText.
type Edit struct {
	File    string   `json:"file"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	NewText string   `json:"new_text"`
}

// Related is a secondary place that explains a finding.
type Related struct {
	Pos     Position `json:"position"`
	Message string   `json:"message"`
}

// Sort orders findings by file, line, column, rule and message.
func (r *Report) Sort() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return a.Message < b.Message
	})
}

// Counts returns how many findings there are of each severity.
func (r *Report) Counts() map[config.Severity]int {
	c := map[config.Severity]int{config.Error: 0, config.Warning: 0, config.Info: 0}
	for i := range r.Findings {
		c[r.Findings[i].Severity]++
	}
	return c
}

// AtLeast counts the findings at or above severity floor.
func (r *Report) AtLeast(floor config.Severity) int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Severity.Rank() >= floor.Rank() {
			n++
		}
	}
	return n
}

// Formats are the output formats.
var Formats = []string{"text", "json", "sarif", "github"}

// Write writes the report in a format. color applies to text only.
func Write(w io.Writer, format string, r *Report, color bool) error {
	switch format {
	case "text":
		return WriteText(w, r, color)
	case "json":
		return WriteJSON(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	case "github":
		return WriteGitHub(w, r)
	}
	return fmt.Errorf("unknown format %q: want %s", format, strings.Join(Formats, ", "))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
