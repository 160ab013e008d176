package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AppInvitation invites someone to administer an app. Like Invitation, its
// status is its lifecycle and old rows are purged.
type AppInvitation struct {
	bun.BaseModel `bun:"table:app_invitations,alias:ai"`
	AppScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID     xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	InviterID xid.ID  `bun:"inviter_id,notnull,type:varchar(20)"`
	AppTeamID *xid.ID `bun:"app_team_id,type:varchar(20)"`

	Email      string     `bun:"email,notnull,type:varchar(255)"`
	Role       string     `bun:"role,notnull,type:varchar(20),default:'developer'"`
	TokenHash  string     `bun:"token_hash,notnull,unique,type:varchar(128)"`
	Status     string     `bun:"status,notnull,type:varchar(20),default:'pending'"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
	AcceptedAt *time.Time `bun:"accepted_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	App     *App     `bun:"rel:belongs-to,join:app_id=id"`
	Inviter *User    `bun:"rel:belongs-to,join:inviter_id=id"`
	AppTeam *AppTeam `bun:"rel:belongs-to,join:app_team_id=id"`
}
