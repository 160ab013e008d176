package drift

import (
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
)

// TestGoFileFindMigrationsVar: the variable initialised with
// NewMigrations is found whatever the import's name (dot import too),
// tests and files for other systems are not read, and none or several
// are errors naming the package and the flag.
func TestGoFileFindMigrationsVar(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // the flag's value
		found string
		err   string
	}{
		{name: "plain", files: map[string]string{"m.go": "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar Migrations = migrate.NewMigrations()\n"}, found: "Migrations"},
		{name: "alias and group", files: map[string]string{"m.go": "package migs\n\nimport bm \"github.com/uptrace/bun/migrate\"\n\nvar (\n\tx, all = 1, bm.NewMigrations(bm.WithMigrationsDirectory(\"d\"))\n)\n"}, found: "all"},
		{name: "dot import", files: map[string]string{"m.go": "package migs\n\nimport . \"github.com/uptrace/bun/migrate\"\n\nvar M = NewMigrations()\n"}, found: "M"},
		{name: "other package's NewMigrations", files: map[string]string{"m.go": "package migs\n\nimport migrate \"example.com/mine\"\n\nvar M = migrate.NewMigrations()\n"},
			err: "package migs (DIR) has no package-level variable initialised with migrate.NewMigrations(): give --migrations-var NAME"},
		{name: "tests and other systems left out", files: map[string]string{
			"m.go":         "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar Migrations = migrate.NewMigrations()\n",
			"m_test.go":    "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar T = migrate.NewMigrations()\n",
			"m_plan9.go":   "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar P = migrate.NewMigrations()\n",
			"m_ignored.go": "//go:build ignore\n\npackage migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar I = migrate.NewMigrations()\n",
		}, found: "Migrations"},
		{name: "several", files: map[string]string{"m.go": "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar B, A = migrate.NewMigrations(), migrate.NewMigrations()\n"},
			err: "package migs (DIR) has 2 variables initialised with migrate.NewMigrations() (A, B): give --migrations-var with the one to register on"},
		{name: "several, one named", files: map[string]string{"m.go": "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar B, A = migrate.NewMigrations(), migrate.NewMigrations()\n"},
			want: "B", found: "B"},
		{name: "named, set elsewhere", files: map[string]string{"m.go": "package migs\n\nimport \"github.com/uptrace/bun/migrate\"\n\nvar M = build()\n\nfunc build() *migrate.Migrations { return migrate.NewMigrations() }\n"},
			want: "M", found: "M"},
		{name: "named, missing", files: map[string]string{"m.go": "package migs\n\nconst M = 1\n"}, want: "M",
			err: "--migrations-var M: package migs (DIR) declares no package-level variable M"},
		{name: "no Go file", files: map[string]string{"1_a.up.sql": "SELECT 1;\n"}, err: "DIR holds no Go file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p, err := FindMigrationsVar(dir, tc.want)
			if tc.err != "" {
				if want := strings.ReplaceAll(tc.err, "DIR", dir); err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v, want %q", err, want)
				}
				return
			}
			if err != nil || p.Var != tc.found || p.Name != "migs" {
				t.Errorf("got %+v, %v; want migs.%s", p, err, tc.found)
			}
		})
	}
}

// TestGoFileName: a name the go command would build only for some
// systems or only in tests is refused.
func TestGoFileName(t *testing.T) {
	for id, bad := range map[string]bool{
		"20260101000000_add_bio": false, "20260101000000_linux_users": false, "20260101000000_linux": true,
		"20260101000000_fix_windows": true, "20260101000000_add_wasm": true, "20260101000000_add_test": true,
		"20260101000000_test_users": false, "20260101000000_add_arm64": true,
	} {
		name, err := GoFileName(id)
		if bad != (err != nil) || !bad && name != id+".go" {
			t.Errorf("%s: %q, %v", id, name, err)
		}
	}
}

