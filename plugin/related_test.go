package plugin

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
)

// diagnostics runs as on the fixture module's packages and returns the
// root analyzers' diagnostics.
func diagnostics(t *testing.T, as []*analysis.Analyzer, patterns ...string) ([]analysis.Diagnostic, *token.FileSet) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata/mod"}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load")
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []analysis.Diagnostic
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		out = append(out, act.Diagnostics...)
	}
	return out, pkgs[0].Fset
}

// TestRelatedFoldedIntoMessage: the plugin's diagnostics carry no related
// places, which golangci-lint would report as issues of their own (left
// behind by --fix); the places end the message instead, relative to the
// finding's file. The fixes stay, and edit only the finding's file, the
// only one golangci-lint applies edits to.
func TestRelatedFoldedIntoMessage(t *testing.T) {
	p, err := New(map[string]any{"dialect": []any{"postgres", "mysql"}})
	if err != nil {
		t.Fatal(err)
	}
	// The same rules without the plugin's folding: the fixture's finding
	// has related places, so the test below is not vacuous.
	plain, _ := diagnostics(t, analyzers.New(p.(*plugin).env), "./fkfix/...")
	if len(plain) != 1 || len(plain[0].Related) != 2 {
		t.Fatalf("fixture: want one finding with two related places, got %+v", plain)
	}

	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	diags, fset := diagnostics(t, as, "./fkfix/...")
	if len(diags) != 1 {
		t.Fatalf("want one finding, got %+v", diags)
	}
	d := diags[0]
	if len(d.Related) != 0 {
		t.Errorf("related places left in the diagnostic: %+v", d.Related)
	}
	const see = " (see models/models.go:24: models.User.OrgID is declared here; line 24: the foreign key is declared here)"
	if !strings.HasPrefix(d.Message, "SL200: ") || !strings.HasSuffix(d.Message, see) {
		t.Errorf("message %q, want SL200's ending in %q", d.Message, see)
	}
	if len(d.SuggestedFixes) != 1 {
		t.Fatalf("fixes %+v, want SL200's one", d.SuggestedFixes)
	}
	file := fset.File(d.Pos)
	for _, e := range d.SuggestedFixes[0].TextEdits {
		if fset.File(e.Pos) != file {
			t.Errorf("fix edits %s, outside the finding's file %s", fset.Position(e.Pos), file.Name())
		}
	}
}

// TestFixesEditingAnotherFileDropped: golangci-lint would apply only the
// edits in the finding's file, so a fix that also edits another file is
// dropped, and the finding's fixes confined to its file stay.
func TestFixesEditingAnotherFileDropped(t *testing.T) {
	fset := token.NewFileSet()
	a := fset.AddFile("models/a.go", -1, 100)
	b := fset.AddFile("models/b.go", -1, 100)
	here := analysis.SuggestedFix{Message: "here", TextEdits: []analysis.TextEdit{{Pos: a.Pos(10), End: a.Pos(12)}, {Pos: a.Pos(50), End: a.Pos(50)}}}
	split := analysis.SuggestedFix{Message: "split", TextEdits: []analysis.TextEdit{{Pos: a.Pos(20), End: a.Pos(20)}, {Pos: b.Pos(5), End: b.Pos(5)}}}
	elsewhere := analysis.SuggestedFix{Message: "elsewhere", TextEdits: []analysis.TextEdit{{Pos: b.Pos(7), End: b.Pos(9)}}}

	d := localFixes(fset, analysis.Diagnostic{Pos: a.Pos(1), SuggestedFixes: []analysis.SuggestedFix{split, here, elsewhere}})
	if len(d.SuggestedFixes) != 1 || d.SuggestedFixes[0].Message != "here" {
		t.Errorf("fixes %+v, want only %q", d.SuggestedFixes, "here")
	}
	d = localFixes(fset, analysis.Diagnostic{Pos: a.Pos(1), SuggestedFixes: []analysis.SuggestedFix{split}})
	if len(d.SuggestedFixes) != 0 {
		t.Errorf("fixes %+v, want none", d.SuggestedFixes)
	}
}
