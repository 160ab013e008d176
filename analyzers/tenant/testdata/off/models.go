// Package off has no tenancy configured: SL006 checks nothing.
package off

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Post has no tenant columns, and no configuration asks for them.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}
