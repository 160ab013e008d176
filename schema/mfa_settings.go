package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// MFASettings is a user's multi-factor configuration: one row per user.
type MFASettings struct {
	bun.BaseModel `bun:"table:mfa_settings,alias:mfas"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,unique,type:varchar(20)"`

	Enabled         bool       `bun:"enabled,notnull,default:false"`
	PreferredMethod string     `bun:"preferred_method,notnull,type:varchar(20),default:'totp'"`
	EnforcedAt      *time.Time `bun:"enforced_at"` // set when an admin made MFA mandatory

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
