// Package m2mview reads roles with their permissions through a join model
// of the package it imports, found through that package's model facts.
package m2mview

import (
	"fixtures/m2mbase"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// RoleView is a read model of roles.
type RoleView struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`

	Permissions []*m2mbase.Permission `bun:"m2m:role_permissions,join:Role=Permission"`
	Grants      []*m2mbase.Permission `bun:"m2m:role_permissions,join:Role=Grant"` // want `Grants: the join model RolePermission has no field Grant`
}
