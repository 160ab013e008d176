package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Inside an organization: teams, members and invitations.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.Team)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Member)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(invited_by_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.Invitation)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE").
				ForeignKey("(inviter_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(team_id) REFERENCES teams (id) ON DELETE SET NULL"),

			db.NewCreateIndex().Model((*schema.Team)(nil)).Index("idx_teams_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Team)(nil)).Index("idx_teams_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_org_user").Column("organization_id", "user_id"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_invited_by_id").Column("invited_by_id"),
			db.NewCreateIndex().Model((*schema.Invitation)(nil)).Index("idx_invitations_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Invitation)(nil)).Index("idx_invitations_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Invitation)(nil)).Index("idx_invitations_org_email").Column("organization_id", "email"),
			db.NewCreateIndex().Model((*schema.Invitation)(nil)).Index("idx_invitations_inviter_id").Column("inviter_id"),
			db.NewCreateIndex().Model((*schema.Invitation)(nil)).Index("idx_invitations_team_id").Column("team_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE teams ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_teams_org_slug_unique ON teams (organization_id, slug, not_deleted)",
				"ALTER TABLE members ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_members_user_org_unique ON members (user_id, organization_id, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.Team)(nil)).Index("idx_teams_org_slug_unique").
				Unique().Column("organization_id", "slug").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_user_org_unique").
				Unique().Column("user_id", "organization_id").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Team)(nil)).Index("idx_teams_organization_id").Column("organization_id"),
			db.NewCreateIndex().Model((*schema.Member)(nil)).Index("idx_members_user_id").Column("user_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.Invitation)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Member)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Team)(nil)).IfExists(),
		)
	})
}
