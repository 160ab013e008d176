// Package benchschema creates a large, synthetic schema for measuring
// live-database inspection: n tables of 18 columns each, with a mix of
// string, integer, boolean, decimal, float, JSON and time columns, nullable
// and NOT NULL, with and without defaults, three secondary indexes (one
// partial and unique where the dialect has partial indexes, one with a
// descending part) and two foreign keys per table.
//
// The shape follows what slows catalogue inspection down, not any real
// application: many tables, many columns, and indexes and foreign keys
// spread over all of them. With n = 1,000 it gives 18,000 columns, 3,000
// secondary indexes and 2,000 foreign keys.
package benchschema

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Columns is the number of columns of every generated table.
const Columns = 18

// types holds the dialect spelling of each kind of column the generator
// uses.
type types struct {
	boolean, float, jsonT, stamp, stampTZ, now string
}

var dialectTypes = map[string]types{
	dsn.Postgres: {boolean: "boolean", float: "double precision", jsonT: "jsonb", stamp: "timestamp", stampTZ: "timestamptz", now: "CURRENT_TIMESTAMP"},
	// MariaDB turns json into LONGTEXT with a json_valid CHECK, which
	// inspection must fold back into a JSON column.
	dsn.MySQL:  {boolean: "boolean", float: "double", jsonT: "json", stamp: "datetime", stampTZ: "timestamp", now: "CURRENT_TIMESTAMP"},
	dsn.SQLite: {boolean: "boolean", float: "real", jsonT: "json", stamp: "timestamp", stampTZ: "timestamp", now: "CURRENT_TIMESTAMP"},
}

// TableName returns the name of the i-th generated table (1-based).
func TableName(i int) string { return fmt.Sprintf("bench_%04d", i) }

// Statements returns the DDL that creates n tables in dialect, in an order
// every dialect accepts: each table's foreign keys reference itself or an
// earlier table.
func Statements(dialect string, n int) ([]string, error) {
	ty, ok := dialectTypes[dialect]
	if !ok {
		return nil, fmt.Errorf("benchschema: unknown dialect %q", dialect)
	}
	if n < 1 {
		return nil, fmt.Errorf("benchschema: need at least one table, got %d", n)
	}
	stmts := make([]string, 0, 4*n)
	for i := 1; i <= n; i++ {
		t := TableName(i)
		// parent_id chains every table to the one before it (the first to
		// itself); owner_id points at the first table, so that one table
		// is referenced from everywhere, as a users table would be.
		parent := TableName(max(i-1, 1))
		owner := TableName(1)
		cols := []string{
			"id varchar(20) NOT NULL",
			"owner_id varchar(20) NOT NULL",
			"parent_id varchar(20) NULL",
			"name varchar(255) NOT NULL",
			"slug varchar(64) NOT NULL DEFAULT ''",
			"description text NULL",
			"position integer NOT NULL DEFAULT 0",
			"views bigint NULL",
			"active " + ty.boolean + " NOT NULL DEFAULT true",
			"archived " + ty.boolean + " NOT NULL DEFAULT false",
			"amount decimal(10,2) NOT NULL DEFAULT 0",
			"score " + ty.float + " NULL",
			"metadata " + ty.jsonT + " NULL",
			"status varchar(20) NOT NULL DEFAULT 'active'",
			"expires_at " + ty.stamp + " NULL",
			"created_at " + ty.stampTZ + " NOT NULL DEFAULT " + ty.now,
			"updated_at " + ty.stampTZ + " NOT NULL DEFAULT " + ty.now,
			"deleted_at " + ty.stamp + " NULL",
		}
		defs := slices.Concat(cols, []string{
			"PRIMARY KEY (id)",
			fmt.Sprintf("CONSTRAINT fk_%s_owner FOREIGN KEY (owner_id) REFERENCES %s (id) ON DELETE CASCADE", t, owner),
			fmt.Sprintf("CONSTRAINT fk_%s_parent FOREIGN KEY (parent_id) REFERENCES %s (id) ON DELETE SET NULL", t, parent),
		})
		indexes := []string{
			fmt.Sprintf("INDEX idx_%s_parent_id (parent_id)", t),
			fmt.Sprintf("INDEX idx_%s_status_created (status, created_at DESC)", t),
			fmt.Sprintf("UNIQUE INDEX idx_%s_owner_slug (owner_id, slug)", t),
		}
		if dialect == dsn.MySQL {
			// CREATE INDEX is an ALTER TABLE on InnoDB, tens of
			// milliseconds each; declaring the keys in CREATE TABLE
			// keeps generating 1,000 tables within seconds.
			defs = append(defs, indexes...)
			stmts = append(stmts, fmt.Sprintf("CREATE TABLE %s (\n\t%s\n)", t, strings.Join(defs, ",\n\t")))
			continue
		}
		stmts = append(stmts,
			fmt.Sprintf("CREATE TABLE %s (\n\t%s\n)", t, strings.Join(defs, ",\n\t")),
			fmt.Sprintf("CREATE INDEX idx_%s_parent_id ON %s (parent_id)", t, t),
			fmt.Sprintf("CREATE INDEX idx_%s_status_created ON %s (status, created_at DESC)", t, t),
			fmt.Sprintf("CREATE UNIQUE INDEX idx_%s_owner_slug ON %s (owner_id, slug) WHERE deleted_at IS NULL", t, t),
		)
	}
	return stmts, nil
}

// Create creates n tables in the database db of the given dialect (one of
// the dialect names of package internal/dsn). The database should be empty:
// table names are fixed (bench_0001, ...).
func Create(ctx context.Context, db *sql.DB, dialect string, n int) error {
	stmts, err := Statements(dialect, n)
	if err != nil {
		return err
	}
	// One transaction: PostgreSQL and SQLite then write their catalogues
	// once instead of once per statement (MySQL commits each DDL
	// statement anyway, which is harmless).
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("benchschema: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("benchschema: %s: %w", firstLine(s), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("benchschema: commit: %w", err)
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSuffix(line, " (")
}
