package main

import (
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

// TestSnapshotRemovedModel is issue 12's removal story on SQLite: the
// snapshot records the models' tables; a model removed without a
// migration fails drift migrations, naming the table and the fix, while a
// hand-made table the migrations create stays silent; a snapshot without
// the model lines knows no removal (migrate new: no changes); migrate new
// writes the DROP TABLE (commented out without --allow-destructive) and
// refreshes the snapshot, after which drift migrations passes.
func TestSnapshotRemovedModel(t *testing.T) {
	t.Parallel()
	dir := copyMigrateMod(t, false)
	file := filepath.Join(dir, "models", "models.go")
	original := readFile(t, file)
	pkgs := []string{"--models", "./models", "--migrations", "./migrations"}
	check := append([]string{"drift", "migrations"}, pkgs...)
	snapFile := filepath.Join(dir, "migrations", "schema.sqlite.hcl")

	if r := runDrift(t, dir, nil, append([]string{"migrate", "snapshot"}, pkgs...)...); r.Code != 0 {
		t.Fatalf("migrate snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if got := readFile(t, snapFile); !strings.Contains(got, "# schemalint:model table accounts\n") || !strings.Contains(got, "# schemalint:model index accounts sqlite_autoindex_accounts_1\n") {
		t.Fatalf("migrate snapshot wrote no model lines:\n%s", got)
	}
	clitest.Write(t, file, original+"\n"+noteModel)
	if r := runDrift(t, dir, nil, append(migrateArgs, "add_notes")...); r.Code != 0 {
		t.Fatalf("migrate new add_notes: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	// A table only the migrations create, no model ever mapping to it.
	clitest.Write(t, filepath.Join(dir, "migrations", "20260101000002_hand.up.sql"), "CREATE TABLE hand (id INTEGER PRIMARY KEY);\n")
	clitest.Write(t, filepath.Join(dir, "migrations", "20260101000002_hand.down.sql"), "DROP TABLE hand;\n")
	if r := runDrift(t, dir, nil, append([]string{"migrate", "snapshot"}, pkgs...)...); r.Code != 0 {
		t.Fatalf("migrate snapshot after the hand-made table: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	marked := readFile(t, snapFile)
	if !strings.Contains(marked, "# schemalint:model table notes\n") || strings.Contains(marked, "# schemalint:model table hand") {
		t.Fatalf("model lines: want notes, not hand:\n%s", marked)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" {
		t.Fatalf("drift migrations with the model: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	// The model removed, no migration: the run fails naming notes only.
	clitest.Write(t, file, original)
	r := runDrift(t, dir, nil, check...)
	if r.Code != 1 || !strings.Contains(r.Stdout, "DR002 warning: table notes is in the snapshot as a model's table, but no model maps to it now and no migration drops it") ||
		!strings.Contains(r.Stderr, "schemalint: removed from the models without a migration dropping it: notes; run schemalint migrate new NAME (with --allow-destructive for a table), or, to keep it without a model, schemalint migrate snapshot --models=./models --migrations=./migrations\n") ||
		strings.Contains(r.Stdout+r.Stderr, "hand") {
		t.Fatalf("a model removed without a migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	// A snapshot written before the model lines knows no removal.
	clitest.Write(t, snapFile, regexp.MustCompile(`(?m)^# schemalint:model .*\n`).ReplaceAllString(marked, ""))
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" {
		t.Errorf("drift migrations, a snapshot without model lines: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := runDrift(t, dir, nil, append(migrateArgs, "unknown")...); r.Code != 0 || !strings.Contains(r.Stdout, "no changes") {
		t.Errorf("migrate new, a snapshot without model lines: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	clitest.Write(t, snapFile, marked)

	// Without --allow-destructive the DROP TABLE is all there is, and it
	// is commented out: nothing written.
	r = runDrift(t, dir, nil, append(migrateArgs, "drop_notes")...)
	if r.Code != 1 || !strings.Contains(r.Stderr, "schemalint: destructive, commented out (--allow-destructive keeps it): table notes is in the snapshot as a model's table") {
		t.Fatalf("migrate new without --allow-destructive: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "migrations", "*_drop_notes.*")); len(matches) != 0 {
		t.Fatalf("files written: %v", matches)
	}
	r = runDrift(t, dir, nil, append(migrateArgs, "drop_notes", "--allow-destructive")...)
	if r.Code != 0 {
		t.Fatalf("migrate new --allow-destructive: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	up, down := generated(t, dir, "drop_notes")
	if got := readFile(t, up); !strings.Contains(got, "\nDROP TABLE `notes`;\n") || strings.Contains(got, "hand") {
		t.Errorf("the up does not drop notes alone:\n%s", got)
	}
	if got := readFile(t, down); !strings.Contains(got, "CREATE TABLE `notes`") {
		t.Errorf("the down does not recreate notes:\n%s", got)
	}
	if got := readFile(t, snapFile); strings.Contains(got, "notes") || !strings.Contains(got, "# schemalint:model table accounts\n") {
		t.Errorf("the refreshed snapshot:\n%s", got)
	}
	if r := runDrift(t, dir, nil, check...); r.Code != 0 || r.Stdout != "" {
		t.Errorf("drift migrations after the drop: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestSnapshotCommandRelationFKs: the command a stale snapshot's message
// names keeps --relation-fks, which decides the relation keys the snapshot
// records as the models'.
func TestSnapshotCommandRelationFKs(t *testing.T) {
	t.Parallel()
	c := &driftCommand{}
	fs := flag.NewFlagSet("drift migrations", flag.ContinueOnError)
	fs.Var(&c.models, "models", "")
	fs.BoolVar(&c.relationFKs, "relation-fks", false, "")
	if err := fs.Parse([]string{"--models", "./models", "--relation-fks"}); err != nil {
		t.Fatal(err)
	}
	c.fsets = []*flag.FlagSet{fs}
	c.recordSet()
	if got, want := c.snapshotCommand(), "schemalint migrate snapshot --models=./models --relation-fks=true"; got != want {
		t.Errorf("snapshotCommand() = %q, want %q", got, want)
	}
}
