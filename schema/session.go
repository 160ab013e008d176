package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Session is a signed-in browser or device session. Only a hash of the
// session token is stored; expired and revoked sessions are purged, so the
// table is not soft-deleted.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID                xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID        xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID               xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	ActiveOrganizationID *xid.ID `bun:"active_organization_id,type:varchar(20)"`
	DeviceID             *xid.ID `bun:"device_id,type:varchar(20)"`

	TokenHash    string     `bun:"token_hash,notnull,unique,type:varchar(128)"`
	ExpiresAt    time.Time  `bun:"expires_at,notnull"`
	IPAddress    *string    `bun:"ip_address,type:varchar(45)"`
	UserAgent    *string    `bun:"user_agent,type:text"`
	LastActiveAt *time.Time `bun:"last_active_at"`
	RevokedAt    *time.Time `bun:"revoked_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User               *User         `bun:"rel:belongs-to,join:user_id=id"`
	ActiveOrganization *Organization `bun:"rel:belongs-to,join:active_organization_id=id"`
	Device             *Device       `bun:"rel:belongs-to,join:device_id=id"`
}
