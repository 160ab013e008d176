package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
)

// TestRobustness runs every rule over valid but unusual Go (generics, type
// aliases, pointer and cross-package embedding, recursion, cgo, models in
// test files and in functions, malformed tags, relations Bun would panic
// on): every analyzer must finish without error or panic, and the
// findings must name real positions.
func TestRobustness(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata/robust", Tests: true}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fixture does not load")
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.NewEnv()), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			findings++
			if !d.Pos.IsValid() || act.Package.Fset.Position(d.Pos).Filename == "" {
				t.Errorf("%s: diagnostic without position: %s", act.Analyzer.Name, d.Message)
			}
		}
	}
	if findings == 0 {
		t.Error("no findings at all on a fixture full of problems: the analyzers did not run")
	}
}
