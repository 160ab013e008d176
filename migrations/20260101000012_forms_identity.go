package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Dynamic forms and identity verification.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.FormSchema)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.IdentityVerification)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.FormSchema)(nil)).Index("idx_form_schemas_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.IdentityVerification)(nil)).Index("idx_identity_verifications_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.IdentityVerification)(nil)).Index("idx_identity_verifications_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.IdentityVerification)(nil)).Index("idx_identity_verifications_user_id").Column("user_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE form_schemas ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_form_schemas_name_version_unique ON form_schemas (environment_id, name, version, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.FormSchema)(nil)).Index("idx_form_schemas_name_version_unique").
				Unique().Column("environment_id", "name", "version").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.FormSchema)(nil)).Index("idx_form_schemas_environment_id").Column("environment_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.IdentityVerification)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.FormSchema)(nil)).IfExists(),
		)
	})
}
