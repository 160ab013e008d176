package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Notifications and webhooks.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.NotificationTemplate)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Notification)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE SET NULL").
				ForeignKey("(template_id) REFERENCES notification_templates (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.Webhook)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.WebhookDelivery)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.NotificationTemplate)(nil)).Index("idx_notification_templates_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Notification)(nil)).Index("idx_notifications_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Notification)(nil)).Index("idx_notifications_environment_created").Column("environment_id", "created_at"),
			db.NewCreateIndex().Model((*schema.Notification)(nil)).Index("idx_notifications_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.Notification)(nil)).Index("idx_notifications_template_id").Column("template_id"),
			db.NewCreateIndex().Model((*schema.Notification)(nil)).Index("idx_notifications_status_created").Column("status", "created_at"),
			db.NewCreateIndex().Model((*schema.Webhook)(nil)).Index("idx_webhooks_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Webhook)(nil)).Index("idx_webhooks_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.WebhookDelivery)(nil)).Index("idx_webhook_deliveries_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.WebhookDelivery)(nil)).Index("idx_webhook_deliveries_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.WebhookDelivery)(nil)).Index("idx_webhook_deliveries_webhook_created").Column("webhook_id", "created_at"),
			db.NewCreateIndex().Model((*schema.WebhookDelivery)(nil)).Index("idx_webhook_deliveries_status_next_attempt").Column("status", "next_attempt_at"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE notification_templates ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_notification_templates_key_unique ON notification_templates (environment_id, template_key, channel, locale, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.NotificationTemplate)(nil)).Index("idx_notification_templates_key_unique").
				Unique().Column("environment_id", "template_key", "channel", "locale").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.NotificationTemplate)(nil)).Index("idx_notification_templates_environment_id").Column("environment_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*schema.WebhookDelivery)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Webhook)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Notification)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.NotificationTemplate)(nil)).IfExists(),
		)
	})
}
