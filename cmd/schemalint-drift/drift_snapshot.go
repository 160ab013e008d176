package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/load"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
)

// migrated is the scratch database after the migrations: its schema and
// the names of the migrations Bun recorded as applied.
type migrated struct {
	schema     *schema.Schema
	migrations []string
}

// readMigrated inspects the migrated scratch database as drift does, and
// reads Bun's record of the migrations applied.
func (c *driftCommand) readMigrated(ctx context.Context, db dbCloser, d dsn.DSN) (*migrated, error) {
	s, err := c.inspect(ctx, db, d)
	if err != nil {
		return nil, err
	}
	ictx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	rows, err := db.SQL().QueryContext(ictx, "SELECT name FROM bun_migrations")
	if err != nil {
		return nil, fmt.Errorf("reading the migrations applied (bun_migrations): %w", err)
	}
	defer func() { _ = rows.Close() }()
	m := &migrated{schema: s}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		m.migrations = append(m.migrations, name)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(m.migrations)
	return m, nil
}

// migrationsDir is the migrations package's directory, where the
// snapshots live.
func (c *driftCommand) migrationsDir(ctx context.Context, cwd string) (string, error) {
	dir, err := load.MigrationsDir(ctx, c.loadConfig(cwd))
	if err != nil {
		return "", fmt.Errorf("migrations %s: %w", strings.Join(c.migrations, " "), err)
	}
	return dir, nil
}

// snapshotPath is the snapshot of a dialect in dir; rel is the path to
// show, relative to cwd when below it.
func snapshotPath(cwd, dir, dialect string) (path, rel string) {
	path = filepath.Join(dir, snapshot.FileName(dialect))
	rel = path
	if r, err := filepath.Rel(cwd, path); err == nil && !strings.HasPrefix(r, "..") {
		rel = r
	}
	return path, rel
}

// snapshotCommand is the command that writes the snapshot again, with the
// flags of this run that choose the models, migrations and database (a
// --dev-url is not repeated: it may hold a password).
func (c *driftCommand) snapshotCommand() string {
	words := []string{"schemalint", "migrate", "snapshot"}
	for _, name := range []string{"config", "models", "migrations", "schema", "relation-fks"} {
		if !c.set[name] {
			continue
		}
		for _, fs := range c.fsets {
			f := fs.Lookup(name)
			if f == nil {
				continue
			}
			values := []string{f.Value.String()}
			if l, ok := f.Value.(*cli.StringList); ok {
				values = *l
			}
			for _, v := range values {
				words = append(words, cli.ShellQuote("--"+name+"="+v))
			}
			break
		}
	}
	switch {
	case c.set["dev-url-env"]:
		words = append(words, cli.ShellQuote("--dev-url-env="+c.devURLEnv))
	case c.set["dev-url"]:
		words = append(words, "--dev-url=URL")
	}
	return strings.Join(words, " ")
}

// checkSnapshot is drift migrations with a snapshot at path: three things
// are compared, the models, the snapshot and what the migrations produce
// now (m).
//
// Migrations that build tables from today's models
// (NewCreateTable().Model) always agree with the models, so a field added
// without a migration only shows against the snapshot. Whether the
// snapshot or the models are behind is told by the migrations: the same
// set as the snapshot's means no migration was added, so a schema that
// changed anyway changed through the models; another set means the
// snapshot was not written again after adding one.
//
// What the snapshot records as the models' and no model makes now, while
// the migrations still create it, is a removal without its migration: it
// fails the run too (removedWithoutMigration).
func (c *driftCommand) checkSnapshot(d dsn.DSN, desired *desiredSide, m *migrated, file *snapshot.File, rel string) (*drift.Result, error) {
	desired.modelled = &file.Models
	res, err := c.compare(d, desired, m.schema)
	if err != nil {
		return nil, err
	}
	defer c.removedWithoutMigration(res)
	if !slices.Equal(m.migrations, file.Migrations) {
		c.stale = &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf("the migrations changed (%s) but %s was not regenerated: run %s",
			migrationChanges(file.Migrations, m.migrations), rel, c.snapshotCommand())}
		return res, nil
	}
	b, err := c.behindSnapshot(d, desired, m, file, rel)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return res, nil
	}
	behind := b.res
	added := 0
	for i := range behind.Findings {
		f := &behind.Findings[i]
		if slices.ContainsFunc(res.Findings, func(g drift.Finding) bool { return g.Kind == f.Kind && g.Object == f.Object }) {
			continue
		}
		res.Findings = append(res.Findings, noMigration(*f, rel))
		added++
	}
	// The run fails whatever the findings' severities: the schema changed
	// with no migration.
	if added > 0 {
		c.stale = &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf("the schema differs from %s and no migration was added: write one (the SQL above; where the migrations build tables from today's models, it must skip what a fresh database already has, as migrate new explains), then run %s",
			rel, c.snapshotCommand())}
	} else {
		c.stale = &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf("the migrations, the same as %s's, now produce another schema (an applied migration was edited?); first difference: %s; if that is intended, run %s",
			rel, firstDifference(b.then, b.now), c.snapshotCommand())}
	}
	return res, nil
}

