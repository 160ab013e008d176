// Package quiet embeds in every way that keeps each column to one field:
// SL101 finds nothing.
package quiet

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Scoped is a field-less marker, as in the reference schema.
type Scoped struct{}

// Timestamps is a base struct.
type Timestamps struct {
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// Address is embedded with prefixes.
type Address struct {
	Street string `bun:"street"`
	City   string
}

// User is a house-style model with embedded structs.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	Scoped
	Timestamps

	ID       xid.ID  `bun:"id,pk,type:varchar(20)"`
	Email    string  `bun:"email,notnull,type:varchar(255)"`
	Billing  Address `bun:"embed:billing_"`
	Shipping Address `bun:"embed:ship_"`
	Nick     *string `bun:"nick,alt:nickname"`
	Same     string  `bun:"same,alt:same"`
	Score    float64 `bun:",scanonly"`
	// A skipped field reserves its Go name, not a column: the embedded
	// Note below keeps its column note.
	Note string `bun:"-"`
	Memo

	Sessions []*Session `bun:"rel:has-many,join:id=user_id"`
}

// Memo has a Note.
type Memo struct {
	Memo string `bun:"note"`
}

// Session belongs to a user.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`
	User          *User  `bun:"rel:belongs-to,join:user_id=id"`
}

// Admin extends User with a column of its own.
type Admin struct {
	User  `bun:",extend"`
	Level int `bun:"level,notnull,default:1"`
}
