// Package fkpattern declares foreign keys by configuration: a parent_id to
// the same table, an inviter_id to users, and a device_id that only looks
// like a key.
package fkpattern

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is referenced by role.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Device would make device_id look like a key to devices.
type Device struct {
	bun.BaseModel `bun:"table:devices,alias:d"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Folder nests: parent_id references folders.
type Folder struct {
	bun.BaseModel `bun:"table:folders,alias:f"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	ParentID      string `bun:"parent_id,type:varchar(20)"` // want `foreign key ParentID is string, but folders.id is xid.ID$`
}

// Invite names its user by role, and holds a device fingerprint.
type Invite struct {
	bun.BaseModel `bun:"table:invites,alias:i"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	InviterID     string `bun:"inviter_id,notnull,type:varchar(20)"` // want `foreign key InviterID is string, but users.id is xid.ID$`
	DeviceID      string `bun:"device_id,notnull"`
	UserID        string `bun:"user_id,notnull,type:varchar(20)"` // want `foreign key UserID is string, but users.id is xid.ID \(taken for a foreign key to users from its name alone; if it is not one, add foreign_keys: \[\{column: user_id, references: none\}\] to .schemalint.yml\)`
}
