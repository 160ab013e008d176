package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/testdb"
)

// copyFixture copies a fixture module of testdata to a temporary
// directory (the program is generated inside it).
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDriftTagOnlyModels: a models package with bun tags that does not
// import Bun (models: {tagged: true}) is compared with Bun at the version
// go.mod requires; a module that does not require Bun at all is told to
// add it.
func TestDriftTagOnlyModels(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "tagonlymod")
	db := testdb.SQLite(t)
	execSQL(t, db, "CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR NOT NULL)")
	args := []string{"drift", "--dsn", "sqlite://" + db.DSN.Database, "--models", "./models"}
	if r := runDrift(t, dir, nil, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("table as Bun creates it: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	execSQL(t, db, "ALTER TABLE people DROP COLUMN name")
	if r := runDrift(t, dir, nil, args...); r.Code != 1 || !strings.Contains(r.Stdout, "DR003 error: column people.name is missing") {
		t.Fatalf("a column dropped: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	noBun := copyFixture(t, "tagonlymod")
	if err := os.WriteFile(filepath.Join(noBun, "go.mod"), []byte("module example.com/tagonly\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runDrift(t, noBun, nil, args...)
	if r.Code != 2 || !strings.Contains(r.Stderr, "does not require github.com/uptrace/bun") || !strings.Contains(r.Stderr, "go get github.com/uptrace/bun") {
		t.Errorf("a module without Bun: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

func execSQL(t *testing.T, db *testdb.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.SQL().ExecContext(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestDriftVendoredModule: a module that vendors its dependencies is
// built from vendor/ (-mod=vendor), with no module cache and no network;
// a dialect the vendor directory lacks is named, with how to add it.
func TestDriftVendoredModule(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "vendormod")
	vendor := exec.CommandContext(t.Context(), "go", "mod", "vendor")
	vendor.Dir = dir
	vendor.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	if out, err := vendor.CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	// An empty module cache and no proxy: only vendor/ can serve.
	env := map[string]string{"GOMODCACHE": t.TempDir(), "GOPROXY": "off", "GOFLAGS": "", "SCHEMALINT_CACHE_DIR": t.TempDir()}
	db := testdb.SQLite(t)
	execSQL(t, db, "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR NOT NULL)")
	if r := runDrift(t, dir, env, "drift", "--dsn", "sqlite://"+db.DSN.Database, "--models", "./models"); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("vendored SQLite dialect: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	pg := testdb.Postgres(t)
	env["SL_DSN"] = pg.DSN.URL()
	r := runDrift(t, dir, env, "drift", "--dsn-env", "SL_DSN", "--models", "./models")
	if r.Code != 2 || !strings.Contains(r.Stderr, "github.com/uptrace/bun/dialect/pgdialect is not in the program built from the module (its vendor directory lacks it") ||
		!strings.Contains(r.Stderr, "go mod vendor") {
		t.Errorf("PostgreSQL dialect not vendored: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// unseenMigration is a migration whose SQL the extraction cannot read (it
// is computed): it creates a table no model maps to and an index.
const unseenMigration = `package migrations

import (
	"context"
	"strings"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, s := range []string{strings.TrimSpace("create table audit_log (id integer)"), strings.TrimSpace("create index accounts_id_email on accounts (id, email)")} {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	}, func(ctx context.Context, db *bun.DB) error { return nil })
}
`

// TestDriftMigrationsUnseen: migrations the extraction cannot read in
// full create a table and an index; drift migrations does not claim that
// the migrations do not create them: exit 0, and with -v one note that
// says their origin is unknown and names the place not followed.
func TestDriftMigrationsUnseen(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "driftmod")
	if err := os.WriteFile(filepath.Join(dir, "migrations", "20260101000002_extra.go"), []byte(unseenMigration), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
	if r := runDrift(t, dir, nil, args...); r.Code != 0 || r.Stdout != "" {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	r := runDrift(t, dir, nil, append(args, "-v")...)
	var unknown []string
	for line := range strings.SplitSeq(r.Stderr, "\n") {
		if strings.Contains(line, "unknown") {
			unknown = append(unknown, line)
		}
	}
	if r.Code != 0 || len(unknown) != 1 || !strings.Contains(unknown[0], "table audit_log") || !strings.Contains(unknown[0], "accounts:accounts_id_email") ||
		!strings.Contains(unknown[0], "migrations/20260101000002_extra.go:") {
		t.Errorf("-v: exit %d, want one note on the unknown origin naming both objects and the place:\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
