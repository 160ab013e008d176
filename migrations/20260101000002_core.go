package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Core entities: users, the organizations they belong to, their devices and
// sessions.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.User)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Organization)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(created_by_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.Device)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Session)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(active_organization_id) REFERENCES organizations (id) ON DELETE SET NULL").
				ForeignKey("(device_id) REFERENCES devices (id) ON DELETE SET NULL"),

			db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_app_email").Column("app_id", "email"),
			db.NewCreateIndex().Model((*schema.Organization)(nil)).Index("idx_organizations_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Organization)(nil)).Index("idx_organizations_created_by_id").Column("created_by_id"),
			db.NewCreateIndex().Model((*schema.Device)(nil)).Index("idx_devices_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Device)(nil)).Index("idx_devices_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_environment_expires").Column("environment_id", "expires_at"),
			db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_active_organization_id").Column("active_organization_id"),
			db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_device_id").Column("device_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE users ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_users_email_unique ON users (environment_id, email, not_deleted)",
				"CREATE UNIQUE INDEX idx_users_username_unique ON users (environment_id, username, not_deleted)",
				"ALTER TABLE organizations ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_organizations_slug_unique ON organizations (environment_id, slug, not_deleted)",
				"ALTER TABLE devices ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_devices_user_fingerprint_unique ON devices (user_id, fingerprint, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_email_unique").
				Unique().Column("environment_id", "email").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_username_unique").
				Unique().Column("environment_id", "username").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Organization)(nil)).Index("idx_organizations_slug_unique").
				Unique().Column("environment_id", "slug").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Device)(nil)).Index("idx_devices_user_fingerprint_unique").
				Unique().Column("user_id", "fingerprint").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Organization)(nil)).Index("idx_organizations_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Device)(nil)).Index("idx_devices_user_id").Column("user_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.Session)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Device)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Organization)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.User)(nil)).IfExists(),
		)
	})
}
