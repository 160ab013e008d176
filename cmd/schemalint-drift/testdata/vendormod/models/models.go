// Package models is the model side of the vendored module's fixture.
package models

import "github.com/uptrace/bun"

// Account is a model of a module that builds from its vendor directory.
type Account struct {
	bun.BaseModel `bun:"table:accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull"`
}
