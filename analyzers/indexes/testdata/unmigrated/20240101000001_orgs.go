// Package unmigrated's migrations leave models without tables and tables
// without models.
package unmigrated

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"

	"fixtures/unmigrated/models"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations() // want `model models.Report's table reports is not created by any migration: every query on it fails; create it with db.NewCreateTable\(\).Model\(\(\*models.Report\)\(nil\)\)` `model models.Badge's table badges is not created by any migration on MySQL and SQLite`

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.PG {
			if _, err := db.NewCreateTable().Model((*models.Badge)(nil)).Exec(ctx); err != nil {
				return err
			}
		}
		_, err := db.ExecContext(ctx, "CREATE TABLE audit_log (id bigint PRIMARY KEY, message text)") // want `the migrations create table audit_log, but no model the package can see describes it`
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "DROP TABLE audit_log; DROP TABLE badges; DROP TABLE orgs")
		return err
	})
}
