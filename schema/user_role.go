package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// UserRole assigns a role to a user within an organization. Assignments are
// immutable: changing one is a delete and an insert, both audited.
type UserRole struct {
	bun.BaseModel `bun:"table:user_roles,alias:ur"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID  `bun:"organization_id,notnull,type:varchar(20)"`
	UserID         xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	RoleID         xid.ID  `bun:"role_id,notnull,type:varchar(20)"`
	AssignedByID   *xid.ID `bun:"assigned_by_id,type:varchar(20)"`

	ExpiresAt *time.Time `bun:"expires_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`

	User       *User `bun:"rel:belongs-to,join:user_id=id"`
	Role       *Role `bun:"rel:belongs-to,join:role_id=id"`
	AssignedBy *User `bun:"rel:belongs-to,join:assigned_by_id=id"`
}
