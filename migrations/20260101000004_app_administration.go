package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// The people who administer an app: app teams, app members, app invitations.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.AppTeam)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.AppMember)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(app_team_id) REFERENCES app_teams (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.AppInvitation)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(inviter_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(app_team_id) REFERENCES app_teams (id) ON DELETE SET NULL"),

			db.NewCreateIndex().Model((*schema.AppMember)(nil)).Index("idx_app_members_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.AppMember)(nil)).Index("idx_app_members_app_team_id").Column("app_team_id"),
			db.NewCreateIndex().Model((*schema.AppInvitation)(nil)).Index("idx_app_invitations_app_email").Column("app_id", "email"),
			db.NewCreateIndex().Model((*schema.AppInvitation)(nil)).Index("idx_app_invitations_inviter_id").Column("inviter_id"),
			db.NewCreateIndex().Model((*schema.AppInvitation)(nil)).Index("idx_app_invitations_app_team_id").Column("app_team_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE app_teams ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_app_teams_app_slug_unique ON app_teams (app_id, slug, not_deleted)",
				"ALTER TABLE app_members ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_app_members_app_user_unique ON app_members (app_id, user_id, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.AppTeam)(nil)).Index("idx_app_teams_app_slug_unique").
				Unique().Column("app_id", "slug").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.AppMember)(nil)).Index("idx_app_members_app_user_unique").
				Unique().Column("app_id", "user_id").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.AppTeam)(nil)).Index("idx_app_teams_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.AppMember)(nil)).Index("idx_app_members_app_id").Column("app_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.AppInvitation)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.AppMember)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.AppTeam)(nil)).IfExists(),
		)
	})
}
