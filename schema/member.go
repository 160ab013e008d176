package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Member is a user's membership of an organization, with the member's role
// in it. A user is a member of an organization at most once at a time.
type Member struct {
	bun.BaseModel `bun:"table:members,alias:m"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID  `bun:"organization_id,notnull,type:varchar(20)"`
	UserID         xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	InvitedByID    *xid.ID `bun:"invited_by_id,type:varchar(20)"`

	Role     string    `bun:"role,notnull,type:varchar(20),default:'member'"`
	Status   string    `bun:"status,notnull,type:varchar(20),default:'active'"`
	JoinedAt time.Time `bun:"joined_at,notnull,default:current_timestamp"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
	User         *User         `bun:"rel:belongs-to,join:user_id=id"`
	InvitedBy    *User         `bun:"rel:belongs-to,join:invited_by_id=id"`
}
