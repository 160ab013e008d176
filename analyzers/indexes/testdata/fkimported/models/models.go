// Package models declares models whose foreign keys are known only by
// name (org_id -> orgs): the migrations importing them must see those.
package models

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is a tenant.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// User belongs to an org by name only: org_id, no relation.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}
