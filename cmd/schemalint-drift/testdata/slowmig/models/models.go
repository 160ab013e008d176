// Package models is the model side of the missing-migration check's
// fixture: the test edits it without touching the migrations.
package models

import "github.com/uptrace/bun"

// Account is created by a migration written in SQL, so that a field added
// here does not reach the database by itself.
type Account struct {
	bun.BaseModel `bun:"table:accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull,unique"`
}
