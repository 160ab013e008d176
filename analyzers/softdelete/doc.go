// Package softdelete is rule SL005 (soft-delete): soft deletion must be
// declared so Bun can see it.
//
// # What
//
// A column named deleted_at must carry the soft_delete option; the
// soft_delete field is a *time.Time and nullable; and, when the option
// require is on, every table not listed under hard_delete has one.
//
// # Why
//
// Bun filters deleted rows out of every select only for the field tagged
// soft_delete. A deleted_at column without the option is just a column:
// "deleted" rows keep showing up, and db.NewDelete removes them for good.
// Bun marks a live row with NULL, so a NOT NULL soft-delete column makes
// inserts fail or every row deleted.
//
// Bad:
//
//	DeletedAt *time.Time `bun:"deleted_at"`
//	DeletedAt time.Time  `bun:"deleted_at,soft_delete,notnull"`
//
// Good:
//
//	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`
//
// The fix adds soft_delete, removes notnull, or adds the field.
//
// # Options
//
//	column: deleted_at     # the column that must be a soft delete
//	field: DeletedAt       # the Go field added by the fix
//	require: false         # every table must be soft-deleted...
//	hard_delete: []        # ...except these tables (globs)
package softdelete
