package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/clitest"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

var goArgs = append(append([]string(nil), migrateArgs...), "--format", "go")

// generatedGo returns the Go migration migrate new wrote for name,
// checking its name is Bun's and that no SQL file was written beside it.
func generatedGo(t *testing.T, dir, name string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "*_"+name+".go"))
	if len(files) != 1 || !regexp.MustCompile(`^[0-9]{14}_`+name+`\.go$`).MatchString(filepath.Base(files[0])) {
		t.Fatalf("want one <timestamp>_%s.go, got %v", name, files)
	}
	if sql, _ := filepath.Glob(filepath.Join(dir, "migrations", "*.sql")); len(sql) > 0 {
		t.Errorf("--format go wrote SQL files too: %v", sql)
	}
	return files[0]
}

// devArgs gives migrate new and drift migrations an empty database of d
// (none for SQLite: their scratch file).
func devArgs(t *testing.T, d string) (map[string]string, []string) {
	if d == dsn.SQLite {
		return nil, nil
	}
	return map[string]string{"SL_DEV": testdb.New(t, d).DSN.URL()}, []string{"--dev-url-env", "SL_DEV"}
}

// migratorProgram runs the fixture module's migrations through Bun's
// migrator as an application would: "before" all but the newest, "up"
// the rest, "down" rolls the last group back, which runs the newest
// migration's Go down function.
const migratorProgram = `package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"
	"github.com/uptrace/bun/migrate"
	"github.com/uptrace/bun/schema"

	"example.com/migrateapp/migrations"
)

func main() {
	if err := run(context.Background(), os.Args[1], os.Getenv("MIGRATOR_DSN"), os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dialect, dsn, step string) error {
	driver, d := map[string]string{"pg": "pgx", "mysql": "mysql", "sqlite": sqliteshim.ShimName}[dialect],
		map[string]func() schema.Dialect{
			"pg":     func() schema.Dialect { return pgdialect.New() },
			"mysql":  func() schema.Dialect { return mysqldialect.New() },
			"sqlite": func() schema.Dialect { return sqlitedialect.New() },
		}[dialect]()
	sqldb, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	db := bun.NewDB(sqldb, d)
	defer db.Close()
	ms := migrations.Migrations
	if step == "before" {
		all := ms.Sorted()
		ms = migrate.NewMigrations()
		for _, m := range all[:len(all)-1] {
			ms.Add(m)
		}
	}
	m := migrate.NewMigrator(db, ms)
	if err := m.Init(ctx); err != nil {
		return err
	}
	if step == "down" {
		g, err := m.Rollback(ctx)
		if err == nil && g.IsZero() {
			err = fmt.Errorf("nothing rolled back")
		}
		return err
	}
	g, err := m.Migrate(ctx)
	if err == nil && g.IsZero() {
		err = fmt.Errorf("nothing migrated")
	}
	return err
}
`

// buildMigrator builds migratorProgram in the fixture module in dir, with
// the drivers and Bun dialects it needs added to a copy of go.mod.
func buildMigrator(t *testing.T, dir string) string {
	t.Helper()
	src := filepath.Join(dir, "internal", "migrator")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(src, "main.go"), migratorProgram)
	work := t.TempDir()
	modFile := filepath.Join(work, "go.mod")
	clitest.Write(t, modFile, readFile(t, filepath.Join(dir, "go.mod")))
	clitest.Write(t, filepath.Join(work, "go.sum"), readFile(t, filepath.Join(dir, "go.sum")))
	bin := filepath.Join(work, "migrator")
	for _, args := range [][]string{
		{"mod", "edit", "-modfile=" + modFile,
			"-require=github.com/jackc/pgx/v5@v5.13.0", "-require=github.com/go-sql-driver/mysql@v1.10.1",
			"-require=github.com/uptrace/bun/dialect/pgdialect@v1.3.0", "-require=github.com/uptrace/bun/dialect/mysqldialect@v1.3.0",
			"-require=github.com/uptrace/bun/dialect/sqlitedialect@v1.3.0", "-require=github.com/uptrace/bun/driver/sqliteshim@v1.3.0"},
		{"build", "-mod=mod", "-modfile=" + modFile, "-o", bin, "./internal/migrator"},
	} {
		cmd := exec.CommandContext(t.Context(), "go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", args[0], err, out)
		}
	}
	return bin
}

// runMigrator runs a step of the migrator on target.
func runMigrator(t *testing.T, bin, step string, target *testdb.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, target.DSN.Dialect, step)
	cmd.Env = append(os.Environ(), "MIGRATOR_DSN="+target.DSN.DriverDSN())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("migrator %s: %v\n%s", step, err, out)
	}
}

