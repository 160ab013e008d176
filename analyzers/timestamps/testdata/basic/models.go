package basic

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Good follows the convention.
type Good struct {
	bun.BaseModel `bun:"table:goods,alias:g"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,nullzero,notnull,default:CURRENT_TIMESTAMP"`
}

// SpecStyle is the pattern without nullzero: Bun writes the zero time.
type SpecStyle struct {
	bun.BaseModel `bun:"table:spec_styles,alias:ss"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"` // want `timestamp CreatedAt lacks nullzero: this project wants`
	UpdatedAt     time.Time `bun:"updated_at,nullzero,notnull,default:now()"`
}

// Bare has the fields but nothing else.
type Bare struct {
	bun.BaseModel `bun:"table:bares,alias:b"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time // want `timestamp CreatedAt lacks notnull,nullzero,default:current_timestamp`
	UpdatedAt     time.Time `bun:"updated_at,nullzero,notnull,default:'2020-01-01'"` // want `timestamp UpdatedAt defaults to '2020-01-01'`
}

// Pointers admit NULL.
type Pointers struct {
	bun.BaseModel `bun:"table:pointers,alias:p"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	CreatedAt     *time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"` // want `timestamp CreatedAt is \*time.Time; it must be time.Time`
	UpdatedAt     time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// Missing has neither.
type Missing struct { // want `Missing has no CreatedAt or UpdatedAt`
	bun.BaseModel `bun:"table:missings,alias:mi"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Stamps are shared through embedding.
type Stamps struct {
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}

// Embedding inherits one bad field; reported here, fixed in Stamps.
type Embedding struct {
	bun.BaseModel `bun:"table:embeddings,alias:e"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Stamps               // want `timestamp UpdatedAt lacks nullzero`
}

// Renamed columns are found by column, whatever the Go name.
type Renamed struct {
	bun.BaseModel `bun:"table:renameds,alias:r"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	Created       time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	Updated       time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// Getter has a CreatedAt method (an interface it implements): a field of
// that name would not compile, so there is no fix.
type Getter struct { // want `Getter has no CreatedAt or UpdatedAt`
	bun.BaseModel `bun:"table:getters,alias:gt"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	Created       time.Time `bun:"created,notnull"`
}

// CreatedAt is when g was made.
func (g *Getter) CreatedAt() time.Time { return g.Created }
