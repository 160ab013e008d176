package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// UserBan bars a user from signing in until it expires or is lifted. Lifted
// bans stay as history (lifted_at), so the table is not soft-deleted.
type UserBan struct {
	bun.BaseModel `bun:"table:user_bans,alias:ub"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	BannedByID    *xid.ID `bun:"banned_by_id,type:varchar(20)"`
	LiftedByID    *xid.ID `bun:"lifted_by_id,type:varchar(20)"`

	Reason    string     `bun:"reason,notnull,type:text"`
	ExpiresAt *time.Time `bun:"expires_at"` // nil: permanent
	LiftedAt  *time.Time `bun:"lifted_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User     *User `bun:"rel:belongs-to,join:user_id=id"`
	BannedBy *User `bun:"rel:belongs-to,join:banned_by_id=id"`
	LiftedBy *User `bun:"rel:belongs-to,join:lifted_by_id=id"`
}
