// Package violations breaks each rule exactly once.
package violations

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is a tenant.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time `bun:"deleted_at"` // SL005 (fixable)
}

// Legacy keeps an integer key: SL001.
type Legacy struct {
	bun.BaseModel `bun:"table:legacies,alias:l"`
	ID            int64     `bun:",pk,autoincrement"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}

// Project breaks the others.
type Project struct {
	bun.BaseModel `bun:"table:projects"` // SL008 (fixable)
	ID            xid.ID                 `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID                 `bun:"org_id,notnull"`                        // SL002 (fixable)
	OwnerOrgID    *xid.ID                `bun:"owner_org_id,notnull,type:varchar(20)"` // SL003
	Settings      map[string]any         `bun:"settings"`                              // SL007 (fixable)
	TraceID       xid.ID                 `bun:"trace_id"`                              // SL009 (fixable)
	CreatedAt     time.Time              `bun:"created_at,default:current_timestamp"`  // SL004 (fixable)
	UpdatedAt     time.Time              `bun:"updated_at,notnull,default:current_timestamp"`
	OwnerOrg      *Org                   `bun:"rel:belongs-to,join:owner_org_id=id"`
}

// Base is embedded below.
type Base struct {
	Note string `bun:"note"`
}

// Misc breaks the tag, column and relation rules.
type Misc struct {
	bun.BaseModel `bun:"table:miscs,alias:mi"`
	Base
	ID        xid.ID    `bun:"id,pk,type:varchar(20)"`
	OrgID     xid.ID    `bun:"org_id,notnull,type:varchar(20)"`
	Label     string    `bun:"label,notnul"` // SL100 (fixable)
	Memo      string    `bun:"note"`         // SL101: hides Base.Note under another name
	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,notnull,default:current_timestamp"`
	Owner     *Org      `bun:"rel:belongs-to"` // SL102: no owner_id, joins on id
}

// Task has no org_id: SL006.
type Task struct {
	bun.BaseModel `bun:"table:tasks,alias:t"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
	//schemalint:ignore SL005 title is not a deletion timestamp (SL000: this suppresses nothing)
	Title string `bun:"title"`
}
