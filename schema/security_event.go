package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// SecurityEvent is a signal for the security team: a brute-force attempt, an
// impossible-travel sign-in, a leaked password. Append-only, like AuditEvent.
type SecurityEvent struct {
	bun.BaseModel `bun:"table:security_events,alias:se"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`

	Type      string  `bun:"type,notnull,type:varchar(50)"`
	Severity  string  `bun:"severity,notnull,type:varchar(10),default:'low'"`
	IPAddress *string `bun:"ip_address,type:varchar(45)"`
	UserAgent *string `bun:"user_agent,type:text"`
	Country   *string `bun:"country,type:varchar(2)"`

	Details map[string]any `bun:"details,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
