// Package lint is the small framework schemalint's rules share: rule
// metadata, configuration per package, reporting with severities,
// exclusions and //schemalint:ignore suppressions, and tag fixes.
package lint

import (
	"fmt"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
)

// Rule describes a rule. IDs are stable: once shipped, an ID never changes
// meaning.
type Rule struct {
	// ID is the stable identifier, e.g. "SL005".
	ID string
	// Name is a short kebab-case name, e.g. "soft-delete".
	Name string
	// Summary is one line: what the rule asks.
	Summary string
	// Doc is the rule's documentation (what, why, examples, options), in
	// Markdown; the package's doc.go holds the same text for godoc.
	Doc string
	// Severity is the default severity.
	Severity config.Severity
	// Options returns a pointer to the rule's options struct holding the
	// defaults, or nil for a rule without options.
	Options func() any
	// Requires lists extra analyzers the rule's Run needs.
	Requires []*analysis.Analyzer
	// Run checks one package.
	Run func(*Pass) error
}

// URL is the rule's documentation link.
func (r *Rule) URL() string {
	return "https://github.com/schemalint/schemalint/blob/main/docs/rules.md#" + strings.ToLower(r.ID)
}

// AnalyzerName is the rule's analyzer name: its Name with underscores, a
// valid identifier as go/analysis requires.
func (r *Rule) AnalyzerName() string { return strings.ReplaceAll(r.Name, "-", "_") }

// Outcome is the result of a rule's analyzer: the suppression directives
// it honoured, so the directive checker can report unused ones, and
// whether the rule was enabled.
type Outcome struct {
	Enabled bool
	Used    []*Directive
}

var outcomeType = reflect.TypeFor[*Outcome]()

// NewAnalyzer builds the analyzer of rule r in env.
func NewAnalyzer(env *Env, r *Rule) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       r.AnalyzerName(),
		Doc:        r.ID + ": " + r.Summary + "\n\n" + r.Doc,
		URL:        r.URL(),
		Requires:   append([]*analysis.Analyzer{bunmodel.Analyzer, Directives, Keys}, r.Requires...),
		ResultType: outcomeType,
		Run: func(ap *analysis.Pass) (_ any, err error) {
			// A rule that trips on code no fixture had must not take the
			// whole run (and every other rule's findings) down with it.
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("%s: internal error on package %s (please report it with the code that caused it): %v", r.ID, ap.Pkg.Path(), v)
				}
			}()
			p, err := env.newPass(ap, r)
			if err != nil {
				return nil, err
			}
			if !p.enabled {
				return &Outcome{}, nil
			}
			if err := r.Run(p); err != nil {
				return nil, fmt.Errorf("%s: %w", r.ID, err)
			}
			return &Outcome{Enabled: true, Used: p.used}, nil
		},
	}
}
