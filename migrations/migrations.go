// Package migrations creates the reference schema of package schema on
// PostgreSQL, MySQL/MariaDB and SQLite with Bun's migrate package.
//
// Tables come from the models through db.NewCreateTable, so column types
// follow Bun's dialects; foreign keys are declared on each CREATE TABLE,
// which is the only way SQLite accepts them. Secondary indexes, which Bun's
// tags cannot express, are created here, one led by every foreign-key
// column.
//
// # Unique values on soft-deleted tables
//
// A soft-deleted row must not keep its unique value (an email, a slug) from
// being used again. PostgreSQL and SQLite get partial unique indexes
// (WHERE deleted_at IS NULL). MySQL and MariaDB have no partial indexes, so
// each such table gets a virtual column
//
//	not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL
//
// and the unique index ends with it: live rows have 1 there and collide as
// usual, deleted rows have NULL, and NULLs never collide in a unique index.
// The column is virtual, so it takes no space, and Bun's queries name their
// columns, so they never see it. It is not INVISIBLE, because Atlas (and so
// schemalint drift) cannot inspect invisible columns yet; raw SELECT * on
// MySQL returns it.
//
// On PostgreSQL and SQLite a partial index cannot serve a foreign key's own
// checks (a parent's ON DELETE must find deleted rows too), so a foreign-key
// column that only a partial unique index leads gets a plain index as well;
// on MySQL the unique index is a full one and serves.
//
// Every down migration drops exactly the tables its up migration created, in
// reverse order; their indexes, constraints and generated columns go with
// them.
package migrations

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations holds every migration of the reference schema, in file order.
var Migrations = migrate.NewMigrations()

// execer is what Bun's query builders have in common for running a
// statement and naming it in an error.
type execer interface {
	Exec(ctx context.Context, dest ...any) (sql.Result, error)
	Operation() string
	GetTableName() string
}

// run executes queries in order and stops at the first error, naming the
// statement that failed.
func run(ctx context.Context, queries ...execer) error {
	for _, q := range queries {
		if _, err := q.Exec(ctx); err != nil {
			return fmt.Errorf("%s %s: %w", q.Operation(), q.GetTableName(), err)
		}
	}
	return nil
}

// runSQL executes constant SQL statements in order.
func runSQL(ctx context.Context, db bun.IDB, statements ...string) error {
	for _, s := range statements {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}
