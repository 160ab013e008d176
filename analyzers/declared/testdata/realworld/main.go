// Package realworld writes its migrations the way applications do: up
// and down functions in variables, transactions, loops over statements,
// formatted SQL and schema helpers of another package of the module.
package realworld

import "github.com/uptrace/bun/migrate"

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()
