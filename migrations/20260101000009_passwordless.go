package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/schema"
)

// Passwordless sign-in: magic links, email codes, phone verification.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewCreateTable().Model((*schema.MagicLinkToken)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.EmailOTP)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.PhoneVerification)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.MagicLinkToken)(nil)).Index("idx_magic_link_tokens_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.MagicLinkToken)(nil)).Index("idx_magic_link_tokens_environment_email").Column("environment_id", "email"),
			db.NewCreateIndex().Model((*schema.MagicLinkToken)(nil)).Index("idx_magic_link_tokens_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.EmailOTP)(nil)).Index("idx_email_otps_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.EmailOTP)(nil)).Index("idx_email_otps_environment_email").Column("environment_id", "email"),
			db.NewCreateIndex().Model((*schema.EmailOTP)(nil)).Index("idx_email_otps_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.PhoneVerification)(nil)).Index("idx_phone_verifications_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.PhoneVerification)(nil)).Index("idx_phone_verifications_environment_phone").Column("environment_id", "phone"),
			db.NewCreateIndex().Model((*schema.PhoneVerification)(nil)).Index("idx_phone_verifications_user_id").Column("user_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.PhoneVerification)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.EmailOTP)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.MagicLinkToken)(nil)).IfExists(),
		)
	})
}
