package load

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// TestDiscoveryAgreesWithLint: drift compares exactly the models lint
// checks, on the discovery fixtures (every edge case of what a model is),
// and lists every struct it leaves out with the reason.
func TestDiscoveryAgreesWithLint(t *testing.T) {
	dir, err := filepath.Abs("../../analyzers/bunmodel/testdata")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, fset, err := loadPackages(t.Context(), dir, []string{"./discovery", "./tagged"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := discover(pkgs, fset, dir)
	if err != nil {
		t.Fatal(err)
	}
	var drift []string
	for _, m := range d.Models {
		drift = append(drift, m.Package+"."+m.Name)
	}

	all, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./discovery", "./tagged")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{bunmodel.Analyzer}, all, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lint []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, m := range act.Result.(*bunmodel.Result).Models {
			lint = append(lint, act.Package.PkgPath+"."+m.Obj.Name())
		}
	}
	slices.Sort(drift)
	slices.Sort(lint)
	if !slices.Equal(drift, lint) || len(lint) != 11 {
		t.Errorf("drift compares %v\nlint checks %v", drift, lint)
	}
	excluded := strings.Join(d.Excluded, "\n")
	for _, want := range []string{
		"fixtures/discovery.Stat is not a model: has bun tags but its package never uses it as a model",
		"fixtures/discovery.AccountRow is not a model: embeds model Post",
		"fixtures/tagged.Part is not a model: embedded by Gadget (a mixin)",
	} {
		if !strings.Contains(excluded, want) {
			t.Errorf("excluded lacks %q:\n%s", want, excluded)
		}
	}
}
