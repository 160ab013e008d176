package target

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User has no column mail.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Email         string `bun:"email,notnull"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}
