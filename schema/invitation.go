package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Invitation invites an email address into an organization. Its status is
// its lifecycle (pending, accepted, revoked, expired); old invitations are
// purged, not soft-deleted.
type Invitation struct {
	bun.BaseModel `bun:"table:invitations,alias:inv"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID  `bun:"organization_id,notnull,type:varchar(20)"`
	InviterID      xid.ID  `bun:"inviter_id,notnull,type:varchar(20)"`
	TeamID         *xid.ID `bun:"team_id,type:varchar(20)"`

	Email      string     `bun:"email,notnull,type:varchar(255)"`
	Role       string     `bun:"role,notnull,type:varchar(20),default:'member'"`
	TokenHash  string     `bun:"token_hash,notnull,unique,type:varchar(128)"`
	Status     string     `bun:"status,notnull,type:varchar(20),default:'pending'"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
	AcceptedAt *time.Time `bun:"accepted_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
	Inviter      *User         `bun:"rel:belongs-to,join:inviter_id=id"`
	Team         *Team         `bun:"rel:belongs-to,join:team_id=id"`
}
