package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDriftMigrationsDirective, on SQLite: a //schemalint:index directive
// added to a model of a project with migrations (which do not import the
// models) is an index missing for drift migrations, without a snapshot
// and with one, as no migration creates it; migrate new writes it, and
// drift migrations then passes. A directive changed later (made unique)
// is the index different, until migrate new writes the change.
func TestDriftMigrationsDirective(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	pkgs := []string{"--models", "./models", "--migrations", "./migrations"}
	check := append([]string{"drift", "migrations"}, pkgs...)
	file := filepath.Join(dir, "models", "models.go")
	editWith(t, file, readFile(t, file), []modelEdit{addDirective("idx_accounts_email_id (email, id)")})

	missing := "models/models.go:8:1 (accounts:idx_accounts_email_id): DR010 warning: index idx_accounts_email_id (email, id) on accounts is missing; Account's //schemalint:index directive declares it, and no migration creates it"
	r := runDrift(t, dir, nil, check...)
	if r.Code != 1 || !strings.Contains(r.Stdout, missing) {
		t.Fatalf("a directive without a migration: exit %d\n%s%s\nwant %q", r.Code, r.Stdout, r.Stderr, missing)
	}
	if r := runDrift(t, dir, nil, append([]string{"migrate", "snapshot"}, pkgs...)...); r.Code != 0 {
		t.Fatalf("migrate snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 1 || !strings.Contains(r.Stdout, missing) {
		t.Fatalf("a directive without a migration, with a snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	if r := runDrift(t, dir, nil, append(migrateArgs, "add_index")...); r.Code != 0 {
		t.Fatalf("migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, down := generated(t, dir, "add_index")
	if got := readFile(t, up); !strings.Contains(got, "CREATE INDEX `idx_accounts_email_id` ON `accounts` (`email`, `id`);") {
		t.Errorf("the up does not create the index:\n%s", got)
	}
	if got := readFile(t, down); !strings.Contains(got, "DROP INDEX `idx_accounts_email_id`;") {
		t.Errorf("the down does not drop the index:\n%s", got)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("drift migrations after migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	editWith(t, file, readFile(t, file), []modelEdit{replaceIn("(email, id)", "(email, id) unique")})
	different := "models/models.go:8:1 (accounts:idx_accounts_email_id): DR012 warning: index idx_accounts_email_id on accounts is not unique; Account's //schemalint:index directive declares it otherwise"
	if r := runDrift(t, dir, nil, check...); r.Code != 1 || !strings.Contains(r.Stdout, different) {
		t.Fatalf("a directive changed without a migration: exit %d\n%s%s\nwant %q", r.Code, r.Stdout, r.Stderr, different)
	}
	if r := runDrift(t, dir, nil, append(migrateArgs, "unique_index")...); r.Code != 0 {
		t.Fatalf("migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if up, _ := generated(t, dir, "unique_index"); !strings.Contains(readFile(t, up), "CREATE UNIQUE INDEX `idx_accounts_email_id`") {
		t.Errorf("the up does not make the index unique:\n%s", readFile(t, up))
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("drift migrations after the second migrate new: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "migrations", "schema.sqlite.hcl")); err != nil {
		t.Error(err)
	}
}
