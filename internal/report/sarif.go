package report

import (
	"io"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/schemalint/schemalint/analyzers/config"
)

const informationURI = "https://github.com/schemalint/schemalint"

// WriteSARIF writes the report as a SARIF 2.1.0 log that GitHub code
// scanning accepts: the rules in tool.driver.rules (id, name, short and
// full description, helpUri, default level), one result per finding with
// ruleId, ruleIndex, level, message and physical location (file paths are
// relative to the repository root, as code scanning wants), the related
// places as relatedLocations and the suggested fixes as fixes. Findings
// without a Go position (a table nobody models) carry a logical location
// naming the database object.
func WriteSARIF(w io.Writer, r *Report) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI(r.Tool, informationURI)
	run.Tool.Driver.WithVersion(r.Version)
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.ID] = i
		d := run.AddRule(rule.ID).
			WithName(rule.Name).
			WithShortDescription(sarif.NewMultiformatMessageString(rule.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString(rule.Summary)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(rule.Severity)))
		if rule.URL != "" {
			d.WithHelpURI(rule.URL)
		}
		if rule.Help != "" {
			// SARIF requires text; markdown is what code scanning shows.
			d.WithHelp(&sarif.MultiformatMessageString{Text: &rule.Summary, Markdown: &rule.Help})
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		res := sarif.NewRuleResult(f.Rule).WithLevel(level(f.Severity)).WithMessage(sarif.NewTextMessage(f.Message))
		if i, ok := index[f.Rule]; ok {
			res.WithRuleIndex(i)
		}
		if f.Pos.File != "" {
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(physical(f.Pos, f.End)))
		} else if f.Object != "" {
			res.AddLocation(sarif.NewLocation().WithLogicalLocations([]*sarif.LogicalLocation{
				sarif.NewLogicalLocation().WithFullyQualifiedName(f.Object).WithKind("table"),
			}))
		}
		if f.Subject != "" {
			res.WithPartialFingerPrints(map[string]any{"schemalintSubject/v1": f.Rule + "|" + f.Subject})
		}
		for j, rel := range f.Related {
			if rel.Pos.File == "" {
				continue
			}
			res.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(physical(rel.Pos, nil)).
				WithId(j + 1).WithMessage(sarif.NewTextMessage(rel.Message)))
		}
		for _, fix := range f.Fixes {
			res.AddFix(sarifFix(fix))
		}
		run.AddResult(res)
	}
	if len(run.Results) == 0 {
		run.Results = []*sarif.Result{}
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
}

// physical locates a position (and its end, when known) in a file of the
// repository; columns are Go's, in bytes.
func physical(pos Position, end *Position) *sarif.PhysicalLocation {
	region := sarif.NewRegion().WithStartLine(max(pos.Line, 1))
	if pos.Column > 0 {
		region.WithStartColumn(pos.Column)
	}
	if end != nil && end.Line >= pos.Line && end.Line > 0 {
		region.WithEndLine(end.Line)
		if end.Column > 0 {
			region.WithEndColumn(end.Column)
		}
	}
	return sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(pos.File)).
		WithRegion(region)
}

func artifact(file string) *sarif.ArtifactLocation {
	return sarif.NewSimpleArtifactLocation(file).WithUriBaseId("%SRCROOT%")
}

// sarifFix turns a suggested fix into SARIF's artifact changes, one per
// file, each edit a replacement of a byte range: byte offsets are exact,
// where SARIF's default column unit (UTF-16) and Go's (bytes) differ on
// non-ASCII lines.
func sarifFix(fix Fix) *sarif.Fix {
	out := sarif.NewFix().WithDescriptionText(fix.Message)
	byFile := map[string]*sarif.ArtifactChange{}
	for _, e := range fix.Edits {
		ch := byFile[e.File]
		if ch == nil {
			ch = sarif.NewArtifactChange(artifact(e.File))
			byFile[e.File] = ch
			out.AddArtifactChanges(ch)
		}
		region := sarif.NewRegion().WithByteOffset(e.Start.Offset).WithByteLength(max(e.End.Offset-e.Start.Offset, 0))
		if e.Start.Line > 0 && e.End.Line >= e.Start.Line {
			// Also lines and columns, as the results give them, for
			// viewers that do not read offsets.
			region.WithStartLine(e.Start.Line).WithStartColumn(max(e.Start.Column, 1)).
				WithEndLine(e.End.Line).WithEndColumn(max(e.End.Column, 1))
		}
		ch.WithReplacement(sarif.NewReplacement(region).WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
	}
	return out
}

func level(s config.Severity) string {
	switch s {
	case config.Error:
		return "error"
	case config.Warning:
		return "warning"
	}
	return "note"
}
