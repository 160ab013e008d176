package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// NotificationTemplate is the text of one message (verify-email, reset
// password, ...) for one channel and locale.
type NotificationTemplate struct {
	bun.BaseModel `bun:"table:notification_templates,alias:nt"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`

	TemplateKey string   `bun:"template_key,notnull,type:varchar(100)"`
	Channel     string   `bun:"channel,notnull,type:varchar(10)"`
	Locale      string   `bun:"locale,notnull,type:varchar(10),default:'en'"`
	Subject     *string  `bun:"subject,type:varchar(255)"`
	Body        string   `bun:"body,notnull,type:text"`
	Variables   []string `bun:"variables,type:json"`
	Active      bool     `bun:"active,notnull,default:true"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`
}
