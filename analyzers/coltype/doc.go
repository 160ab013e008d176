// Package coltype holds the column-type rules: SL007 (json-type) and SL009
// (sql-type).
//
// # SL007 json-type
//
// A field Bun stores as JSON (a map, a slice other than []byte, a struct
// that is not time.Time, sql.Null*, net.IPNet, nor a type with its own
// driver.Valuer) gets a JSON column on every configured dialect (the
// top-level dialect setting): jsonb or json on PostgreSQL, json on MySQL,
// json (or jsonb, text) on SQLite.
//
// Why: Bun's own choice depends on the dialect. PostgreSQL gets jsonb, but
// MySQL/MariaDB get VARCHAR(255), which truncates or rejects any document
// longer than 255 characters, and SQLite VARCHAR. And type:jsonb, right for
// PostgreSQL, is not a MySQL type: CREATE TABLE fails.
//
//	Metadata map[string]any `bun:"metadata"`             // mysql: VARCHAR(255); fixed: type:json
//	Metadata map[string]any `bun:"metadata,type:jsonb"`  // reported when mysql is a dialect
//	Metadata map[string]any `bun:"metadata,type:json"`   // good on all three
//
// The fix adds or replaces type: with jsonb when PostgreSQL is the only
// dialect, json otherwise.
//
// Options (the column types accepted per dialect):
//
//	postgres: [jsonb, json]
//	mysql: [json]
//	sqlite: [json, jsonb, text]
//
// # SL009 sql-type
//
// Every column gets a usable SQL type on every configured dialect.
//
// Why: Bun picks a column type from the Go kind. For a type with its own
// driver.Valuer (xid.ID, decimal and UUID types, enums) that has nothing to
// do with what Value() returns: xid.ID is a [12]byte, so PostgreSQL gets
// BYTEA (and stores the 20-character string's bytes) and MySQL no type at
// all, and CREATE TABLE fails; an interface{} field gets no type anywhere.
// Primary and foreign keys are left to SL001 and SL002, JSON to SL007.
//
//	RequestID xid.ID `bun:"request_id"`                    // reported, fixed: type:varchar(20)
//	Price decimal.Decimal `bun:"price"`                   // reported: say type:numeric(12,2)
//	RequestID xid.ID `bun:"request_id,type:varchar(20)"`  // good
package coltype
