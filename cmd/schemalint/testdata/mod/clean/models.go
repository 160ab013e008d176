// Package clean follows every convention.
package clean

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is a tenant.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Name          string     `bun:"name,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Project belongs to an org.
type Project struct {
	bun.BaseModel `bun:"table:projects,alias:p"`
	ID            xid.ID         `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID         `bun:"org_id,notnull,type:varchar(20)"`
	Settings      map[string]any `bun:"settings,type:json"`
	CreatedAt     time.Time      `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time      `bun:"updated_at,notnull,default:current_timestamp"`
	Org           *Org           `bun:"rel:belongs-to,join:org_id=id"`
}
