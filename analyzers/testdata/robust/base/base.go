// Package base holds structs other packages' models embed.
package base

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Model is a base model embedded elsewhere.
type Model struct {
	bun.BaseModel `bun:"table:bases,alias:b"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
}

// Stamps are timestamps without a model.
type Stamps struct {
	UpdatedAt time.Time `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt *time.Time
}

// BM is an alias of bun.BaseModel: embedded under this name, Bun does not
// treat it as the base model.
type BM = bun.BaseModel
