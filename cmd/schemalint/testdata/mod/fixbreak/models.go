// Package fixbreak has a model whose test file gives it a CreatedAt
// method: the package alone takes SL004's new CreatedAt field, its test
// build does not.
package fixbreak

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Event misses CreatedAt.
type Event struct {
	bun.BaseModel `bun:"table:events,alias:e"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID    `bun:"org_id,notnull,type:varchar(20)"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}
