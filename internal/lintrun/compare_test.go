package lintrun_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/internal/lintrun"
)

type loadFunc func(context.Context, string, bool, []string) ([]*packages.Package, error)

// lintWith runs every rule over the packages loaded by load and returns
// the findings as JSON, or the error message.
func lintWith(t *testing.T, load loadFunc, dir string, patterns ...string) string {
	t.Helper()
	pkgs, err := load(context.Background(), dir, true, patterns)
	if err != nil {
		return "error: " + err.Error()
	}
	env := analyzers.NewEnv()
	rep, err := lintrun.Analyze(env, analyzers.New(env), pkgs, dir)
	if err != nil {
		return "analyze error: " + err.Error()
	}
	b, err := json.MarshalIndent(rep.Findings, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// compare asserts the two-step driver finds exactly what the former
// LoadAllSyntax driver finds, and returns the findings.
func compare(t *testing.T, dir string, patterns ...string) string {
	t.Helper()
	want := lintWith(t, lintrun.LoadAllSyntax, dir, patterns...)
	got := lintWith(t, lintrun.Load, dir, patterns...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s %v: findings differ from the LoadAllSyntax driver (-old +new):\n%s", dir, patterns, diff)
	}
	return got
}

func abs(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(rel)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSameFindingsReference: the reference schema, whole and with only
// the migrations named (facts must still flow from ./schema).
func TestSameFindingsReference(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the repository's dependencies from source")
	}
	root := abs(t, "../..")
	compare(t, root, "./schema/...", "./migrations/...")
	compare(t, root, "./migrations/...")
}

// TestSameFindingsFixtures: every fixture module of cmd/schemalint and
// cmd/schemalint-drift, each package alone and the whole module,
// including packages that do not compile (the error message must be the
// same too).
func TestSameFindingsFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("loads dependencies from source")
	}
	td := abs(t, "../../cmd")
	cases := []struct {
		dir      string
		patterns []string
	}{
		{"schemalint/testdata/mod", []string{"./violations"}},
		{"schemalint/testdata/mod", []string{"./clean"}},
		{"schemalint/testdata/mod", []string{"./badconfig"}},
		{"schemalint/testdata/mod", []string{"./broken"}},
		{"schemalint/testdata/mod", []string{"./migs/..."}},
		{"schemalint/testdata/mod", []string{"./migs/migrations"}}, // facts from ./migs/models, not named
		{"schemalint/testdata/mod", []string{"./violations", "./clean", "./badconfig", "./migs/..."}},
		{"schemalint-drift/testdata/blockinit", []string{"./..."}},
		{"schemalint-drift/testdata/blockinit", []string{"./migrations"}},
		{"schemalint-drift/testdata/slowmig", []string{"./..."}},
		{"schemalint-drift/testdata/driftmod", []string{"./..."}},
		{"schemalint-drift/testdata/driftmod", []string{"./migrations/..."}},
		{"schemalint-drift/testdata/migratemod", []string{"./..."}},
		{"schemalint-drift/testdata/snapmod", []string{"./..."}},
		{"schemalint-drift/testdata/tagonlymod", []string{"./..."}},
		{"schemalint-drift/testdata/vendormod", []string{"./..."}},
	}
	nonEmpty := 0
	for _, c := range cases {
		if _, err := os.Stat(filepath.Join(td, c.dir, "go.mod")); err != nil {
			t.Fatalf("fixture %s: %v", c.dir, err)
		}
		got := compare(t, filepath.Join(td, c.dir), c.patterns...)
		if got != "null" && got != "[]" {
			nonEmpty++
		}
	}
	// Guard against comparing two empty reports only.
	if nonEmpty < 3 {
		t.Errorf("only %d fixture cases have findings or errors; the comparison proves little", nonEmpty)
	}
}