// TestMigrateNewGoRoundTrip: issue 12's model changes (TestMigrateNewMatrix's
// cases of those names) generated with --format go, on each database: the
// module with the Go file compiles, and drift migrations, which runs it,
// has nothing to report; Bun's migrator then runs the new migration up on
// a database in the previous state, with rows (drift has nothing to
// report there either), and rolls it back, which runs the Go down: the
// previous schema is back.
func TestMigrateNewGoRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range matrixCases {
		if !slices.Contains([]string{"add_table", "add_column_notnull_backfill", "add_fk"}, tc.name) {
			continue
		}
		for _, d := range testdb.Dialects {
			t.Run(tc.name+"/"+d, func(t *testing.T) {
				t.Parallel()
				dir := copyMigrateMod(t, false)
				file := filepath.Join(dir, "models", "models.go")
				if len(tc.before) > 0 {
					editWith(t, file, readFile(t, file), tc.before)
					env, dev := devArgs(t, d)
					if r := runDrift(t, dir, env, slices.Concat(goArgs, tc.flags, dev, []string{"before"})...); r.Code != 0 {
						t.Fatalf("migrate new before: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
					}
					// A fixed earlier timestamp: the change's migration
					// could otherwise fall in the same second.
					path := generatedGo(t, dir, "before")
					id := strings.TrimSuffix(filepath.Base(path), ".go")
					clitest.Write(t, filepath.Join(dir, "migrations", "20260101000002_before.go"), strings.ReplaceAll(readFile(t, path), id, "20260101000002_before"))
					if err := os.Remove(path); err != nil {
						t.Fatal(err)
					}
				}
				editWith(t, file, readFile(t, file), tc.change)
				env, dev := devArgs(t, d)
				r := runDrift(t, dir, env, slices.Concat(goArgs, tc.flags, dev, []string{tc.name})...)
				if r.Code != 0 || strings.Contains(r.Stdout, "no changes") || strings.Contains(r.Stderr, "Discover") {
					t.Fatalf("migrate new --format go: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}
				path := generatedGo(t, dir, tc.name)
				src := readFile(t, path)
				t.Logf("%s:\n%s", filepath.Base(path), src)
				if !strings.Contains(r.Stdout, filepath.Base(path)) {
					t.Errorf("the written file is not listed:\n%s", r.Stdout)
				}
				// Each direction runs in a transaction where its SQL file
				// would be .tx.: PostgreSQL, SQLite unless it rebuilds.
				for i, fn := range strings.Split(src, "}, func(ctx")[:2] {
					if inTx := strings.Contains(fn, "db.RunInTx("); inTx != (d == dsn.Postgres || d == dsn.SQLite && !strings.Contains(fn, "`BEGIN;`")) {
						t.Errorf("function %d in a transaction: %v, unlike the SQL form", i+1, inTx)
					}
				}

				env, dev = devArgs(t, d)
				check := slices.Concat([]string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}, tc.flags, dev)
				if r := runDrift(t, dir, env, check...); r.Code != 0 || r.Stdout != "" {
					t.Fatalf("drift migrations with the Go migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}

				bin := buildMigrator(t, dir)
				target := testdb.New(t, d)
				runMigrator(t, bin, "before", target)
				mustExec(t, target, append([]string{"INSERT INTO accounts (email) VALUES ('a@example.com')"}, tc.seed...)...)
				initial := testdb.Inspect(t, target)
				runMigrator(t, bin, "up", target)
				live := slices.Concat([]string{"drift", "--dsn-env", "SL_DSN", "--models", "./models"}, tc.flags)
				if r := runDrift(t, dir, map[string]string{"SL_DSN": target.DSN.URL()}, live...); r.Code != 0 || r.Stdout != "" {
					t.Fatalf("drift after the Go up: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}
				if email := queryString(t, target.SQL(), "SELECT email FROM accounts"); email != "a@example.com" {
					t.Errorf("the existing row's email = %q after the up", email)
				}
				if tc.afterUp != nil {
					tc.afterUp(t, target)
				}
				runMigrator(t, bin, "down", target)
				back, err := drift.NewDown(d, testdb.Inspect(t, target), initial, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				if back.Runs {
					t.Errorf("the Go down did not bring the previous schema back; still to do:\n%s", back.Body)
				}
			})
		}
	}
}

// stamped matches the migration's timestamp in a generated file.
var stamped = regexp.MustCompile(`[0-9]{14}_add_bio`)

// TestMigrateNewGoGolden: the SQLite Go migration of the fixture's change,
// as written but for its timestamp (go test -run TestMigrateNewGoGolden
// -update rewrites it).
func TestMigrateNewGoGolden(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, true)
	if r := runDrift(t, dir, nil, append(goArgs, "add_bio")...); r.Code != 0 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	got := []byte(stamped.ReplaceAllString(readFile(t, generatedGo(t, dir, "add_bio")), "00000000000000_add_bio"))
	golden := filepath.Join("testdata", "migrate_new", "add_bio.sqlite.go.golden")
	if *updateGolden {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want, err := os.ReadFile(golden); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the Go migration differs from %s (%v):\n%s", golden, err, got)
	}
}

// TestMigrateNewGoBadPackage: a migrations package without the variable
// to register on is refused before any work, naming the flag to give; a
// --migrations-var the generated file does not compile with (not a
// *migrate.Migrations) gets the compiler's message, exit 2, and the file
// is removed. Names the go command would build only on some systems or
// in tests are refused.
func TestMigrateNewGoBadPackage(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, true)
	mig := filepath.Join(dir, "migrations", "migrations.go")
	original := readFile(t, mig)
	clitest.Write(t, mig, strings.Replace(original, "var Migrations = migrate.NewMigrations()",
		"var Migrations = newMigrations()\n\nfunc newMigrations() *migrate.Migrations { return migrate.NewMigrations() }\n\n// Version is not one.\nvar Version = 3", 1))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add_bio"}, "package migrations (" + filepath.Join(dir, "migrations") + ") has no package-level variable initialised with migrate.NewMigrations(): give --migrations-var NAME"},
		{[]string{"--migrations-var", "Nope", "add_bio"}, "--migrations-var Nope: package migrations"},
		{[]string{"fix_linux"}, `migration name "fix_linux": a Go file whose name ends _linux is compiled only for that GOOS or GOARCH`},
		{[]string{"add_test"}, `migration name "add_test": a Go file named *_test.go is compiled only in tests`},
		{[]string{"--format", "yaml", "add_bio"}, `--format "yaml": want sql or go`},
	} {
		r := runDrift(t, dir, nil, slices.Concat(goArgs, tc.args)...)
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.want) {
			t.Errorf("%v: exit %d, want 2 and %q:\n%s%s", tc.args, r.Code, tc.want, r.Stdout, r.Stderr)
		}
	}
	if r := runDrift(t, dir, nil, "migrate", "new", "--help"); !strings.Contains(r.Stderr+r.Stdout, "--format go") || !strings.Contains(r.Stderr+r.Stdout, "-migrations-var") {
		t.Errorf("--help does not tell of --format go:\n%s%s", r.Stdout, r.Stderr)
	}
	cfg := filepath.Join(t.TempDir(), ".schemalint.yml")
	clitest.Write(t, cfg, "dialect: [sqlite, pg]\n")
	if r := runDrift(t, dir, nil, append(goArgs, "--config", cfg, "add_bio")...); r.Code != 2 || !strings.Contains(r.Stderr, "the configuration names 2 dialects (sqlite, pg): --format go writes the branch of one") {
		t.Errorf("several dialects: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := runDrift(t, dir, nil, append(migrateArgs, "--migrations-var", "Migrations", "add_bio")...); r.Code != 2 || !strings.Contains(r.Stderr, "--migrations-var is for --format go") {
		t.Errorf("--migrations-var with SQL files: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	r := runDrift(t, dir, nil, append(goArgs, "--migrations-var", "Version", "add_bio")...)
	if r.Code != 2 || !strings.Contains(r.Stderr, "does not compile with the generated") || !strings.Contains(r.Stderr, "Version.MustRegister undefined") {
		t.Errorf("a variable of another type: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "*"))
	if len(files) != 2 {
		t.Errorf("files left in the migrations package: %v", files)
	}

	// With the variable named, the same package takes the migration.
	r = runDrift(t, dir, nil, append(goArgs, "--migrations-var", "Migrations", "add_bio")...)
	if r.Code != 0 {
		t.Fatalf("--migrations-var Migrations: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	generatedGo(t, dir, "add_bio")
}

// TestMigrateNewGoRefreshesSnapshot: with a committed snapshot, the Go
// form refreshes it too, with the new migration's run, so that drift
// migrations passes with both.
func TestMigrateNewGoRefreshesSnapshot(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	if r := runDrift(t, dir, nil, "migrate", "snapshot", "--models", "./models", "--migrations", "./migrations"); r.Code != 0 {
		t.Fatalf("migrate snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	editModels(t, dir, emailField, emailField+"\tBio string `bun:\"bio\"`\n")
	if r := runDrift(t, dir, nil, append(goArgs, "add_bio")...); r.Code != 0 {
		t.Fatalf("migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	id, _, _ := strings.Cut(filepath.Base(generatedGo(t, dir, "add_bio")), "_")
	if snap := readFile(t, filepath.Join(dir, "migrations", "schema.sqlite.hcl")); !strings.Contains(snap, "# schemalint:migration "+id+"\n") || !strings.Contains(snap, "bio") {
		t.Errorf("the snapshot was not refreshed with the Go migration:\n%s", snap)
	}
	if r := runDrift(t, dir, nil, "drift", "migrations", "--models", "./models", "--migrations", "./migrations"); r.Code != 0 || r.Stdout != "" {
		t.Errorf("drift migrations after migrate new --format go: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
