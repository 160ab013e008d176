package actions

import (
	"database/sql"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is the target.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Team has a string key.
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            string `bun:"id,pk"`
}

// Post sets foreign key actions.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID         `bun:"id,pk,type:varchar(20)"`
	AuthorID      xid.ID         `bun:"author_id,notnull,type:varchar(20)"`
	EditorID      *xid.ID        `bun:"editor_id,type:varchar(20)"`
	ReviewerID    xid.ID         `bun:"reviewer_id,type:varchar(20)"`
	OwnerID       sql.NullString `bun:"owner_id,type:varchar(20)"`

	Author   *User `bun:"rel:belongs-to,join:author_id=id,on_delete:DELETE"`                     // want `on_delete:DELETE is no foreign key action: Bun only logs a warning and writes ON DELETE DELETE into CREATE TABLE, which the database rejects; use CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION`
	Updater  *User `bun:"rel:belongs-to,join:author_id=id,on_update:set_null"`                   // want `on_update:set_null is no foreign key action: .* writes ON UPDATE SET_NULL`
	Required *User `bun:"rel:belongs-to,join:author_id=id,on_delete:SET NULL"`                   // want `on_delete:SET NULL on author_id, which is NOT NULL: deleting a User fails, since the database cannot set author_id to NULL; drop notnull and make AuthorID a pointer, or choose another action`
	Reviewer *User `bun:"rel:belongs-to,join:reviewer_id=id,on_delete:SET NULL"`                 // want `on_delete:SET NULL on reviewer_id, whose field ReviewerID is a xid.ID value: a column the database may set to NULL is optional, and a value type reads NULL back as its zero value; make it \*xid.ID`
	Editor   *User `bun:"rel:belongs-to,join:editor_id=id,on_delete:set null,on_update:cascade"` // optional, and Bun upper-cases actions: fine
	Owner    *Team `bun:"rel:belongs-to,join:owner_id=id,on_delete:SET NULL"`                    // sql.NullString holds NULL: fine
	Keeper   *User `bun:"rel:belongs-to,join:author_id=id,on_delete:RESTRICT,on_update:NO ACTION"`
}
