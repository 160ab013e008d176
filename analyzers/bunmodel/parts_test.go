package bunmodel_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// analyze runs the bunmodel analyzer on a package of the module and
// returns its result.
func analyze(t *testing.T, path string) *bunmodel.Result {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, path)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", path)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{bunmodel.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(graph.Roots) == 0 {
		t.Fatalf("%s: no result", path)
	}
	act := graph.Roots[0]
	if act.Err != nil {
		t.Fatal(act.Err)
	}
	return act.Result.(*bunmodel.Result)
}

// TestParts: every model and every struct a model flattens into itself
// (anonymously or with embed:) is a part, once, attributed to the first
// model using it.
func TestParts(t *testing.T) {
	res := analyze(t, "github.com/schemalint/schemalint/analyzers/bunmodel/internal/agree")
	var names []string
	first := map[string]string{}
	for _, p := range res.Parts() {
		names = append(names, p.Name)
		first[p.Name] = p.Model.Obj.Name()
		if !p.Local() || p.Table == nil {
			t.Errorf("part %s: local %v, table %v", p.Name, p.Local(), p.Table)
		}
	}
	want := []string{
		"Shadowing", "Base", "Customer", "Address", "Ambiguous", "A", "B", "TaggedWins", "C",
		"Parent", "Child", "DeepBase", "Deep", "Types", "Author", "Profile", "Book", "Tag", "BookTag",
		"ImplicitJoin", "Groups", "Generic",
	}
	if !slices.Equal(names, want) {
		t.Errorf("parts\n%q\nwant\n%q", names, want)
	}
	for part, model := range map[string]string{"Base": "Shadowing", "Address": "Customer", "C": "TaggedWins", "Parent": "Parent"} {
		if first[part] != model {
			t.Errorf("part %s attributed to %s, want %s", part, first[part], model)
		}
	}
}

// TestImported: the models of imported packages, directly or not, reach
// the importer through their facts. The migrations import the reference
// schema, and bun/migrate with its Migration model and the migrationLock
// struct its code uses as one (whose tables Bun names only at run time, so
// statically they are "migrations" and "migration_locks").
func TestImported(t *testing.T) {
	res := analyze(t, "github.com/schemalint/schemalint/migrations")
	tables := map[string]string{}
	for _, m := range res.Imported {
		tables[m.Obj.Pkg().Path()+"."+m.Obj.Name()] = m.Fact.Table
	}
	const schema = "github.com/schemalint/schemalint/schema."
	if len(tables) != 44 || tables[schema+"RolePermission"] != "role_permissions" ||
		tables["github.com/uptrace/bun/migrate.Migration"] != "migrations" || tables["github.com/uptrace/bun/migrate.migrationLock"] != "migration_locks" {
		t.Errorf("imported models: %v", tables)
	}
}
