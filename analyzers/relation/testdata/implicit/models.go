package implicit

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is the target.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Post has no author_id: Bun joins users.id = posts.id.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Author        *User  `bun:"rel:belongs-to"` // want `Author has no join: and Post has no column author_id, so Bun silently joins users.id = posts.id, the model's own primary key: each Post gets the User whose id equals its own. Add the column author_id \(join:author_id=id\), or write join:id=id if the two rows really share their key`
}

// Comment has author_id: Bun finds it without join:.
type Comment struct {
	bun.BaseModel `bun:"table:comments,alias:c"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	AuthorID      xid.ID `bun:"author_id,notnull,type:varchar(20)"`
	Author        *User  `bun:"rel:belongs-to"`
}

// Profile shares its key with the user, and says so.
type Profile struct {
	bun.BaseModel `bun:"table:profiles,alias:pr"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	User          *User  `bun:"rel:belongs-to,join:id=id"`
}
