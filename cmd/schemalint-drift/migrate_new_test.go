package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/clitest"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of TestMigrateNewGolden")

// migrateModAccounts is the accounts table the fixture's first migration
// creates, per dialect: the state before the generated migration.
var migrateModAccounts = map[string]string{
	dsn.SQLite:   `CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR NOT NULL, UNIQUE (email))`,
	dsn.Postgres: `CREATE TABLE accounts (id BIGSERIAL PRIMARY KEY, email VARCHAR NOT NULL, UNIQUE (email))`,
	dsn.MySQL:    "CREATE TABLE accounts (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, UNIQUE (email))",
}

// copyMigrateMod copies the fixture module; with edit, its models gain
// Account.Bio (NOT NULL, no default) and a Note model.
func copyMigrateMod(t *testing.T, edit bool) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/migratemod")); err != nil {
		t.Fatal(err)
	}
	if !edit {
		return dir
	}
	file := filepath.Join(dir, "models", "models.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(b), "\tEmail string `bun:\"email,notnull,unique\"`\n",
		"\tEmail string `bun:\"email,notnull,unique\"`\n\tBio   string `bun:\"bio,notnull\"`\n", 1)
	src += "\ntype Note struct {\n\tbun.BaseModel `bun:\"table:notes\"`\n\n" +
		"\tID        int64  `bun:\"id,pk,autoincrement\"`\n" +
		"\tAccountID int64  `bun:\"account_id,notnull\"`\n" +
		"\tBody      string `bun:\"body\"`\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var migrateArgs = []string{"migrate", "new", "--models", "./models", "--migrations", "./migrations"}

// generated returns the up and down files migrate new wrote, checking
// that their names are Bun's.
func generated(t *testing.T, dir, name string) (up, down string) {
	t.Helper()
	ups, _ := filepath.Glob(filepath.Join(dir, "migrations", "*_"+name+".*up.sql"))
	downs, _ := filepath.Glob(filepath.Join(dir, "migrations", "*_"+name+".*down.sql"))
	if len(ups) != 1 || len(downs) != 1 {
		t.Fatalf("want one up and one down file, got %v %v", ups, downs)
	}
	re := regexp.MustCompile(`^[0-9]{14}_` + name + `(\.tx)?\.(up|down)\.sql$`)
	for _, f := range []string{ups[0], downs[0]} {
		if !re.MatchString(filepath.Base(f)) {
			t.Errorf("file name %s is not <timestamp>_%s[.tx].up|down.sql", filepath.Base(f), name)
		}
	}
	return ups[0], downs[0]
}

// applyGenerated runs a generated file on db as Bun's migrator does.
func applyGenerated(t *testing.T, db *testdb.DB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := drift.MigrationFile{Body: string(b), Tx: strings.Contains(filepath.Base(path), ".tx.")}
	if err := applyFile(t.Context(), openDB{db.SQL()}, f); err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
}

// roundTrip runs migrate new NAME (with extra flags) on the fixture in
// dir for dialect d, checks the files, then applies the up to a database
// in the previous state holding a row: drift then has nothing to report,
// and afterUp checks the data. The down must bring the previous schema
// back.
func roundTrip(t *testing.T, d, dir, name string, extra []string, afterUp func(target *testdb.DB)) {
	t.Helper()
	roundTripWith(t, d, dir, name, roundTripOpts{extra: extra, afterUp: afterUp})
}

// roundTripOpts are roundTrip's settings beyond the fixture's change.
type roundTripOpts struct {
	extra []string // flags of migrate new
	drift []string // flags of the drift run after the up (e.g. --relation-fks)
	// prior, when set, takes the target from the fixture's accounts table
	// (with its row) to the previous state: earlier generated migrations
	// and the rows of the tables they add.
	prior   func(target *testdb.DB)
	afterUp func(target *testdb.DB)
}

