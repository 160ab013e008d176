// Package m2mbase declares roles, permissions and their join model.
package m2mbase

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Role is a role.
type Role struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Permission is a permission.
type Permission struct {
	bun.BaseModel `bun:"table:permissions,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// RolePermission is the join model.
type RolePermission struct {
	bun.BaseModel `bun:"table:role_permissions,alias:rp"`
	ID            xid.ID      `bun:"id,pk,type:varchar(20)"`
	RoleID        xid.ID      `bun:"role_id,notnull,type:varchar(20)"`
	PermissionID  xid.ID      `bun:"permission_id,notnull,type:varchar(20)"`
	Role          *Role       `bun:"rel:belongs-to,join:role_id=id"`
	Permission    *Permission `bun:"rel:belongs-to,join:permission_id=id"`
}
