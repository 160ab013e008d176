package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/schema"
)

// Multi-factor authentication: settings, credentials, backup codes.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewCreateTable().Model((*schema.MFASettings)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.MFACredential)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(passkey_id) REFERENCES passkeys (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.MFABackupCode)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.MFASettings)(nil)).Index("idx_mfa_settings_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.MFASettings)(nil)).Index("idx_mfa_settings_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.MFACredential)(nil)).Index("idx_mfa_credentials_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.MFACredential)(nil)).Index("idx_mfa_credentials_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.MFACredential)(nil)).Index("idx_mfa_credentials_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.MFACredential)(nil)).Index("idx_mfa_credentials_passkey_id").Column("passkey_id"),
			db.NewCreateIndex().Model((*schema.MFABackupCode)(nil)).Index("idx_mfa_backup_codes_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.MFABackupCode)(nil)).Index("idx_mfa_backup_codes_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.MFABackupCode)(nil)).Index("idx_mfa_backup_codes_user_id").Column("user_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.MFABackupCode)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.MFACredential)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.MFASettings)(nil)).IfExists(),
		)
	})
}