// TestSameFindingsGenerated: the 2,000-model package of scripts/genmodels,
// and a copy with a violation per model so that findings are compared
// too, not only an empty report.
func TestSameFindingsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and lints 2,000 models")
	}
	out := filepath.Join(t.TempDir(), "gen")
	cmd := exec.CommandContext(t.Context(), "go", "run", "./scripts/genmodels", "-n", "2000", "-out", out)
	cmd.Dir = abs(t, "../..")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genmodels: %v\n%s", err, b)
	}
	if got := compare(t, out, "./..."); got != "null" && got != "[]" {
		t.Errorf("generated models should lint clean, got %.500s", got)
	}
	// Break every model (soft delete without its option, as SL005 reports)
	// and add the fixture that breaks each rule once, so that findings
	// are compared, not only an empty report.
	files, err := filepath.Glob(filepath.Join(out, "models", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("generated files: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(b, []byte(",soft_delete\"`"), []byte("\"`"))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v, err := os.ReadFile(abs(t, "../../cmd/schemalint/testdata/mod/violations/models.go"))
	if err != nil {
		t.Fatal(err)
	}
	v = bytes.Replace(v, []byte("package violations"), []byte("package models"), 1)
	if err := os.WriteFile(filepath.Join(out, "models", "violations.go"), v, 0o644); err != nil {
		t.Fatal(err)
	}
	got := compare(t, out, "./...")
	if n := strings.Count(got, `"rule":`); n < 2000 {
		t.Errorf("the broken generated package should have at least 2,000 findings, got %d: %.500s", n, got)
	}
}

// TestLoadSyntaxOnlyWhereNeeded: naming only the migrations, their models
// package comes from source (its facts are needed), while the standard
// library, xid and Bun itself (no declared bun tags) come from export
// data and are left out of the graph the checker walks.
func TestLoadSyntaxOnlyWhereNeeded(t *testing.T) {
	dir := abs(t, "../../cmd/schemalint/testdata/mod")
	pkgs, err := lintrun.Load(context.Background(), dir, false, []string{"./migs/migrations"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		seen[p.PkgPath] = true
		if len(p.Syntax) == 0 || p.TypesInfo == nil || p.Types == nil || !p.Types.Complete() {
			t.Errorf("%s: in the checker's graph without syntax or complete types", p.PkgPath)
		}
	})
	for _, want := range []string{"example.com/app/migs/migrations", "example.com/app/migs/models"} {
		if !seen[want] {
			t.Errorf("%s should be loaded from source; graph: %v", want, seen)
		}
	}
	for _, not := range []string{"context", "time", "fmt", "github.com/rs/xid", "github.com/uptrace/bun", "github.com/uptrace/bun/schema"} {
		if seen[not] {
			t.Errorf("%s should come from export data, not source", not)
		}
	}
	// The types of an export-data import are complete all the same.
	for _, p := range pkgs {
		for _, imp := range p.Types.Imports() {
			if !imp.Complete() && imp.Path() != "unsafe" {
				t.Errorf("%s imports incomplete %s", p.PkgPath, imp.Path())
			}
		}
	}
}

// TestDependencyFacts: a module dependency whose functions take a
// *sql.DB (their ExecFacts tell a migration whether a call runs queries)
// and one that declares bun-tagged structs without importing Bun are
// loaded from source, with the same findings as LoadAllSyntax; a
// dependency that uses database/sql without taking a handle is not, nor
// one taking a handle that only a main package without migrations uses.
func TestDependencyFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("loads dependencies from source")
	}
	dir := t.TempDir()
	files := map[string]string{
		"dep/go.mod": "module example.com/dep\n\ngo 1.26\n",
		"dep/helpers/h.go": `package helpers

import "database/sql"

// Seed runs a query.
func Seed(db *sql.DB) error { _, err := db.Exec("INSERT INTO orgs (id) VALUES ('x')"); return err }

// Noop runs none.
func Noop(db *sql.DB) error { return nil }
`,
		"dep/tagged/t.go": `package tagged

// Stamp carries bun tags without importing Bun.
type Stamp struct {
	Note string ` + "`bun:\"note,notnull\"`" + `
}
`,
		"dep/admin/a.go": `package admin

import "database/sql"

// Vacuum runs a query, but no migration calls it.
func Vacuum(db *sql.DB) error { _, err := db.Exec("VACUUM"); return err }
`,
		"cmd/tool/main.go": `// Command tool opens the database, as applications' cmd packages do.
package main

import (
	"database/sql"

	"example.com/app/migs/models"
	"example.com/dep/admin"
)

var _ models.Org

func main() {
	db, _ := sql.Open("x", "")
	_ = admin.Vacuum(db)
}
`,
		"dep/plain/p.go": `package plain

import "database/sql"

// Null is a column type.
type Null = sql.NullString
`,
		"migs/migrations/20260101000002_seed.go": `package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/dep/helpers"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := helpers.Noop(db.DB); err != nil {
			return err
		}
		return helpers.Seed(db.DB)
	}, func(ctx context.Context, db *bun.DB) error {
		return helpers.Noop(db.DB)
	})
}
`,
		"migs/models/audit.go": `package models

import (
	"github.com/uptrace/bun"

	"example.com/dep/plain"
	"example.com/dep/tagged"
)

// Audit embeds a dependency's tagged struct.
type Audit struct {
	bun.BaseModel ` + "`bun:\"table:audits\"`" + `
	ID    int64 ` + "`bun:\"id,pk\"`" + `
	tagged.Stamp
	Extra plain.Null ` + "`bun:\"extra\"`" + `
}
`,
	}
	writeModule(t, dir, "example.com/dep", "./dep", files)
	compare(t, dir, "./migs/migrations")
	if got := compare(t, dir, "./..."); !strings.Contains(got, `"rule"`) {
		t.Errorf("expected findings, got %.300s", got)
	}
	pkgs, err := lintrun.Load(context.Background(), dir, false, []string{"./migs/migrations"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { seen[p.PkgPath] = true })
	for path, want := range map[string]bool{"example.com/dep/helpers": true, "example.com/dep/tagged": true, "example.com/dep/plain": false} {
		if seen[path] != want {
			t.Errorf("%s from source: %v, want %v", path, seen[path], want)
		}
	}
	// A main package with no migrations: its handle-taking dependency's
	// facts matter to no migration, so it stays export data.
	pkgs, err = lintrun.Load(context.Background(), dir, false, []string{"./cmd/tool"})
	if err != nil {
		t.Fatal(err)
	}
	seen = map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { seen[p.PkgPath] = true })
	if seen["example.com/dep/admin"] || !seen["example.com/app/cmd/tool"] {
		t.Errorf("./cmd/tool: loaded from source %v; want cmd/tool, not dep/admin", seen)
	}
}

