package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/schema"
)

// Security and audit: audit and security event logs, bans, impersonation.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewCreateTable().Model((*schema.AuditEvent)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE SET NULL").
				ForeignKey("(actor_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.SecurityEvent)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.UserBan)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(banned_by_id) REFERENCES users (id) ON DELETE SET NULL").
				ForeignKey("(lifted_by_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.ImpersonationSession)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(impersonator_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(target_user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(session_id) REFERENCES sessions (id) ON DELETE SET NULL"),

			db.NewCreateIndex().Model((*schema.AuditEvent)(nil)).Index("idx_audit_events_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.AuditEvent)(nil)).Index("idx_audit_events_environment_created").Column("environment_id", "created_at"),
			db.NewCreateIndex().Model((*schema.AuditEvent)(nil)).Index("idx_audit_events_organization_created").Column("organization_id", "created_at"),
			db.NewCreateIndex().Model((*schema.AuditEvent)(nil)).Index("idx_audit_events_actor_id").Column("actor_id"),
			db.NewCreateIndex().Model((*schema.SecurityEvent)(nil)).Index("idx_security_events_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.SecurityEvent)(nil)).Index("idx_security_events_environment_created").Column("environment_id", "created_at"),
			db.NewCreateIndex().Model((*schema.SecurityEvent)(nil)).Index("idx_security_events_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.UserBan)(nil)).Index("idx_user_bans_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.UserBan)(nil)).Index("idx_user_bans_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.UserBan)(nil)).Index("idx_user_bans_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.UserBan)(nil)).Index("idx_user_bans_banned_by_id").Column("banned_by_id"),
			db.NewCreateIndex().Model((*schema.UserBan)(nil)).Index("idx_user_bans_lifted_by_id").Column("lifted_by_id"),
			db.NewCreateIndex().Model((*schema.ImpersonationSession)(nil)).Index("idx_impersonation_sessions_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.ImpersonationSession)(nil)).Index("idx_impersonation_sessions_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.ImpersonationSession)(nil)).Index("idx_impersonation_sessions_impersonator_id").Column("impersonator_id"),
			db.NewCreateIndex().Model((*schema.ImpersonationSession)(nil)).Index("idx_impersonation_sessions_target_user_id").Column("target_user_id"),
			db.NewCreateIndex().Model((*schema.ImpersonationSession)(nil)).Index("idx_impersonation_sessions_session_id").Column("session_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.ImpersonationSession)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.UserBan)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.SecurityEvent)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.AuditEvent)(nil)).IfExists(),
		)
	})
}
