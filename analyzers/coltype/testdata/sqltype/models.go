package sqltype

import (
	"database/sql"
	"database/sql/driver"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Money writes itself as a decimal string.
type Money struct{ cents int64 }

// Value implements driver.Valuer.
func (m Money) Value() (driver.Value, error) { return m.cents, nil }

// Level is an enum stored through Valuer, on a string kind: Bun's VARCHAR
// is fine for it, but still not what Value decides.
type Level string

// Value implements driver.Valuer.
func (l Level) Value() (driver.Value, error) { return string(l), nil }

// Parent is referenced by Child.
type Parent struct {
	bun.BaseModel `bun:"table:parents,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Child has every kind of column.
type Child struct {
	bun.BaseModel `bun:"table:children,alias:c"`
	ID            xid.ID        `bun:"id,pk"`             // SL001's business
	ParentID      xid.ID        `bun:"parent_id,notnull"` // SL002's business
	RequestID     xid.ID        `bun:"request_id"`        // want `RequestID is xid.ID with no type: Bun creates BYTEA on PostgreSQL and no type on MySQL; add type:varchar\(20\)`
	TraceID       *xid.ID       `bun:"trace_id,type:varchar(20)"`
	Price         Money         `bun:"price"`    // want `Price's type sqltype.Money writes its own value \(driver.Valuer\), but Bun picks the column type from the Go kind \(PostgreSQL JSONB, MySQL VARCHAR\(255\), SQLite VARCHAR\): set type:`
	Level         Level         `bun:"level"`    // want `Level's type sqltype.Level writes its own value`
	Anything      any           `bun:"anything"` // want `Bun writes no SQL type for Anything \(any\) on PostgreSQL, MySQL`
	Count         sql.NullInt32 `bun:"count"`    // want `Count's type sql.NullInt32 writes its own value`
	Name          string        `bun:"name"`
	Big           sql.NullInt64 `bun:"big"`
}
