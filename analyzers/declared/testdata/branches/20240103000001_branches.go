// Package branches creates different schemas per dialect.
package branches

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"

	"fixtures/models"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx); err != nil {
			return err
		}
		// MySQL: a generated column ends the unique index; then return.
		if db.Dialect().Name() == dialect.MySQL {
			_, err := db.ExecContext(ctx, "ALTER TABLE orgs ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL; CREATE UNIQUE INDEX idx_orgs_slug ON orgs (slug, not_deleted)")
			return err
		}
		// PostgreSQL and SQLite only from here.
		if _, err := db.NewCreateIndex().Model((*models.Org)(nil)).Index("idx_orgs_slug").Unique().Column("slug").Where("deleted_at IS NULL").Exec(ctx); err != nil {
			return err
		}
		switch db.Dialect().Name() {
		case dialect.PG:
			_, err := db.ExecContext(ctx, "CREATE INDEX idx_orgs_pg ON orgs USING hash (slug)")
			return err
		case dialect.MySQL, dialect.MSSQL:
			_, err := db.ExecContext(ctx, "CREATE INDEX idx_never ON orgs (slug)")
			return err
		default:
			_, err := db.ExecContext(ctx, "CREATE INDEX idx_orgs_lite ON orgs (slug)")
			return err
		}
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*models.Org)(nil)).Exec(ctx)
		return err
	})
}
