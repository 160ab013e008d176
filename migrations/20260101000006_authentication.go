package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Authentication: social accounts, API keys and their roles, JWT signing
// keys, passkeys.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		// Bun cannot reflect a model with a many-to-many relation until
		// the join model is registered.
		schema.RegisterModels(db)
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.SocialAccount)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.APIKey)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE").
				ForeignKey("(created_by_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.APIKeyRole)(nil)).IfNotExists().
				ForeignKey("(api_key_id) REFERENCES api_keys (id) ON DELETE CASCADE").
				ForeignKey("(role_id) REFERENCES roles (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.JWTKey)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Passkey)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.SocialAccount)(nil)).Index("idx_social_accounts_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.SocialAccount)(nil)).Index("idx_social_accounts_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.APIKey)(nil)).Index("idx_apikeys_prefix_unique").Unique().Column("key_prefix"),
			db.NewCreateIndex().Model((*schema.APIKey)(nil)).Index("idx_api_keys_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.APIKey)(nil)).Index("idx_api_keys_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.APIKey)(nil)).Index("idx_api_keys_organization_id").Column("organization_id"),
			db.NewCreateIndex().Model((*schema.APIKey)(nil)).Index("idx_api_keys_created_by_id").Column("created_by_id"),
			db.NewCreateIndex().Model((*schema.APIKeyRole)(nil)).Index("idx_api_key_roles_role_id").Column("role_id"),
			db.NewCreateIndex().Model((*schema.JWTKey)(nil)).Index("idx_jwt_keys_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.JWTKey)(nil)).Index("idx_jwt_keys_environment_kid_unique").
				Unique().Column("environment_id", "key_id"),
			db.NewCreateIndex().Model((*schema.Passkey)(nil)).Index("idx_passkeys_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Passkey)(nil)).Index("idx_passkeys_user_id").Column("user_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE social_accounts ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_social_accounts_provider_unique ON social_accounts (environment_id, provider, provider_account_id, not_deleted)",
				"ALTER TABLE passkeys ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_passkeys_credential_unique ON passkeys (environment_id, credential_id, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.SocialAccount)(nil)).Index("idx_social_accounts_provider_unique").
				Unique().Column("environment_id", "provider", "provider_account_id").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Passkey)(nil)).Index("idx_passkeys_credential_unique").
				Unique().Column("environment_id", "credential_id").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.SocialAccount)(nil)).Index("idx_social_accounts_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.Passkey)(nil)).Index("idx_passkeys_environment_id").Column("environment_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		schema.RegisterModels(db)
		return run(ctx,
			db.NewDropTable().Model((*schema.Passkey)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.JWTKey)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.APIKeyRole)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.APIKey)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.SocialAccount)(nil)).IfExists(),
		)
	})
}
