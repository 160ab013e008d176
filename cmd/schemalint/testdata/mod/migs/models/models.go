// Package models are the models of the migs fixture.
package models

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org owns projects.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}

// Project belongs to an org and is soft-deleted.
type Project struct {
	bun.BaseModel `bun:"table:projects,alias:p"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID     `bun:"org_id,notnull,type:varchar(20)"`
	Name          string     `bun:"name,notnull"`
	Slug          string     `bun:"slug,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
	Org           *Org       `bun:"rel:belongs-to,join:org_id=id"`
}

// Orphan has no migration.
type Orphan struct {
	bun.BaseModel `bun:"table:orphans,alias:orph"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}
