package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/analyzers/config"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
)

// newMigrateCommand is schemalint migrate: the schema snapshot that
// drift migrations checks against.
func newMigrateCommand(stdout, stderr io.Writer) *ffcli.Command {
	c := &driftCommand{stdout: stdout, stderr: stderr}
	var dialects cli.StringList
	fs := flag.NewFlagSet("migrate snapshot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.fsets = append(c.fsets, fs)
	fs.Var(&c.models, "models", "package pattern of the models (repeatable; default ./...)")
	fs.Var(&c.migrations, "migrations", "package pattern of the package registering the Bun migrations (repeatable); the snapshot is written in its directory")
	fs.StringVar(&c.devURL, "dev-url", "", "an empty PostgreSQL or MySQL database to migrate, for that dialect's snapshot (default: a scratch SQLite file)")
	fs.StringVar(&c.devURLEnv, "dev-url-env", "", "name of the environment variable holding --dev-url")
	fs.Var(&dialects, "dialect", "write only this dialect's snapshot: sqlite, or the --dev-url's (repeatable; default: the scratch database's, and sqlite when .schemalint.yml lists it)")
	fs.StringVar(&c.schema, "schema", "", "schema (MySQL: database) to read; default the connection's")
	fs.BoolVar(&c.relationFKs, "relation-fks", false, "the models' relations make foreign keys (as drift --relation-fks): record them as the models', so that migrate new drops one whose relation is removed")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "bound on connecting, on reading the schema, and on running the migrations")
	fs.StringVar(&c.configFile, "config", "", "configuration file (default: the nearest .schemalint.yml)")
	fs.BoolVar(&c.verbose, "v", false, "print timings to standard error")
	fs.BoolVar(&c.quiet, "quiet", false, "no progress lines on standard error (printed only to a terminal, for steps slower than a second)")
	snap := &ffcli.Command{
		Name:       "snapshot",
		ShortUsage: "schemalint migrate snapshot --migrations PATTERN [--models PATTERN] [--dev-url URL | --dev-url-env VAR] [flags]",
		ShortHelp:  "write the schema the migrations produce, for drift migrations",
		LongHelp: strings.TrimSpace(`
Apply the migrations to a scratch database, exactly as drift migrations
does, and write the schema they produce (tables, columns, types,
nullability, defaults, keys, indexes, foreign keys, views) with the names
of the migrations applied to schema.<dialect>.hcl in the migrations
package's directory: Atlas HCL, sorted, no timestamps. Commit it.

drift migrations then also compares the models with the snapshot: a field
added to a model without a migration fails it even when the migrations
create tables from today's models (NewCreateTable().Model), and a
migration added without running this command again fails it too.

The snapshot also records which of its objects the models made (header
lines "# schemalint:model table|fk|index ..."): the tables models map to,
the keys of their relations with --relation-fks, the indexes of their
unique tags. migrate new drops one whose model part is removed since, and
drift migrations fails until a migration does; a table no model ever
mapped to stays untouched.

The scratch database is a private SQLite file (schema.sqlite.hcl), or the
empty PostgreSQL or MySQL database of --dev-url (schema.pg.hcl,
schema.mysql.hcl). Dialects listed by dialect: in .schemalint.yml are
written when this run can: SQLite always, the --dev-url's dialect; the
others are named as skipped. --dialect writes only the ones it names. It
runs the migrations' Go code.

Exit codes: 0 written (or already up to date), 2 could not write.`),
		FlagSet: fs,
		Exec: func(ctx context.Context, args []string) error {
			return c.writeSnapshots(ctx, args, dialects)
		},
	}
	return &ffcli.Command{
		Name:        "migrate",
		ShortUsage:  "schemalint migrate <snapshot | new> [flags]",
		ShortHelp:   "write the schema snapshot drift migrations checks, or a new migration from the models",
		Subcommands: []*ffcli.Command{snap, newMigrateNewCommand(stdout, stderr)},
		Exec: func(context.Context, []string) error {
			return cli.UsageErr("migrate: missing subcommand: schemalint migrate snapshot, or schemalint migrate new NAME")
		},
	}
}

