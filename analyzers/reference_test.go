package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// TestReferenceSchemaLintsClean runs every rule, with the repository's
// .schemalint.yml, over the reference schema and its migrations: no
// finding, and no suppression directive anywhere.
func TestReferenceSchemaLintsClean(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: ".."}
	pkgs, err := packages.Load(cfg, "./schema/...", "./migrations/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load")
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.NewEnv()), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			id, _, _ := lint.ParseCategory(d.Category)
			t.Errorf("%s: %s %s", act.Package.Fset.Position(d.Pos), id, d.Message)
		}
		if res, ok := act.Result.(*lint.Outcome); ok && len(res.Used) > 0 {
			t.Errorf("%s: the reference schema uses %d suppression directive(s)", act.Analyzer.Name, len(res.Used))
		}
	}
}