// TestBunOwnModelsWhereImported: Bun's own tagged structs (bun/migrate's
// Migration) come from source for a package of the user's that imports
// their package, not for one that reaches it only through another of
// Bun's packages (an application's cmd importing a dialect that imports
// bun/migrate), which cannot name them; findings are LoadAllSyntax's.
func TestBunOwnModelsWhereImported(t *testing.T) {
	if testing.Short() {
		t.Skip("loads dependencies from source")
	}
	dir := t.TempDir()
	// A dialect of Bun's, as pgdialect is: under Bun's path, importing
	// bun/migrate.
	const dialect = "github.com/uptrace/bun/dialect/fakedialect"
	files := map[string]string{
		"fakedialect/go.mod":     "module " + dialect + "\n\ngo 1.26\n\nrequire github.com/uptrace/bun v1.3.0\n",
		"fakedialect/dialect.go": "package fakedialect\n\nimport \"github.com/uptrace/bun/migrate\"\n\n// New returns the migrations it supports.\nfunc New() *migrate.Migrations { return migrate.NewMigrations() }\n",
		"cmd/app/main.go":        "package main\n\nimport (\n\t\"example.com/app/migs/models\"\n\t\"" + dialect + "\"\n)\n\nvar _ models.Org\n\nfunc main() { _ = fakedialect.New() }\n",
	}
	writeModule(t, dir, dialect, "./fakedialect", files)
	for pattern, wantMigrate := range map[string]bool{"./cmd/app": false, "./migs/migrations": true} {
		compare(t, dir, pattern)
		pkgs, err := lintrun.Load(context.Background(), dir, false, []string{pattern})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		packages.Visit(pkgs, nil, func(p *packages.Package) { seen[p.PkgPath] = true })
		if seen["github.com/uptrace/bun/migrate"] != wantMigrate || seen[dialect] {
			t.Errorf("%s: loaded from source %v; want bun/migrate: %v, and not the dialect", pattern, seen, wantMigrate)
		}
	}
}

// writeModule writes files into dir, with the mod fixture's go.mod (which
// requires the module dep, replaced by the directory at), go.sum, migs
// configuration, models and migrations besides.
func writeModule(t *testing.T, dir, dep, at string, files map[string]string) {
	t.Helper()
	src := abs(t, "../../cmd/schemalint/testdata/mod")
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = string(gomod) + "\nrequire " + dep + " v0.0.0\n\nreplace " + dep + " => " + at + "\n"
	for _, f := range []string{"go.sum", "migs/.schemalint.yml", "migs/models/models.go", "migs/migrations/migrations.go", "migs/migrations/20260101000001_init.go"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
