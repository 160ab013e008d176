package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/load"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
)

// migrationsMode applies the migrations to a scratch database and
// compares that with the models: a model changed without a migration
// shows as drift.
func (c *driftCommand) migrationsMode(ctx context.Context, cwd string) (*drift.Result, error) {
	if len(c.migrations) == 0 {
		return nil, cli.UsageErr("drift migrations needs --migrations PATTERN: the package registering the Bun migrations")
	}
	if c.set["dsn"] || c.set["dsn-env"] {
		return nil, cli.UsageErr("--dsn is for live mode; the missing-migration check migrates a scratch SQLite file, or --dev-url")
	}
	// Where the snapshot is (a go list) is found meanwhile.
	type found struct {
		dir string
		err error
	}
	where := make(chan found, 1)
	go func() {
		dir, err := c.migrationsDir(ctx, cwd)
		where <- found{dir, err}
	}()
	d, cleanup, err := c.scratchDB(ctx, c.devURL != "" || c.devURLEnv != "")
	if err != nil {
		return nil, err
	}
	defer cleanup()
	if err := c.migrateScratch(ctx, cwd, d); err != nil {
		return nil, err
	}
	desired, err := c.desired(ctx, cwd, d.Dialect)
	if err != nil {
		return nil, err
	}
	if d.Dialect == dsn.SQLite {
		d = d.ReadOnly()
	}
	db, err := connect(ctx, d, c.timeout)
	if err != nil {
		return nil, err
	}
	defer func() { _ = db.Close() }()
	loc := <-where
	if loc.err != nil {
		return nil, loc.err
	}
	path, rel := snapshotPath(cwd, loc.dir, d.Dialect)
	snap, err := readSnapshot(path, rel, d.Dialect)
	if err != nil {
		return nil, err
	}
	if snap == nil {
		// A note, shown as the others are (on failure, and with -v): a
		// clean run stays silent.
		res, err := c.check(ctx, db, d, desired)
		if err == nil {
			res.Notes = append(res.Notes, fmt.Sprintf("no schema snapshot %s: run %s and commit it, so that this check also catches a model change that migrations building from the models (NewCreateTable().Model) pick up by themselves", rel, c.snapshotCommand()))
		}
		return res, err
	}
	m, err := c.readMigrated(ctx, db, d)
	if err != nil {
		return nil, err
	}
	return c.checkSnapshot(d, desired, m, snap, rel)
}

// scratchDB returns the database the migrations run on: the empty dev
// database of --dev-url (dev), else a private SQLite file; cleanup empties
// or deletes it.
func (c *driftCommand) scratchDB(ctx context.Context, dev bool) (d dsn.DSN, cleanup func(), err error) {
	if dev {
		if d, err = c.url("dev-url", c.devURL, c.devURLEnv); err != nil {
			return d, nil, err
		}
		if d.Dialect == dsn.SQLite {
			return d, nil, cli.UsageErr("--dev-url names a PostgreSQL or MySQL database; without it the scratch database is a private SQLite file")
		}
		cleanup, err = c.claimDevDB(ctx, d)
		return d, cleanup, err
	}
	// SQLite "in memory" cannot be shared with the process that runs
	// the migrations, so the scratch database is a private file,
	// deleted afterwards.
	dir, err := os.MkdirTemp("", "schemalint-drift-scratch-")
	if err != nil {
		return d, nil, err
	}
	cleanup = func() { _ = os.RemoveAll(dir) }
	// Nothing needs to survive a crash of the scratch database:
	// synchronous(OFF) and an in-memory journal make the migrations
	// several times faster.
	scratch := "sqlite://" + filepath.Join(dir, "scratch.db") +
		"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=synchronous(OFF)&_pragma=journal_mode(MEMORY)"
	if d, err = dsn.Parse(scratch); err != nil {
		cleanup()
		return d, nil, err
	}
	return d, cleanup, nil
}

// migrateScratch runs the migrations on the scratch database d.
func (c *driftCommand) migrateScratch(ctx context.Context, cwd string, d dsn.DSN) error {
	start := time.Now()
	built, err := load.Migrate(ctx, c.loadConfig(cwd), d.Dialect, d.DriverDSN())
	if err != nil {
		return fmt.Errorf("migrations %s: %w", strings.Join(c.migrations, " "), err)
	}
	if c.verbose {
		fmt.Fprintf(c.stderr, "schemalint: migrations applied to the scratch %s database in %v (program built in %v)\n",
			d.Dialect, time.Since(start).Round(time.Millisecond), built.Round(time.Millisecond))
	}
	return nil
}

