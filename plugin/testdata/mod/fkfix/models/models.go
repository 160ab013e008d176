// Package models declares the models that package fkfix's migrations
// create.
package models

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is a tenant.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}

// User belongs to an org; nothing indexes org_id.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID    `bun:"org_id,notnull,type:varchar(20)"`
	Org           *Org      `bun:"rel:belongs-to,join:org_id=id"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}
