package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// SSO and OAuth: enterprise identity providers, OAuth clients, tokens and
// authorization codes.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.SSOProvider)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.OAuthClient)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.OAuthToken)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(oauth_client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.AuthorizationCode)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(oauth_client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.SSOProvider)(nil)).Index("idx_sso_providers_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.SSOProvider)(nil)).Index("idx_sso_providers_organization_id").Column("organization_id"),
			db.NewCreateIndex().Model((*schema.OAuthClient)(nil)).Index("idx_oauth_clients_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.OAuthClient)(nil)).Index("idx_oauth_clients_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.OAuthClient)(nil)).Index("idx_oauth_clients_organization_id").Column("organization_id"),
			db.NewCreateIndex().Model((*schema.OAuthToken)(nil)).Index("idx_oauth_tokens_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.OAuthToken)(nil)).Index("idx_oauth_tokens_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.OAuthToken)(nil)).Index("idx_oauth_tokens_oauth_client_id").Column("oauth_client_id"),
			db.NewCreateIndex().Model((*schema.OAuthToken)(nil)).Index("idx_oauth_tokens_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.AuthorizationCode)(nil)).Index("idx_authorization_codes_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.AuthorizationCode)(nil)).Index("idx_authorization_codes_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.AuthorizationCode)(nil)).Index("idx_authorization_codes_oauth_client_id").Column("oauth_client_id"),
			db.NewCreateIndex().Model((*schema.AuthorizationCode)(nil)).Index("idx_authorization_codes_user_id").Column("user_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE sso_providers ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_sso_providers_domain_unique ON sso_providers (environment_id, domain, not_deleted)",
				"ALTER TABLE oauth_clients ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_oauth_clients_client_id_unique ON oauth_clients (client_id, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.SSOProvider)(nil)).Index("idx_sso_providers_domain_unique").
				Unique().Column("environment_id", "domain").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.OAuthClient)(nil)).Index("idx_oauth_clients_client_id_unique").
				Unique().Column("client_id").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.SSOProvider)(nil)).Index("idx_sso_providers_environment_id").Column("environment_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.AuthorizationCode)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.OAuthToken)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.OAuthClient)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.SSOProvider)(nil)).IfExists(),
		)
	})
}