// TestGoFileSource: the statements of the SQL form in order, numbered in
// their errors; a commented-out destructive statement stays a comment;
// PostgreSQL's run in RunInTx, MySQL's on one connection with the
// backquoted identifiers in a quoted string; imports the package's own
// names would clash with are renamed; the default branch is an error.
func TestGoFileSource(t *testing.T) {
	steps := []string{
		"-- add\nALTER TABLE \"a\" ADD COLUMN \"x\" int NULL;\n-- backfill, rows get ''\nUPDATE \"a\" SET \"x\" = 0 WHERE \"x\" IS NULL;",
		"-- destructive: column a.y; left commented out\n-- ALTER TABLE \"a\" DROP COLUMN \"y\";",
		"CREATE INDEX \"a_x\" ON \"a\" (\"x\");",
	}
	pkg := &MigrationsPackage{Name: "migs", Var: "All", Taken: map[string]bool{"fmt": true, "bun": true}}
	g := GoMigration{Package: pkg, ID: "20260101000000_add_x", Dialect: dsn.Postgres,
		Up: bunFile(dsn.Postgres, "up", steps), Down: bunFile(dsn.Postgres, "down", []string{"DROP INDEX \"a_x\";"})}
	src, err := g.Source()
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(gotoken.NewFileSet(), "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	imports := map[string]string{}
	for _, imp := range f.Imports {
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name
		}
		imports[imp.Path.Value] = name
	}
	if imports[`"fmt"`] != "slfmt" || imports[`"github.com/uptrace/bun"`] != "slbun" || imports[`"context"`] != "" {
		t.Errorf("imports %v: fmt and bun should be renamed, the package declares them", imports)
	}
	text := string(src)
	for _, want := range []string{
		"All.MustRegister(func(ctx context.Context, db *slbun.DB) error {",
		"case dialect.PG:\n\t\t\treturn db.RunInTx(ctx, nil, func(ctx context.Context, tx slbun.Tx) error {",
		"\t// add\n\t\t\t\tif _, err := tx.ExecContext(ctx, `ALTER TABLE \"a\" ADD COLUMN \"x\" int NULL;`); err != nil {\n\t\t\t\t\treturn slfmt.Errorf(\"migration 20260101000000_add_x up, statement 1: %w\", err)",
		"// backfill, rows get ''\n",
		"`UPDATE \"a\" SET \"x\" = 0 WHERE \"x\" IS NULL;`); err != nil {\n\t\t\t\t\treturn slfmt.Errorf(\"migration 20260101000000_add_x up, statement 2: %w\", err)",
		"// destructive: column a.y; left commented out\n\t\t\t\t// ALTER TABLE \"a\" DROP COLUMN \"y\";\n",
		"statement 3: %w",
		"default:\n\t\t\treturn slfmt.Errorf(\"migration 20260101000000_add_x down: written for PostgreSQL only, not %s: add a branch for that dialect",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the source lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "ExecContext("); n != 4 {
		t.Errorf("%d statements run, want 4 (3 up, the drop commented out, 1 down):\n%s", n, text)
	}

	g = GoMigration{Package: &MigrationsPackage{Name: "migs", Var: "M"}, ID: "1_x", Dialect: dsn.MySQL,
		Up: bunFile(dsn.MySQL, "up", []string{"ALTER TABLE `a` ADD COLUMN `x` int NULL;"}), Down: bunFile(dsn.MySQL, "down", []string{"ALTER TABLE `a` DROP COLUMN `x`;"})}
	if src, err = g.Source(); err != nil {
		t.Fatal(err)
	}
	text = string(src)
	for _, want := range []string{
		"// MySQL and MariaDB commit each DDL statement",
		"case dialect.MySQL:\n\t\t\tconn, err := db.Conn(ctx)",
		"conn.ExecContext(ctx, \"ALTER TABLE `a` ADD COLUMN `x` int NULL;\")",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("MySQL: the source lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "RunInTx") {
		t.Errorf("MySQL: in a transaction, unlike the SQL form:\n%s", text)
	}
}