// writeSnapshots is migrate snapshot.
func (c *driftCommand) writeSnapshots(ctx context.Context, args, only []string) (err error) {
	defer func() { err = c.tidy(recover(), err) }()
	if len(args) > 0 {
		return cli.UsageErr("migrate snapshot takes no arguments (got %q): name packages with --models and --migrations", args[0])
	}
	c.recordSet()
	if err := c.applyConfig(); err != nil {
		return err
	}
	if len(c.migrations) == 0 {
		return cli.UsageErr("migrate snapshot needs --migrations PATTERN: the package registering the Bun migrations")
	}
	cwd, removeGoTmp, err := c.prepare()
	if err != nil {
		return err
	}
	defer removeGoTmp()

	// The database drift migrations uses with these settings comes first;
	// SQLite's scratch file is always at hand for a configured sqlite.
	dev := c.devURL != "" || c.devURLEnv != ""
	primary := dsn.SQLite
	if dev {
		d, err := c.url("dev-url", c.devURL, c.devURLEnv)
		if err != nil {
			return err
		}
		primary = d.Dialect
	}
	targets, skipped, err := c.snapshotTargets(only, primary, dev)
	if err != nil {
		return err
	}
	for _, dev := range targets {
		if err := c.writeSnapshot(ctx, cwd, dev); err != nil {
			return err
		}
	}
	for _, d := range skipped {
		fmt.Fprintf(c.stderr, "schemalint: note: dialect %s (.schemalint.yml) skipped: its snapshot %s needs an empty %s database: run again with --dev-url or --dev-url-env naming one\n",
			d, snapshot.FileName(d), snapshot.Title(d))
	}
	return nil
}

// writeSnapshot migrates one scratch database (the dev database, or a
// SQLite file) and writes its snapshot.
func (c *driftCommand) writeSnapshot(ctx context.Context, cwd string, dev bool) error {
	d, cleanup, err := c.scratchDB(ctx, dev)
	if err != nil {
		return err
	}
	defer cleanup()
	if err := c.migrateScratch(ctx, cwd, d); err != nil {
		return err
	}
	if d.Dialect == dsn.SQLite {
		d = d.ReadOnly()
	}
	db, err := connect(ctx, d, c.timeout)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	m, err := c.readMigrated(ctx, db, d)
	if err != nil {
		return err
	}
	dir, err := c.migrationsDir(ctx, cwd)
	if err != nil {
		return err
	}
	path, rel := snapshotPath(cwd, dir, d.Dialect)
	desired, err := c.desired(ctx, cwd, d.Dialect)
	if err != nil {
		return err
	}
	opts := c.options()
	opts.Declared = desired.declared // its directive indexes are the models'
	models := drift.ModelObjects(d.Dialect, desired.models.View, m.schema, opts)
	data, err := snapshot.Encode(&snapshot.Snapshot{Dialect: d.Dialect, Migrations: m.migrations, Schema: m.schema, Models: models})
	if err != nil {
		return err
	}
	tables := 0
	for _, t := range m.schema.Tables {
		if !snapshot.Ignored(t.Name) {
			tables++
		}
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		fmt.Fprintf(c.stdout, "%s is up to date (%d tables, %d migrations)\n", rel, tables, len(m.migrations))
		return nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil { //nolint:gosec // a source file, committed
		return err
	}
	fmt.Fprintf(c.stdout, "wrote %s (%d tables, %d migrations)\n", rel, tables, len(m.migrations))
	return nil
}

// snapshotTargets says which scratch databases to write snapshots of (true:
// the dev database of primary's dialect, false: a SQLite file), and which
// configured dialects this run cannot write. Dialects asked for by name
// (only) must all be writable; without, the scratch database drift
// migrations uses comes first, then SQLite when .schemalint.yml lists it.
func (c *driftCommand) snapshotTargets(only []string, primary string, dev bool) (targets []bool, skipped []string, err error) {
	wanted := c.dialects
	if len(only) > 0 {
		wanted = nil
		for _, name := range only {
			d, err := config.ParseDialect(name)
			if err != nil {
				return nil, nil, cli.UsageErr("--dialect: %v", err)
			}
			if d != primary && d != dsn.SQLite {
				return nil, nil, cli.UsageErr("--dialect %s needs an empty %s database: give it with --dev-url or --dev-url-env", name, snapshot.Title(d))
			}
			wanted = append(wanted, d)
		}
	} else {
		targets = append(targets, dev)
	}
	for _, d := range wanted {
		var t bool
		switch d {
		case primary:
			t = dev
		case dsn.SQLite:
			t = false
		default:
			skipped = append(skipped, d)
			continue
		}
		if !slices.Contains(targets, t) {
			targets = append(targets, t)
		}
	}
	return targets, skipped, nil
}
