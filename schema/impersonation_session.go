package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// ImpersonationSession records a support agent acting as a user: who, as
// whom, why, and for how long. Kept as history; never soft-deleted.
type ImpersonationSession struct {
	bun.BaseModel `bun:"table:impersonation_sessions,alias:imp"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	ImpersonatorID xid.ID  `bun:"impersonator_id,notnull,type:varchar(20)"`
	TargetUserID   xid.ID  `bun:"target_user_id,notnull,type:varchar(20)"`
	SessionID      *xid.ID `bun:"session_id,type:varchar(20)"`

	Reason    string     `bun:"reason,notnull,type:text"`
	IPAddress *string    `bun:"ip_address,type:varchar(45)"`
	StartedAt time.Time  `bun:"started_at,notnull,default:current_timestamp"`
	ExpiresAt time.Time  `bun:"expires_at,notnull"`
	EndedAt   *time.Time `bun:"ended_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	Impersonator *User    `bun:"rel:belongs-to,join:impersonator_id=id"`
	TargetUser   *User    `bun:"rel:belongs-to,join:target_user_id=id"`
	Session      *Session `bun:"rel:belongs-to,join:session_id=id"`
}
