package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.App)(nil)).IfNotExists(),
			db.NewCreateTable().Model((*schema.Environment)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE apps ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_apps_slug_unique ON apps (slug, not_deleted)",
				"ALTER TABLE environments ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_environments_app_slug_unique ON environments (app_id, slug, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.App)(nil)).Index("idx_apps_slug_unique").
				Unique().Column("slug").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Environment)(nil)).Index("idx_environments_app_slug_unique").
				Unique().Column("app_id", "slug").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Environment)(nil)).Index("idx_environments_app_id").Column("app_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.Environment)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.App)(nil)).IfExists(),
		)
	})
}
