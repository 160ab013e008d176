package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// WebhookDelivery is one event sent to a webhook, with its attempts and the
// endpoint's last response. A log: purged by retention, not soft-deleted.
type WebhookDelivery struct {
	bun.BaseModel `bun:"table:webhook_deliveries,alias:wd"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	WebhookID     xid.ID `bun:"webhook_id,notnull,type:varchar(20)"`

	EventType      string     `bun:"event_type,notnull,type:varchar(100)"`
	Status         string     `bun:"status,notnull,type:varchar(20),default:'pending'"`
	Attempts       int        `bun:"attempts,notnull,default:0"`
	ResponseStatus *int       `bun:"response_status"`
	ResponseBody   *string    `bun:"response_body,type:text"`
	DurationMS     *int64     `bun:"duration_ms"`
	Error          *string    `bun:"error,type:text"`
	NextAttemptAt  *time.Time `bun:"next_attempt_at"`
	DeliveredAt    *time.Time `bun:"delivered_at"`

	Payload map[string]any `bun:"payload,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	Webhook *Webhook `bun:"rel:belongs-to,join:webhook_id=id"`
}
