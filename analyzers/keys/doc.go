// Package keys holds the key rules: SL001 (xid-primary-key), SL002
// (fk-type) and SL003 (fk-nullability).
//
// # SL001 xid-primary-key
//
// Every model has one primary key: a field ID of type xid.ID, column id,
// tagged type:varchar(20).
//
// Why: xid IDs are sortable, need no round trip to generate, and print as
// 20 characters. Bun derives no SQL type from xid.ID (it implements
// driver.Valuer and is a [12]byte): without type:varchar(20) PostgreSQL gets
// BYTEA and MySQL an empty type, so CREATE TABLE fails there.
//
//	ID int64  `bun:",pk,autoincrement"`        // reported: not xid.ID
//	ID xid.ID `bun:"id,pk"`                    // reported, fixed: adds type:varchar(20)
//	ID xid.ID `bun:"id,pk,type:varchar(20)"`   // good
//
// Options: field (ID), column (id), type (github.com/rs/xid.ID),
// column_type (varchar(20)). An empty type or column_type skips that check.
//
// # SL002 fk-type
//
// A foreign-key column has the Go type and column type of the primary key
// it references (by default xid.ID / *xid.ID with type:varchar(20)).
// Foreign keys are the join columns of belongs-to relations, the columns
// other models' has-one/has-many relations join on, and <name>_id columns
// where <name> is a known model (users for user_id).
//
// Why: a join between varchar(20) and BYTEA, or int and varchar, either
// fails or compares values that never match.
//
//	UserID xid.ID `bun:"user_id,notnull"`                  // reported, fixed: adds type:varchar(20)
//	UserID string `bun:"user_id,notnull,type:varchar(20)"` // reported: string, not xid.ID
//
// No options: the referenced primary key decides. A foreign key whose
// model is unknown to schemalint (no relation, no model named after it)
// is not checked.
//
// # SL003 fk-nullability
//
// A required foreign key is a value with notnull; an optional one is a
// pointer without notnull. Never a value without notnull (the column
// accepts NULL, which a value cannot hold: a missing reference goes
// unnoticed until it is read), nor a pointer with notnull and no default.
//
// The last holds for every column, foreign key or not: Bun leaves a nil
// pointer of a notnull field out of a single-row INSERT (a bulk insert
// sends DEFAULT, or NULL on SQLite), so the database's default decides,
// and without a default: the insert fails.
//
//	UserID  xid.ID  `bun:"user_id,type:varchar(20)"`          // reported, fixed: adds notnull
//	OwnerID *xid.ID `bun:"owner_id,notnull,type:varchar(20)"` // reported
//	Bio     *string `bun:"bio,notnull"`                        // reported
//	Theme   *string `bun:"theme,notnull,default:'light'"`      // good: nil takes the default
//	UserID  xid.ID  `bun:"user_id,notnull,type:varchar(20)"`  // good, required
//	OwnerID *xid.ID `bun:"owner_id,type:varchar(20)"`         // good, optional
package keys
