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
// relative to the repository root, as code scanning wants). Findings
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
			region := sarif.NewRegion().WithStartLine(max(f.Pos.Line, 1))
			if f.Pos.Column > 0 {
				region.WithStartColumn(f.Pos.Column)
			}
			if f.End != nil && f.End.Line >= f.Pos.Line && f.End.Line > 0 {
				region.WithEndLine(f.End.Line)
				if f.End.Column > 0 {
					region.WithEndColumn(f.End.Column)
				}
			}
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.Pos.File).WithUriBaseId("%SRCROOT%")).
					WithRegion(region)))
		} else if f.Object != "" {
			res.AddLocation(sarif.NewLocation().WithLogicalLocations([]*sarif.LogicalLocation{
				sarif.NewLogicalLocation().WithFullyQualifiedName(f.Object).WithKind("table"),
			}))
		}
		if f.Subject != "" {
			res.WithPartialFingerPrints(map[string]any{"schemalintSubject/v1": f.Rule + "|" + f.Subject})
		}
		run.AddResult(res)
	}
	if len(run.Results) == 0 {
		run.Results = []*sarif.Result{}
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
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
