// Package tablename is rule SL008 (table-naming): every model names its
// table and alias explicitly, and aliases are unique.
//
// # What
//
// The model declares bun.BaseModel (a model by use alone, without it, is
// named by Bun after its type); its own bun.BaseModel field has table: and alias: options; no two
// models share an alias (across the package and the packages of its module it
// imports; a library's models are never joined with the application's by alias);
// a model that gets bun.BaseModel only through an embedded struct uses
// extend (or declares its own BaseModel).
//
// # Why
//
// Without table:, Bun derives the name from the Go type (plural, snake
// case), so renaming the type renames the table the code queries. Without
// alias:, Bun uses the snake-cased type name, and queries joining two models
// with one alias are ambiguous. A struct embedding another model's struct
// without extend is a different table, named after itself: "type Admin
// struct{ User }" queries admins, not users.
//
// Bad:
//
//	bun.BaseModel `bun:"users"`              // fixed: table:users
//	bun.BaseModel `bun:"table:users"`        // fixed: adds alias:user (Bun's default)
//
// Good:
//
//	bun.BaseModel `bun:"table:users,alias:u"`
//
// Fixes make Bun's current behaviour explicit, so they never change what
// the code does.
package tablename
