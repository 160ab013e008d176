package pk

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Good follows the convention.
type Good struct {
	bun.BaseModel `bun:"table:goods,alias:g"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Spaced writes the type with other spelling: still fine.
type Spaced struct {
	bun.BaseModel `bun:"table:spaceds,alias:sp"`
	ID            xid.ID `bun:"id,pk,type:VARCHAR( 20 )"`
}

// NoType lets Bun pick BYTEA on PostgreSQL and nothing on MySQL.
type NoType struct {
	bun.BaseModel `bun:"table:no_types,alias:nt"`
	ID            xid.ID `bun:"id,pk"` // want `primary key ID needs type:varchar\(20\): Bun derives no SQL type from xid.ID \(BYTEA on PostgreSQL, none on MySQL\)`
}

// Serial is the auto-increment style.
type Serial struct {
	bun.BaseModel `bun:"table:serials,alias:se"`
	ID            int64 `bun:",pk,autoincrement"` // want `primary key ID is int64; the convention is xid.ID`
}

// WrongType has another column type.
type WrongType struct {
	bun.BaseModel `bun:"table:wrong_types,alias:wt"`
	ID            xid.ID `bun:"id,pk,type:char(24)"` // want `primary key ID has type:char\(24\); it must be varchar\(20\)`
}

// Named uses another column name.
type Named struct {
	bun.BaseModel `bun:"table:nameds,alias:na"`
	ID            xid.ID `bun:"named_id,pk,type:varchar(20)"` // want `primary key column is named_id; the convention is id`
}

// NoKey has no primary key at all.
type NoKey struct { // want `NoKey has no primary key`
	bun.BaseModel `bun:"table:no_keys,alias:nk"`
	Name          string
}

// Composite is a join table keyed by both sides.
type Composite struct { // want `Composite has a composite primary key \(a_id, b_id\)`
	bun.BaseModel `bun:"table:composites,alias:c"`
	AID           xid.ID `bun:"a_id,pk,type:varchar(20)"`
	BID           xid.ID `bun:"b_id,pk,type:varchar(20)"`
}

// PKTyped is a misspelt pk: a column named pk, no key (SL100 says why);
// SL001 sees a model without a key, and an ID field it must not duplicate.
type PKTyped struct { // want `PKTyped has no primary key`
	bun.BaseModel `bun:"table:pk_typeds,alias:pt"`
	ID            xid.ID `bun:"pk"`
}

// Base gives a key to the models embedding it.
type Base struct {
	ID xid.ID `bun:"id,pk"`
}

// Embedding inherits Base's key: reported on the embedding, no fix (Base
// may serve other models).
type Embedding struct {
	bun.BaseModel `bun:"table:embeddings,alias:e"`
	Base          // want `primary key ID needs type:varchar\(20\)`
}

// Suppressed documents an exception.
type Suppressed struct {
	bun.BaseModel `bun:"table:suppresseds,alias:su"`
	//schemalint:ignore SL001 legacy table keyed by an external integer id
	ID int64 `bun:",pk"`
}
