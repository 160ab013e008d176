// Package linttest runs a schemalint rule over its testdata module with
// analysistest: `// want` comments state the expected findings, and
// `.golden` files the source after the suggested fixes.
//
// A rule's testdata directory is a Go module (go.mod, go.sum) that requires
// the real github.com/uptrace/bun and github.com/rs/xid, so fixtures are
// type-checked against the same Bun the users run. Each fixture package
// has its own .schemalint.yml so the repository's configuration does not
// leak in.
package linttest

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/schemalint/schemalint/analyzers/lint"
)

// Run checks rule against the packages in ./testdata matching patterns
// (default "./..."), fixes included.
func Run(t *testing.T, rule *lint.Rule, patterns ...string) []*analysistest.Result {
	t.Helper()
	return RunAnalyzer(t, Analyzer(rule), patterns...)
}

// Analyzer returns the analyzer of rule in an environment that knows only
// that rule (and the suppression rule).
func Analyzer(rule *lint.Rule) *analysis.Analyzer {
	return lint.NewAnalyzer(lint.NewEnv([]*lint.Rule{rule, lint.SuppressionRule}), rule)
}

// RunAnalyzer runs any analyzer over ./testdata, fixes included.
func RunAnalyzer(t *testing.T, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return analysistest.RunWithSuggestedFixes(t, dir, a, patterns...)
}
