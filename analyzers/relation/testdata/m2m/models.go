package m2m

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Role has permissions through role_permissions.
type Role struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`

	Permissions []*Permission `bun:"m2m:role_permissions,join:Role=Permission"`
	Defaults    []*Permission `bun:"m2m:role_permissions"`                                     // the type names are the default fields: fine
	Missing     []*Permission `bun:"m2m:role_grants,join:Role=Permission"`                     // want `Missing: no model of this package or of its imports has the table role_grants; Bun panics on the first query on Role unless a model with that table is registered with db.RegisterModel`
	Misnamed    []*Permission `bun:"m2m:role_permissions,join:Owner=Permission"`               // want `Misnamed: the join model RolePermission has no field Owner: Bun panics on the first query on Role`
	Loose       []*Permission `bun:"m2m:loose_links,join:Role=Permission"`                     // want `Loose: LooseLink.Role should be a belongs-to relation \(rel:belongs-to,join:<fk>=<pk>\): Bun joins through it as one, and without rel: it is also a column of loose_links`
	Extra       []*Permission `bun:"m2m:role_permissions,join:Role=Permission,join:Role=Role"` // want `Extra: Bun reads only the first pair of an m2m join:, Role=Permission, and ignores the others`
}

// Permission is the other side.
type Permission struct {
	bun.BaseModel `bun:"table:permissions,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// RolePermission is the join model. Like every join model, it must be
// registered with db.RegisterModel before Role is queried.
type RolePermission struct {
	bun.BaseModel `bun:"table:role_permissions,alias:rp"`
	ID            xid.ID      `bun:"id,pk,type:varchar(20)"`
	RoleID        xid.ID      `bun:"role_id,notnull,type:varchar(20)"`
	PermissionID  xid.ID      `bun:"permission_id,notnull,type:varchar(20)"`
	Role          *Role       `bun:"rel:belongs-to,join:role_id=id"`
	Permission    *Permission `bun:"rel:belongs-to,join:permission_id=id"`
}

// LooseLink forgets rel: on one side.
type LooseLink struct {
	bun.BaseModel `bun:"table:loose_links,alias:ll"`
	ID            xid.ID      `bun:"id,pk,type:varchar(20)"`
	RoleID        xid.ID      `bun:"role_id,notnull,type:varchar(20)"`
	PermissionID  xid.ID      `bun:"permission_id,notnull,type:varchar(20)"`
	Role          *Role       `bun:"join:role_id=id"`
	Permission    *Permission `bun:"rel:belongs-to,join:permission_id=id"`
}