// roundTripWith is roundTrip with opts.
func roundTripWith(t *testing.T, d, dir, name string, opts roundTripOpts) {
	t.Helper()
	args := append(append([]string(nil), migrateArgs...), opts.extra...)
	env := map[string]string{}
	if d != dsn.SQLite {
		env["SL_DEV"] = testdb.New(t, d).DSN.URL()
		args = append(args, "--dev-url-env", "SL_DEV")
	}
	r := runDrift(t, dir, env, append(args, name)...)
	if r.Code != 0 || strings.Contains(r.Stdout, "no changes") {
		t.Fatalf("migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, down := generated(t, dir, name)
	if b, err := os.ReadFile(up); err == nil {
		t.Logf("%s:\n%s", filepath.Base(up), b)
	}
	if wantTx := d == dsn.Postgres || d == dsn.SQLite && !strings.Contains(readFile(t, up), "BEGIN;"); strings.Contains(up, ".tx.") != wantTx {
		t.Errorf("%s: transactional file %v, want %v", filepath.Base(up), !wantTx, wantTx)
	}
	if strings.Contains(r.Stderr, "calls Discover") {
		t.Errorf("the fixture calls Discover, yet:\n%s", r.Stderr)
	}
	if !strings.Contains(r.Stdout, filepath.Base(up)) || !strings.Contains(r.Stdout, filepath.Base(down)) {
		t.Errorf("the written files are not listed:\n%s", r.Stdout)
	}

	target := testdb.New(t, d)
	mustExec(t, target, migrateModAccounts[d], "INSERT INTO accounts (email) VALUES ('a@example.com')")
	if opts.prior != nil {
		opts.prior(target)
	}
	initial := testdb.Inspect(t, target)
	applyGenerated(t, target, up)
	live := append([]string{"drift", "--dsn-env", "SL_DSN", "--models", "./models"}, opts.drift...)
	if r := runDrift(t, dir, map[string]string{"SL_DSN": target.DSN.URL()}, live...); r.Code != 0 || r.Stdout != "" {
		t.Fatalf("drift after the up: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if opts.afterUp != nil {
		opts.afterUp(target)
	}
	applyGenerated(t, target, down)
	back, err := drift.NewDown(d, testdb.Inspect(t, target), initial, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Runs {
		t.Errorf("the down did not bring the previous schema back; still to do:\n%s", back.Body)
	}
}

// TestMigrateNewRoundTrip: on each database, a model gaining a NOT NULL
// field and a new model → migrate new writes Bun SQL files; applied to a
// database in the previous state, with a row, the up leaves drift nothing
// to report (the row's bio backfilled), and the down brings the previous
// schema back. On SQLite the module's own drift migrations then passes,
// the files being discovered by Bun.
func TestMigrateNewRoundTrip(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			dir := copyMigrateMod(t, true)
			roundTrip(t, d, dir, "add_bio", nil, func(target *testdb.DB) {
				if bio := queryString(t, target.SQL(), "SELECT bio FROM accounts"); bio != "" {
					t.Errorf("the existing row's bio = %q, want the backfilled ''", bio)
				}
			})
			if d == dsn.SQLite {
				check := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
				if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" {
					t.Errorf("drift migrations with the generated files: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}
				// Nothing left to generate.
				if r := runDrift(t, dir, nil, append(migrateArgs, "again")...); r.Code != 0 || !strings.Contains(r.Stdout, "no changes") {
					t.Errorf("migrate new after the migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}
			}
		})
	}
}

// TestMigrateNewRenameRoundTrip: --rename on each database keeps the
// column's data through the up and the down.
func TestMigrateNewRenameRoundTrip(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			dir := copyMigrateMod(t, false)
			editModels(t, dir, "\tEmail string `bun:\"email,notnull,unique\"`", "\tEmail string `bun:\"mail,notnull,unique\"`")
			roundTrip(t, d, dir, "rename_email", []string{"--rename", "accounts.email=mail"}, func(target *testdb.DB) {
				if mail := queryString(t, target.SQL(), "SELECT mail FROM accounts"); mail != "a@example.com" {
					t.Errorf("the renamed column holds %q, want the row's a@example.com", mail)
				}
			})
		})
	}
}

// TestMigrateNewGolden: the SQLite files of the fixture's change, as
// written (go test -run TestMigrateNewGolden -update rewrites them).
func TestMigrateNewGolden(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, true)
	if r := runDrift(t, dir, nil, append(migrateArgs, "add_bio")...); r.Code != 0 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, down := generated(t, dir, "add_bio")
	for golden, path := range map[string]string{"add_bio.sqlite.up.sql": up, "add_bio.sqlite.down.sql": down} {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		golden = filepath.Join("testdata", "migrate_new", golden)
		if *updateGolden {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", filepath.Base(path), golden, got)
		}
	}
}

