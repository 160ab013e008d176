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
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
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

// Clean runs rule on real packages of the module (patterns as for go
// list, e.g. "github.com/schemalint/schemalint/schema") and fails the test
// for every finding. The packages are judged with the default
// configuration, so no exclusion in a .schemalint.yml can hide a finding.
// The test also fails when the packages declare no Bun model at all: a
// clean result must come from a rule that had something to look at.
func Clean(t *testing.T, rule *lint.Rule, patterns ...string) {
	t.Helper()
	env := lint.NewEnv([]*lint.Rule{rule, lint.SuppressionRule})
	env.Static = &config.Config{}
	a := lint.NewAnalyzer(env, rule)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("packages %v do not load", patterns)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a, bunmodel.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if res, ok := act.Result.(*bunmodel.Result); ok {
			models += len(res.Models)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if models == 0 {
		t.Fatalf("packages %v declare no Bun model: nothing was checked", patterns)
	}
}
