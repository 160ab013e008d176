// Package models is the model side of the schema snapshot's fixture: the
// test edits it without touching the migrations.
package models

import "github.com/uptrace/bun"

// User's table is created from the model itself, so a field added here
// reaches every database the migrations build from scratch.
type User struct {
	bun.BaseModel `bun:"table:users"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull,unique"`
}
