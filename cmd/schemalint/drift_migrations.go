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
	"github.com/schemalint/schemalint/internal/dsn"
)

// migrationsMode applies the migrations to a scratch database and
// compares that with the models: a model changed without a migration
// shows as drift.
func (c *driftCommand) migrationsMode(ctx context.Context, cwd string) (*drift.Result, error) {
	if len(c.migrations) == 0 {
		return nil, usageErr("drift migrations needs --migrations PATTERN: the package registering the Bun migrations")
	}
	if c.set["dsn"] || c.set["dsn-env"] {
		return nil, usageErr("--dsn is for live mode; the missing-migration check migrates a scratch SQLite file, or --dev-url")
	}
	d, cleanup, err := c.scratch(ctx)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	start := time.Now()
	built, err := load.Migrate(ctx, c.loadConfig(cwd), d.Dialect, d.DriverDSN())
	if err != nil {
		return nil, fmt.Errorf("migrations %s: %w", strings.Join(c.migrations, " "), err)
	}
	if c.verbose {
		fmt.Fprintf(c.stderr, "schemalint: migrations applied to the scratch %s database in %v (program built in %v)\n",
			d.Dialect, time.Since(start).Round(time.Millisecond), built.Round(time.Millisecond))
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
	return c.check(ctx, db, d, desired)
}

// scratch returns the database to migrate: the --dev-url one, checked
// empty, or a private SQLite file; cleanup empties or removes it.
func (c *driftCommand) scratch(ctx context.Context) (dsn.DSN, func(), error) {
	var (
		d       dsn.DSN
		cleanup func()
		err     error
	)
	if c.devURL != "" || c.devURLEnv != "" {
		if d, err = c.url("dev-url", c.devURL, c.devURLEnv); err != nil {
			return dsn.DSN{}, nil, err
		}
		if d.Dialect == dsn.SQLite {
			return dsn.DSN{}, nil, usageErr("--dev-url names a PostgreSQL or MySQL database; without it the scratch database is a private SQLite file")
		}
		if cleanup, err = c.claimDevDB(ctx, d); err != nil {
			return dsn.DSN{}, nil, err
		}
	} else {
		// SQLite "in memory" cannot be shared with the process that runs
		// the migrations, so the scratch database is a private file,
		// deleted afterwards.
		dir, err := os.MkdirTemp("", "schemalint-drift-scratch-")
		if err != nil {
			return dsn.DSN{}, nil, err
		}
		cleanup = func() { _ = os.RemoveAll(dir) }
		// Nothing needs to survive a crash of the scratch database:
		// synchronous(OFF) and an in-memory journal make the migrations
		// several times faster.
		scratch := "sqlite://" + filepath.Join(dir, "scratch.db") +
			"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=synchronous(OFF)&_pragma=journal_mode(MEMORY)"
		if d, err = dsn.Parse(scratch); err != nil {
			cleanup()
			return dsn.DSN{}, nil, err
		}
	}
	return d, cleanup, nil
}

// claimDevDB checks that the dev database is empty, and returns the
// function that empties it again: drift drops the tables and views the
// migrations created (types, functions and other objects stay).
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
	return func() {
		if err := c.emptyDevDB(d, ctx.Err() != nil); err != nil {
			fmt.Fprintf(c.stderr, "schemalint: %s\n", c.redact(oneLine(err.Error())))
		}
	}, nil
}

// emptyDevDB drops the tables and views of the dev database's schema,
// and looks again. After an interrupt (interrupted), a statement of the
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
		if len(s.Tables)+len(s.Views) == 0 {
			return nil
		}
		if err := c.dropAll(ctx, db, d, s); err != nil {
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
