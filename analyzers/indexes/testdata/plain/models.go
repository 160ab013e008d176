// Package plain declares models with foreign keys and unique values on a
// soft-deleted table, but no migrations and no index directives: its
// indexes are someone else's business, so the index rules say nothing.
package plain

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is referenced.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// User belongs to an org and has a unique email.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID     `bun:"org_id,notnull,type:varchar(20)"`
	Email         string     `bun:"email,notnull,unique"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
	Org           *Org       `bun:"rel:belongs-to,join:org_id=id"`
}
