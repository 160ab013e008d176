// Package jsonpg targets PostgreSQL only: Bun's jsonb default is right.
package jsonpg

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Doc on PostgreSQL alone.
type Doc struct {
	bun.BaseModel `bun:"table:docs,alias:d"`
	ID            xid.ID         `bun:"id,pk,type:varchar(20)"`
	Default       map[string]any `bun:"default_json"`
	JSONB         map[string]any `bun:"jsonb,type:jsonb"`
	Varchar       []int          `bun:"varchar,type:varchar(255)"` // want `Varchar has type:varchar\(255\), which gives varchar\(255\) on PostgreSQL: use type:jsonb`
}
