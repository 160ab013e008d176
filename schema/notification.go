package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Notification is one message sent (or to be sent) by email, SMS or push,
// with its delivery status. A log: rows are purged by retention, not
// soft-deleted.
type Notification struct {
	bun.BaseModel `bun:"table:notifications,alias:n"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`
	TemplateID    *xid.ID `bun:"template_id,type:varchar(20)"`

	Channel   string     `bun:"channel,notnull,type:varchar(10)"` // email, sms, push
	Recipient string     `bun:"recipient,notnull,type:varchar(255)"`
	Subject   *string    `bun:"subject,type:varchar(255)"`
	Body      string     `bun:"body,notnull,type:text"`
	Status    string     `bun:"status,notnull,type:varchar(20),default:'pending'"`
	Error     *string    `bun:"error,type:text"`
	SentAt    *time.Time `bun:"sent_at"`

	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User     *User                 `bun:"rel:belongs-to,join:user_id=id"`
	Template *NotificationTemplate `bun:"rel:belongs-to,join:template_id=id"`
}
