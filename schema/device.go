package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Device is a browser or device a user signed in from, recognised by a
// fingerprint. Removed devices are soft-deleted so security reviews can still
// see them.
type Device struct {
	bun.BaseModel `bun:"table:devices,alias:dev"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	Fingerprint  string     `bun:"fingerprint,notnull,type:varchar(128)"`
	Name         string     `bun:"name,notnull,type:varchar(255),default:''"`
	Type         string     `bun:"type,notnull,type:varchar(20),default:'unknown'"`
	OS           *string    `bun:"os,type:varchar(64)"`
	Browser      *string    `bun:"browser,type:varchar(64)"`
	IPAddress    *string    `bun:"ip_address,type:varchar(45)"`
	Trusted      bool       `bun:"trusted,notnull,default:false"`
	TrustedUntil *time.Time `bun:"trusted_until"`
	LastSeenAt   *time.Time `bun:"last_seen_at"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
