package redundant

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Session has several indexes.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID     `bun:"user_id,notnull,type:varchar(20)"`
	Token         string     `bun:"token,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}
