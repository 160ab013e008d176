package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Webhook is an endpoint that receives signed event notifications.
type Webhook struct {
	bun.BaseModel `bun:"table:webhooks,alias:wh"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`

	URL             string     `bun:"url,notnull,type:text"`
	SecretEncrypted string     `bun:"secret_encrypted,notnull,type:text"`
	Description     *string    `bun:"description,type:text"`
	Events          []string   `bun:"events,type:json"`
	Enabled         bool       `bun:"enabled,notnull,default:true"`
	FailureCount    int        `bun:"failure_count,notnull,default:0"`
	LastDeliveryAt  *time.Time `bun:"last_delivery_at"`
	DisabledAt      *time.Time `bun:"disabled_at"` // set when failures disabled it

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Deliveries []*WebhookDelivery `bun:"rel:has-many,join:id=webhook_id"`
}
