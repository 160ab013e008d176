package bunmodel_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// TestDiscover: every case of testdata/discovery and testdata/tagged gets
// the verdict its comment states, with the reason; the analyzer's models
// are exactly the verdicts that say model.
func TestDiscover(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata"}, "./discovery", "./tagged")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fixtures do not load")
	}
	want := map[string]string{ // struct -> "model: reason" or "not: reason"
		"Post":       "model: embeds bun.BaseModel",
		"PostDraft":  "not: embeds model Post but is never used as a model in its package",
		"Rule":       "model: embeds bun.BaseModel",
		"AllowRule":  "model: used as a model: Model(...) at models.go:",
		"IDBase":     "not: embedded by Account (a mixin)",
		"Audited":    "not: embedded by Account (a mixin)",
		"Account":    "model: used as a model: Model(...) at models.go:",
		"Settings":   "not: stored as JSON in Account.Settings",
		"Person":     "model: used as a model: the target of relation Account.Owner",
		"AccountRow": "not: embeds model Post but is never used as a model in its package (a scan or view struct",
		"Event":      "model: used as a model: Model(...) at models.go:",
		"Tag":        "model: used as a model: RegisterModel(...) at models.go:",
		"Note":       "model: used as a model: Model(...) at models.go:",
		"Stat":       "not: has bun tags but its package never uses it as a model",
		"BaseRecord": "not: embedded by Invoice, which adds its own columns, and never used as a model itself (a mixin)",
		"Invoice":    "model: embeds bun.BaseModel through BaseRecord",
		"Widget":     "model: has bun tags (models: tagged)",
		"Part":       "not: embedded by Gadget (a mixin)",
		"Gadget":     "model: has bun tags (models: tagged)",
	}
	got := map[string]string{}
	var models []string
	for _, p := range pkgs {
		opts, err := bunmodel.OptionsFor(filepath.Dir(p.GoFiles[0]))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range bunmodel.Discover(p.Fset, p.Syntax, p.TypesInfo, bunmodel.NewReader(), opts) {
			verdict := "not: "
			if v.Model {
				verdict = "model: "
				models = append(models, v.Obj.Name())
			}
			got[v.Obj.Name()] = verdict + v.Reason
		}
	}
	for name, w := range want {
		if !strings.HasPrefix(got[name], w) {
			t.Errorf("%s: got %q, want %q...", name, got[name], w)
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: unexpected verdict %q", name, g)
		}
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{bunmodel.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var analyzed []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, m := range act.Result.(*bunmodel.Result).Models {
			analyzed = append(analyzed, m.Obj.Name())
		}
	}
	sort.Strings(models)
	sort.Strings(analyzed)
	if strings.Join(models, " ") != strings.Join(analyzed, " ") {
		t.Errorf("the analyzer's models %v differ from the verdicts %v", analyzed, models)
	}
}
