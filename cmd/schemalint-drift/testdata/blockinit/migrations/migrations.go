// Package migrations registers one migration; the program running it never
// gets past the models' init.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations holds the fixture's migrations.
var Migrations = migrate.NewMigrations()