// snapshotBehind is the models compared with the committed snapshot, when
// the migrations, the snapshot's (the caller checks), now produce another
// schema (m): the snapshot stands for every database they ran on.
type snapshotBehind struct {
	snap      *snapshot.Snapshot
	then, now []byte        // the snapshot's body, and the one m gives
	res       *drift.Result // the models against the snapshot's schema
}

// behindSnapshot returns nil when m's schema is the snapshot's, as written
// or written otherwise.
func (c *driftCommand) behindSnapshot(d dsn.DSN, desired *desiredSide, m *migrated, file *snapshot.File, rel string) (*snapshotBehind, error) {
	now, err := snapshot.Body(d.Dialect, m.schema)
	if err != nil {
		return nil, err
	}
	if file.SameBody(now) {
		return nil, nil
	}
	snap, err := file.Snapshot()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	then, err := snapshot.Body(d.Dialect, snap.Schema)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	if bytes.Equal(now, then) { // the same schema, written otherwise
		return nil, nil
	}
	snap.Schema.Name = m.schema.Name
	res, err := c.compare(d, desired, snap.Schema)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return &snapshotBehind{snap: snap, then: then, now: now, res: res}, nil
}

// removedWithoutMigration fails the run when res reports objects the
// snapshot records as the models' that no model makes now (and no
// migration drops), unless it fails for another reason already.
func (c *driftCommand) removedWithoutMigration(res *drift.Result) {
	var objects []string
	for i := range res.Findings {
		if f := &res.Findings[i]; f.Removed {
			objects = append(objects, f.Object)
		}
	}
	if len(objects) == 0 || c.stale != nil {
		return
	}
	c.stale = &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf("removed from the models without a migration dropping it: %s; run schemalint migrate new NAME (with --allow-destructive for a table), or, to keep it without a model, %s",
		strings.Join(objects, ", "), c.snapshotCommand())}
}

// noMigration rewords a difference between the models and the snapshot:
// the migrations are unchanged since the snapshot, so no migration makes
// the change; the repair SQL is the migration to write.
func noMigration(f drift.Finding, rel string) drift.Finding {
	who := f.Model[strings.LastIndex(f.Model, ".")+1:]
	if f.Field != "" {
		who += "." + f.Field
	}
	switch {
	case f.Kind == drift.ColumnMissing && f.Field != "":
		f.Message = fmt.Sprintf("%s: column %s is in the model but no migration adds it", who, f.Object)
	case f.Kind == drift.TableMissing && f.Model != "":
		f.Message = fmt.Sprintf("%s: table %s is in the model but no migration creates it", who, f.Object)
	default:
		if f.Field != "" {
			f.Message = who + ": " + f.Message
		}
		f.Message += fmt.Sprintf("; no migration makes this change (the migrations are those of %s)", rel)
	}
	f.Fix = "add a migration making the change (the SQL below), then run schemalint migrate snapshot"
	return f
}

// migrationChanges says which migrations were added and removed.
func migrationChanges(then, now []string) string {
	var added, removed []string
	for _, n := range now {
		if !slices.Contains(then, n) {
			added = append(added, n)
		}
	}
	for _, n := range then {
		if !slices.Contains(now, n) {
			removed = append(removed, n)
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "added "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "removed "+strings.Join(removed, ", "))
	}
	return strings.Join(parts, "; ")
}

// firstDifference shows the first line where two snapshot bodies differ.
func firstDifference(then, now []byte) string {
	a, b := strings.Split(string(then), "\n"), strings.Split(string(now), "\n")
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("the snapshot has %q where the migrations now give %q", strings.TrimSpace(x), strings.TrimSpace(y))
		}
	}
	return "none"
}

// readSnapshot reads the header of the snapshot at path; nil when there
// is none.
func readSnapshot(path, rel, dialect string) (*snapshot.File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := snapshot.Read(data, dialect)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return f, nil
}
