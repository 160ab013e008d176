package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AppMember gives a user access to administer an app in the dashboard
// (owner, admin, developer, viewer).
type AppMember struct {
	bun.BaseModel `bun:"table:app_members,alias:am"`
	AppScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID     xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	UserID    xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	AppTeamID *xid.ID `bun:"app_team_id,type:varchar(20)"`

	Role   string `bun:"role,notnull,type:varchar(20),default:'developer'"`
	Status string `bun:"status,notnull,type:varchar(20),default:'active'"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	App     *App     `bun:"rel:belongs-to,join:app_id=id"`
	User    *User    `bun:"rel:belongs-to,join:user_id=id"`
	AppTeam *AppTeam `bun:"rel:belongs-to,join:app_team_id=id"`
}
