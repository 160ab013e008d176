package live

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Options tells Inspect what to read.
type Options struct {
	// Schema is the schema (MySQL: database) to inspect. Empty means the
	// connection's own: current_schema() on PostgreSQL, DATABASE() on
	// MySQL, "main" on SQLite.
	Schema string
	// Views also reads the schema's views into Schema.Views, with their
	// column names only (no types, no definition): Atlas's open-source
	// inspector reads none, and a Bun model may map to a view. Off, the
	// result is exactly Atlas's.
	Views bool
}

// Inspect reads the tables of one schema of the live database db, of the
// given dialect (dsn.Postgres, dsn.MySQL or dsn.SQLite), and returns them
// as Atlas's InspectSchema does, value for value: tables with their
// columns, types, defaults, primary keys, indexes, foreign keys, checks and
// dialect attributes, each table's Schema pointing back at the returned
// schema. Views are not tables and are not returned (Atlas's open-source
// inspector does not read them). Nothing is filtered: Bun's migration
// tables are there, as are whatever tables the database keeps for itself
// and Atlas reports (Atlas leaves out SQLite's sqlite_* tables).
//
// Everything is read in one read-only transaction (READ ONLY, and
// REPEATABLE READ on PostgreSQL so that every query sees the same
// catalogue), and nothing is written. On SQLite, open the file
// read-only as well (dsn.DSN.ReadOnly) to have the driver enforce it.
//
// The catalogues leave out what the user may not see, which would look
// like drift; Inspect checks first and returns a *PrivilegeError naming the
// grant to add when the user cannot see every table's columns
// (PostgreSQL: USAGE on the schema and SELECT on its tables) or every
// constraint (MariaDB: a privilege besides SELECT, e.g. SHOW VIEW).
//
// A schema that does not exist is an error for which
// schema.IsNotExistError reports true: comparing models with an empty
// schema would report every table as missing, which hides the real
// mistake (a wrong DSN or schema name). Errors are one line naming what
// failed, and wrap ctx's error when ctx ends first.
func Inspect(ctx context.Context, db *sql.DB, dialect string, opts Options) (*schema.Schema, error) {
	type result struct {
		s   *schema.Schema
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, _, err := inspect(ctx, db, dialect, opts)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-ctx.Done():
		// Drivers stop a query when its context ends, except where they
		// cannot: SQLite waiting for another connection's lock sleeps
		// through its busy_timeout (5 s by default in package dsn). Return
		// now; the inspection rolls back its transaction when the driver
		// lets go. Prefer a result that is already there.
		select {
		case r := <-done:
			return r.s, r.err
		default:
			return nil, fmt.Errorf("%s: %w", describe(dialect, opts.Schema), ctx.Err())
		}
	}
}

// inspect is Inspect, also returning how often each shortcut answered, for
// the tests.
func inspect(ctx context.Context, db *sql.DB, dialect string, opts Options) (s *schema.Schema, used map[string]int, err error) {
	what := describe(dialect, opts.Schema)
	defer func() {
		// Atlas parses what the catalogue says; should it ever panic on
		// something unexpected, report that like any other failure.
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%s: atlas inspector panicked: %v", what, r)
		}
		if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
			// A cancelled transaction reports "sql: transaction has
			// already been committed or rolled back"; say why instead.
			err = fmt.Errorf("%s: %w", what, ctx.Err())
		}
	}()
	if db == nil {
		return nil, nil, fmt.Errorf("%s: no database", what)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	shortcuts, done, err := shortcutsFor(dialect)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	defer done()
	txOpts := &sql.TxOptions{ReadOnly: true}
	if dialect == dsn.Postgres {
		txOpts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.BeginTx(ctx, txOpts)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: begin read-only transaction: %w", what, err)
	}
	// Nothing to commit: the transaction only read.
	defer func() { _ = tx.Rollback() }()
	if dialect == dsn.Postgres {
		// The catalogue queries are cheap, but their row estimates are
		// wild (set-returning functions, long IN lists), which can push
		// their cost over jit_above_cost; compiling them then costs more
		// than running them (0.5 s of JIT for a 0.13 s query with 1,000
		// tables). The setting is local to the transaction and writes
		// nothing; PostgreSQL 10 has no JIT and no such setting.
		if _, err := tx.ExecContext(ctx, pgNoJIT); err != nil {
			return nil, nil, fmt.Errorf("%s: turn off JIT: %w", what, err)
		}
	}
	if err := checkPrivileges(ctx, tx, dialect, opts); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	q := newQuerier(ctx, tx, shortcuts)
	drv, err := openAtlas(dialect, q)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	s, err = drv.InspectSchema(ctx, opts.Schema, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	if dialect == dsn.Postgres {
		sortPGConstraints(s)
	}
	if opts.Views {
		if err := inspectViews(ctx, tx, dialect, opts.Schema, s); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	return s, q.used, nil
}

// shortcutsFor returns the shortcuts for dialect, and a function that
// releases what they hold once the inspection is over.
func shortcutsFor(dialect string) ([]shortcut, func(), error) {
	switch dialect {
	case dsn.Postgres:
		return pgShortcuts(), func() {}, nil
	case dsn.MySQL:
		return mysqlShortcuts(), func() {}, nil
	case dsn.SQLite:
		mem := newMemRows()
		return sqliteShortcuts(mem), func() { _ = mem.Close() }, nil
	}
	return nil, nil, fmt.Errorf("unknown dialect %q: want %q, %q or %q", dialect, dsn.Postgres, dsn.MySQL, dsn.SQLite)
}

// openAtlas returns Atlas's driver for dialect on q. Opening reads the
// server's version and settings, through q like every other query.
func openAtlas(dialect string, q schema.ExecQuerier) (migrate.Driver, error) {
	switch dialect {
	case dsn.Postgres:
		return postgres.Open(q)
	case dsn.MySQL:
		return mysql.Open(q)
	default:
		return sqlite.Open(q)
	}
}

// describe names the inspection for error messages.
func describe(dialect, name string) string {
	if name == "" {
		switch dialect {
		case dsn.Postgres:
			name = "current_schema()"
		case dsn.MySQL:
			name = "DATABASE()"
		case dsn.SQLite:
			name = "main"
		default:
			name = "(default)"
		}
		return fmt.Sprintf("live: inspect %s schema %s", dialect, name)
	}
	return fmt.Sprintf("live: inspect %s schema %q", dialect, name)
}
