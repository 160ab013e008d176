// Package fixme has one fixable finding.
package fixme

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org forgot soft_delete.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time `bun:"deleted_at"`
}
