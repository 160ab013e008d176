// Package timestamps is rule SL004 (timestamps): every model records when
// a row was created and last updated, in a way the database fills in.
//
// # What
//
// CreatedAt and UpdatedAt are time.Time (not pointers), tagged
// notnull,default:current_timestamp, with columns created_at and
// updated_at. Tables listed under created_only (append-only logs, join
// rows) need only CreatedAt.
//
// # Why
//
// Without a database default, a row inserted by anything but this code (a
// migration, a script, another service) gets no timestamp; without
// notnull the column admits NULL, which no created_at should hold; a
// *time.Time says the same in Go.
//
// Bun v1.3.0 writes DEFAULT for a zero time.Time that has a default, with
// or without nullzero, so nullzero is not needed for inserts. It changes
// updates of a struct whose timestamp was never loaded: without nullzero
// Bun writes year 1, with it DEFAULT (now). That is welcome on UpdatedAt
// and a loss on CreatedAt, so SL004 leaves nullzero alone unless the
// option nullzero asks for it (TestBunTimestampWrites keeps these facts
// true).
//
// Bad:
//
//	CreatedAt time.Time  `bun:"created_at"`                   // nullable, no default
//	UpdatedAt *time.Time `bun:"updated_at,notnull,default:current_timestamp"`
//
// Good:
//
//	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
//	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
//
// The fix adds missing options, or the missing fields. The default may be
// spelled current_timestamp, CURRENT_TIMESTAMP, current_timestamp() or
// now().
//
// # Options
//
//	created: {field: CreatedAt, column: created_at}
//	updated: {field: UpdatedAt, column: updated_at}
//	created_only: []        # tables (globs) that need no updated_at
//	nullzero: false         # also require nullzero
package timestamps
