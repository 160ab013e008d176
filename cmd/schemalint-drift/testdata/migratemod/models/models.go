// Package models is the model side of migrate new's fixture: the test
// adds a field and a model here, then generates their migration.
package models

import "github.com/uptrace/bun"

// Account is created by a migration written per dialect.
type Account struct {
	bun.BaseModel `bun:"table:accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull,unique"`
}
