package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// RolePermission is the join model of Role.Permissions. It must be
// registered with db.RegisterModel before Role is used (see Models and
// RegisterModels). Rows are immutable and deleted when a permission is taken
// from a role.
type RolePermission struct {
	bun.BaseModel `bun:"table:role_permissions,alias:rp"`

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	RoleID       xid.ID `bun:"role_id,notnull,type:varchar(20),unique:role_permissions_role_permission_key"`
	PermissionID xid.ID `bun:"permission_id,notnull,type:varchar(20),unique:role_permissions_role_permission_key"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`

	Role       *Role       `bun:"rel:belongs-to,join:role_id=id"`
	Permission *Permission `bun:"rel:belongs-to,join:permission_id=id"`
}