// claimDevDB checks that the dev database is empty, and returns the
// function that empties it again: drift drops the tables and views the
// migrations created, and on PostgreSQL their types, functions and
// sequences (see pgObjects).
func (c *driftCommand) claimDevDB(ctx context.Context, d dsn.DSN) (func(), error) {
	db, err := connect(ctx, d, c.timeout)
	if err != nil {
		return nil, err
	}
	defer func() { _ = db.Close() }()
	ictx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	end := c.slowStep("checking that the dev database is empty")
	s, err := live.Inspect(ictx, db.SQL(), d.Dialect, live.Options{Schema: c.schema, Views: true})
	end()
	if err != nil {
		return nil, inspectErr(d, c.schema, c.timeout, err)
	}
	if n := len(s.Tables) + len(s.Views); n > 0 {
		return nil, fmt.Errorf("dev database %s is not empty (%d tables and views): drift migrations writes to it, so it must be empty", d, n)
	}
	if d.Dialect == dsn.Postgres {
		objs, err := pgObjects(ictx, db.SQL(), c.schema)
		if err != nil {
			return nil, inspectErr(d, c.schema, c.timeout, err)
		}
		if len(objs) > 0 {
			return nil, fmt.Errorf("dev database %s is not empty (%s): drift migrations writes to it, so it must be empty", d, describeObjects(objs))
		}
	}
	return func() {
		if err := c.emptyDevDB(d, ctx.Err() != nil); err != nil {
			fmt.Fprintf(c.stderr, "schemalint: %s\n", c.redact(oneLine(err.Error())))
		}
	}, nil
}

// emptyDevDB drops the tables and views of the dev database's schema
// (and on PostgreSQL its types, functions and sequences), and looks again. After an interrupt (interrupted), a statement of the
// killed migrations the server was still running may create one more: it
// gets a moment to land first.
func (c *driftCommand) emptyDevDB(d dsn.DSN, interrupted bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	db, err := connect(ctx, d, c.timeout)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	for range 3 {
		s, err := live.Inspect(ctx, db.SQL(), d.Dialect, live.Options{Schema: c.schema, Views: true})
		if err != nil {
			return fmt.Errorf("empty the dev database again: %w", err)
		}
		var objs []pgObject
		if d.Dialect == dsn.Postgres {
			if objs, err = pgObjects(ctx, db.SQL(), c.schema); err != nil {
				return fmt.Errorf("empty the dev database again: %w", err)
			}
		}
		if len(s.Tables)+len(s.Views)+len(objs) == 0 {
			return nil
		}
		if err := c.dropAll(ctx, db, d, s); err != nil {
			return err
		}
		if err := dropPGObjects(ctx, db.SQL(), objs); err != nil {
			return err
		}
		if interrupted {
			time.Sleep(200 * time.Millisecond)
		}
	}
	return nil
}

// dropAll drops the tables and views of s.
func (c *driftCommand) dropAll(ctx context.Context, db dbCloser, d dsn.DSN, s *schema.Schema) error {
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	ident := func(name string) string {
		if d.Dialect == dsn.MySQL {
			return "`" + strings.ReplaceAll(name, "`", "``") + "`"
		}
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
	quote := func(name string) string {
		if c.schema != "" {
			return ident(c.schema) + "." + ident(name)
		}
		return ident(name)
	}
	var stmts []string
	if d.Dialect == dsn.MySQL {
		stmts = append(stmts, "SET FOREIGN_KEY_CHECKS = 0")
	}
	cascade := ""
	if d.Dialect == dsn.Postgres {
		cascade = " CASCADE"
	}
	for _, v := range s.Views {
		stmts = append(stmts, "DROP VIEW IF EXISTS "+quote(v.Name)+cascade)
	}
	for _, t := range s.Tables {
		stmts = append(stmts, "DROP TABLE IF EXISTS "+quote(t.Name)+cascade)
	}
	for _, stmt := range stmts {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("empty the dev database again: %s: %w", stmt, err)
		}
	}
	return nil
}
