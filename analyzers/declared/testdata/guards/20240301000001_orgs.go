// Package guards runs statements that may or may not run: under an
// existence check, with IF NOT EXISTS, or with an "already exists" error
// swallowed, as migrations written to be re-run do.
package guards

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, `CREATE TABLE orgs (id varchar(20) PRIMARY KEY, slug text NOT NULL, plan text);
CREATE INDEX idx_orgs_slug ON orgs (slug)`)
		return err
	}, nil)
}

// columnExists asks the database.
func columnExists(ctx context.Context, db bun.IDB, table, column string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?", table, column).Scan(&n)
	return n > 0, err
}

func tableExists(ctx context.Context, db bun.IDB, table string) bool {
	ok, _ := db.NewSelect().Table("information_schema.tables").Where("table_name = ?", table).Exists(ctx)
	return ok
}
