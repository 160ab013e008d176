// Package dupcolumn is rule SL101 (duplicate-column): every column of a
// model comes from exactly one Go field.
//
// # What
//
// Bun flattens embedded structs (anonymous fields, and fields tagged
// embed:prefix_) into the model. When two fields end up with one column
// name, Bun resolves the clash without a word. SL101 reports, on a model
// and on every struct a model flattens in:
//
//   - a field the struct declares itself that hides an embedded field
//     with the same column (or the same name, for relations): Bun keeps
//     the declared field and drops the embedded one. When the declared
//     field also has the hidden field's Go name, Go hides it too, which
//     is the usual way to specialise a base struct: it is reported only
//     when a method of the embedded struct uses the hidden field (the
//     finding names the method), or when that struct has methods in
//     another package, which cannot be read;
//   - embedded fields that collide with each other: Bun keeps the one
//     tagged field if exactly one is tagged, and otherwise none of them,
//     so the column disappears;
//   - two declared fields with one column, or an alt: naming another
//     field's column: CREATE TABLE lists the column twice and fails,
//     inserts write it twice, and Bun scans the column into one field only.
//
// A finding names the fields involved, says which one Bun keeps, and
// points at their declarations. A clash inside a struct that models embed
// is reported once, in that struct, not in every model embedding it.
//
// # Why
//
// The dropped field still exists in Go. A base struct whose hook sets
// UpdatedAt keeps setting its own UpdatedAt, which Bun never saves, while
// the model's UpdatedAt (the one Bun writes) stays zero. Nothing fails:
// the timestamp is just wrong, forever. A column that vanishes because
// two embedded structs both define it is found only when a query names it.
//
// Bad:
//
//	type Base struct {
//		UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
//	}
//
//	func (b *Base) BeforeAppendModel(ctx context.Context, q bun.Query) error {
//		b.UpdatedAt = time.Now() // never saved: Bun writes User.UpdatedAt
//		return nil
//	}
//
//	type User struct {
//		bun.BaseModel `bun:"table:users,alias:u"`
//		Base
//		UpdatedAt time.Time `bun:"updated_at,notnull"`
//	}
//
// Good: declare the column once, in Base or in User.
//
// There is no automatic fix: which of the fields should go is a decision
// about the code that uses them.
//
// # Options
//
// None.
package dupcolumn
