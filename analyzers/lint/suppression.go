package lint

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/config"
)

// SuppressionRule is SL000: //schemalint:ignore directives must name known
// rules, give a reason, and suppress something.
var SuppressionRule = &Rule{
	ID:       "SL000",
	Name:     "ignore-directive",
	Summary:  "//schemalint:ignore directives name known rules, give a reason, and suppress something",
	Severity: config.Warning,
	Doc: `A suppression must say why, or the next reader cannot tell a deliberate
exception from a silenced bug; and a suppression that no longer suppresses
anything hides the next real finding on that line. So:

    //schemalint:ignore SL005                     -> reported: no reason (and it suppresses nothing)
    //schemalint:ignore SL999 legacy table        -> reported: unknown rule
    //schemalint:ignore SL005 audit log, no rows are ever deleted   -> fine while SL005 fires here

A directive covers findings on its own line, on the next line when it stands
alone on its line, and anywhere inside the field, type or function whose doc
comment holds it. Several rules: //schemalint:ignore SL005,SL004 reason.
Unused directives are only reported for rules that are enabled.`,
}

// NewSuppressionAnalyzer builds SL000's analyzer, which runs after the
// given rule analyzers to learn which directives they used.
func NewSuppressionAnalyzer(env *Env, rules []*analysis.Analyzer) *analysis.Analyzer {
	r := SuppressionRule
	byName := map[string]*Rule{}
	for _, rule := range env.Rules() {
		byName[rule.AnalyzerName()] = rule
	}
	return &analysis.Analyzer{
		Name:     r.AnalyzerName(),
		Doc:      r.ID + ": " + r.Summary + "\n\n" + r.Doc,
		URL:      r.URL(),
		Requires: append([]*analysis.Analyzer{Directives}, rules...),
		Run: func(ap *analysis.Pass) (any, error) {
			l := env.load(packageDir(ap))
			if l.err != nil {
				return nil, l.err
			}
			sev, enabled := env.Severity(l.cfg, r.ID)
			if !enabled || l.cfg.Excluded(r.ID, "", "") {
				return nil, nil
			}
			used := map[*Directive]bool{}
			ran := map[string]bool{}
			for _, a := range rules {
				out, _ := ap.ResultOf[a].(*Outcome)
				if out == nil {
					continue
				}
				if rule := byName[a.Name]; rule != nil && out.Enabled {
					ran[rule.ID] = true
				}
				for _, d := range out.Used {
					used[d] = true
				}
			}
			report := func(d *Directive, msg string) {
				if env.PrefixID {
					msg = r.ID + ": " + msg
				}
				ap.Report(analysis.Diagnostic{Pos: d.Pos, Category: Category(r.ID, sev, ""), Message: msg, URL: r.URL()})
			}
			for _, d := range ap.ResultOf[Directives].(*DirectiveSet).All {
				text := DirectivePrefix + " " + strings.Join(d.Rules, ",")
				switch {
				case len(d.Rules) == 0:
					report(d, "//schemalint:ignore names no rule: write //schemalint:ignore SL005 <reason>")
					continue
				case d.Reason == "":
					report(d, fmt.Sprintf("%s has no reason, so it suppresses nothing: say why after the rule IDs", text))
					continue
				}
				var unknown []string
				for _, id := range d.Rules {
					if env.Rule(id) == nil {
						unknown = append(unknown, id)
					}
				}
				if len(unknown) > 0 {
					report(d, fmt.Sprintf("%s names unknown rule %s", text, strings.Join(unknown, ", ")))
					continue
				}
				if used[d] {
					continue
				}
				checked := false
				for _, id := range d.Rules {
					checked = checked || ran[id]
				}
				if checked {
					report(d, fmt.Sprintf("%s suppresses nothing here: remove it", text))
				}
			}
			return nil, nil
		},
	}
}