// TestMigrateNewNoChanges: models matching the migrations → "no changes",
// exit 0, nothing written.
func TestMigrateNewNoChanges(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	r := runDrift(t, dir, nil, append(migrateArgs, "nothing")...)
	if r.Code != 0 || !strings.Contains(r.Stdout, "no changes") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if sql, _ := filepath.Glob(filepath.Join(dir, "migrations", "*.sql")); len(sql) > 0 {
		t.Errorf("files written: %v", sql)
	}
}

// editModels replaces old by new in the fixture's models.
func editModels(t *testing.T, dir, from, to string) {
	t.Helper()
	file := filepath.Join(dir, "models", "models.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), from) {
		t.Fatalf("%q not in the models", from)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// removeGenerated deletes the SQL files migrate new wrote.
func removeGenerated(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "*.sql"))
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMigrateNewRenameAndDestructive: a column renamed in the model is a
// drop and an add, reported as a possible rename with the flag to give;
// the drop is commented out and listed. --rename turns it into RENAME
// COLUMN, --allow-destructive keeps the drop; either way drift migrations
// then passes. A change that is only a drop writes nothing (exit 1).
func TestMigrateNewRenameAndDestructive(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	editModels(t, dir, "\tEmail string `bun:\"email,notnull,unique\"`", "\tEmail string `bun:\"mail,notnull,unique\"`")
	check := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}

	r := runDrift(t, dir, nil, append(migrateArgs, "add_bio")...)
	if r.Code != 0 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	for _, want := range []string{
		"possible rename: accounts.email dropped and accounts.mail added, same type; if it is one column renamed, run again with --rename accounts.email=mail",
		"schemalint: destructive, commented out (--allow-destructive keeps it): column accounts.email",
	} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
	up, _ := generated(t, dir, "add_bio")
	if body := readFile(t, up); !strings.Contains(body, "\n-- destructive: column accounts.email") || !strings.Contains(body, "\n-- DROP TABLE `accounts`;") {
		t.Errorf("the drop is not commented out and marked:\n%s", body)
	}

	removeGenerated(t, dir)
	// Flags after the name are flags too.
	r = runDrift(t, dir, nil, append(migrateArgs, "add_bio", "--rename", "accounts.email=mail")...)
	if r.Code != 0 || strings.Contains(r.Stderr, "possible rename") || strings.Contains(r.Stderr, "destructive") {
		t.Fatalf("--rename: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, down := generated(t, dir, "add_bio")
	if body := readFile(t, up); !strings.Contains(body, "ALTER TABLE \"accounts\" RENAME COLUMN \"email\" TO \"mail\";") || strings.Contains(body, "DROP") {
		t.Errorf("--rename: the up is not the rename alone:\n%s", body)
	}
	if body := readFile(t, down); !strings.Contains(body, "ALTER TABLE \"accounts\" RENAME COLUMN \"mail\" TO \"email\";") {
		t.Errorf("--rename: the down does not rename back:\n%s", body)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 {
		t.Errorf("after the rename: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	removeGenerated(t, dir)
	r = runDrift(t, dir, nil, append(migrateArgs, "--allow-destructive", "add_bio")...)
	if r.Code != 0 || !strings.Contains(r.Stderr, "destructive, kept (--allow-destructive): column accounts.email") {
		t.Fatalf("--allow-destructive: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 {
		t.Errorf("after the destructive migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	only := copyMigrateMod(t, false)
	editModels(t, only, "\tEmail string `bun:\"email,notnull,unique\"`\n", "")
	r = runDrift(t, only, nil, append(migrateArgs, "drop_email")...)
	if r.Code != 1 || !strings.Contains(r.Stderr, "no migration written: nothing in it would run") {
		t.Errorf("a drop alone: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(only, "migrations", "*.sql")); len(files) > 0 {
		t.Errorf("files written: %v", files)
	}
}

// TestMigrateNewBadInput: usage errors exit 2 with the reason, before or
// instead of writing anything.
func TestMigrateNewBadInput(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, true)
	for _, tc := range []struct {
		name   string
		config string
		args   []string
		want   string
	}{
		{"no name", "", nil, "migrate new takes one argument, the migration's name (got 0)"},
		{"bad name", "", []string{"Add-Bio"}, `migration name "Add-Bio": want lower-case letters, digits and _ only`},
		{"two names", "", []string{"a", "b"}, "(got 2)"},
		{"bad rename", "", []string{"--rename", "accounts.email", "x"}, `--rename "accounts.email": want table.old_column=new_column`},
		{"rename of nothing", "", []string{"--rename", "accounts.nope=other", "x"}, "--rename accounts.nope=other: table accounts has no column nope"},
		{"several dialects", "dialect: [pg, mysql]\n", []string{"x"}, "the configuration names 2 dialects (pg, mysql)"},
		{"other dialect", "dialect: pg\n", []string{"x"}, "the configuration's dialect is pg but the scratch database is sqlite: give --dev-url an empty pg database"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string(nil), migrateArgs...), tc.args...)
			if tc.config != "" {
				cfg := filepath.Join(t.TempDir(), ".schemalint.yml")
				if err := os.WriteFile(cfg, []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(append([]string(nil), migrateArgs...), append([]string{"--config", cfg}, tc.args...)...)
			}
			r := runDrift(t, dir, nil, args...)
			if r.Code != 2 || !strings.Contains(r.Stderr, tc.want) || strings.Count(strings.TrimSpace(r.Stderr), "\n") > 0 {
				t.Errorf("exit %d, want 2 and one line with %q:\n%s%s", r.Code, tc.want, r.Stdout, r.Stderr)
			}
		})
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "migrations", "*.sql")); len(files) > 0 {
		t.Errorf("files written: %v", files)
	}
	for _, help := range [][]string{{"--help"}, {"add_bio", "-h"}} {
		r := runDrift(t, dir, nil, append([]string{"migrate", "new"}, help...)...)
		if r.Code != 0 || !strings.Contains(r.Stderr+r.Stdout, "--allow-destructive") || strings.Contains(r.Stderr, "help requested") {
			t.Errorf("%v: exit %d\n%s%s", help, r.Code, r.Stdout, r.Stderr)
		}
	}
}

// TestMigrateNewWithoutDiscover: when the migrations package does not
// read SQL files, the files are written and a note says what to add.
func TestMigrateNewWithoutDiscover(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	editModels(t, dir, "\tEmail string `bun:\"email,notnull,unique\"`\n", "\tEmail string `bun:\"email,notnull,unique\"`\n\tBio   string `bun:\"bio\"`\n")
	r := runDrift(t, dir, nil, append(migrateArgs, "add_bio")...)
	if r.Code != 0 || !strings.Contains(r.Stderr, "schemalint: note: no Go file in migrations calls Discover") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	generated(t, dir, "add_bio")
}

// TestMigrateNewRefreshesSnapshot: with a committed snapshot, migrate new
// writes the migration and refreshes the snapshot, so that the pull
// request's drift migrations passes with both; a model changed with
// neither fails it first.
func TestMigrateNewRefreshesSnapshot(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	snapArgs := []string{"migrate", "snapshot", "--models", "./models", "--migrations", "./migrations"}
	if r := runDrift(t, dir, nil, snapArgs...); r.Code != 0 {
		t.Fatalf("migrate snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	edited := copyMigrateMod(t, true)
	if err := os.CopyFS(filepath.Join(dir, "models2"), os.DirFS(filepath.Join(edited, "models"))); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "models2", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(dir, "models", "models.go"), string(b))
	if err := os.RemoveAll(filepath.Join(dir, "models2")); err != nil {
		t.Fatal(err)
	}
	check := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
	if r := runDrift(t, dir, nil, check...); r.Code != 1 {
		t.Fatalf("a model changed without a migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	snap := filepath.Join(dir, "migrations", "schema.sqlite.hcl")
	before, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	if r := runDrift(t, dir, nil, append(migrateArgs, "add_bio")...); r.Code != 0 {
		t.Fatalf("migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, _ := generated(t, dir, "add_bio")
	id, _, _ := strings.Cut(filepath.Base(up), "_")
	after, err := os.ReadFile(snap)
	if err != nil || bytes.Equal(after, before) || !strings.Contains(string(after), "# schemalint:migration "+id+"\n") {
		t.Errorf("the snapshot was not refreshed with the new migration (%v):\n%s", err, after)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" {
		t.Errorf("drift migrations after migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
