package fk

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is referenced by everything.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Name          string `bun:"name,notnull"`
}

// Team belongs to an org; its org_id leads a composite index.
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
	Slug          string `bun:"slug,notnull"`
	Org           *Org   `bun:"rel:belongs-to,join:org_id=id"`
}

// Member's keys: org_id leads a unique group, team_id leads nothing, and
// user_id is a <model>_id column only.
type Member struct {
	bun.BaseModel `bun:"table:members,alias:m"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID  `bun:"org_id,notnull,type:varchar(20),unique:members_org_user"`
	UserID        xid.ID  `bun:"user_id,notnull,type:varchar(20),unique:members_org_user"`
	TeamID        *xid.ID `bun:"team_id,type:varchar(20)"`
	Team          *Team   `bun:"rel:belongs-to,join:team_id=id"`
}

// User is referenced by name only.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID     `bun:"org_id,notnull,type:varchar(20)"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Invite is created in a helper, so no fix is offered.
type Invite struct {
	bun.BaseModel `bun:"table:invites,alias:i"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Event's org key is indexed on PostgreSQL and SQLite only; MySQL indexes
// the constraint itself.
type Event struct {
	bun.BaseModel `bun:"table:events,alias:e"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}
