package fktype

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is referenced by the others.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Sessions      []*Session `bun:"rel:has-many,join:id=owner"`
}

// Counter has an integer key.
type Counter struct {
	bun.BaseModel `bun:"table:counters,alias:c"`
	ID            int64 `bun:",pk,autoincrement"`
}

// Post references users by name convention and by relation.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID  `bun:"user_id,notnull"` // want `foreign key UserID needs type:varchar\(20\), like users.id: Bun derives no SQL type from xid.ID`
	EditorID      *xid.ID `bun:"editor_id,type:varchar(20)"`
	ReviewerID    string  `bun:"reviewer_id,type:varchar(20)"` // want `foreign key ReviewerID is string, but users.id is xid.ID`
	CounterID     int64   `bun:"counter_id,notnull"`
	ExternalID    string  `bun:"external_id,type:varchar(64)"`
	Editor        *User   `bun:"rel:belongs-to,join:editor_id=id"`
	Reviewer      *User   `bun:"rel:belongs-to,join:reviewer_id=id"`
}

// Session is joined from User's has-many on a column that is no <x>_id.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Owner         xid.ID `bun:"owner,notnull,type:char(20)"` // want `foreign key Owner has type:char\(20\); it must be varchar\(20\), like users.id`
}

// Tally references the integer-keyed table: no type: needed.
type Tally struct {
	bun.BaseModel `bun:"table:tallies,alias:t"`
	ID            xid.ID   `bun:"id,pk,type:varchar(20)"`
	CounterID     int64    `bun:"counter_id,notnull"`
	WrongCounter  xid.ID   `bun:"wrong_counter_id,type:varchar(20)"`       // want `foreign key WrongCounter is xid.ID, but counters.id is int64`
	Counter       *Counter `bun:"rel:belongs-to,join:wrong_counter_id=id"` // belongs-to on an xid column to an int key
}
