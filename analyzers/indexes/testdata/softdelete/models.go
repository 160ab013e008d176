package softdelete

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is soft-deleted.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Email         string     `bun:"email,notnull"`
	Username      string     `bun:"username,notnull"`
	Phone         string     `bun:"phone"`
	Handle        string     `bun:"handle,notnull,unique"` // want `the unique tag of softdelete.User.Handle on soft-deleted table users counts deleted rows too: .*drop it from the tag`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Country is not soft-deleted: plain unique indexes are right.
type Country struct {
	bun.BaseModel `bun:"table:countries,alias:c"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Code          string `bun:"code,notnull,unique"`
}
