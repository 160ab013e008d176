// Package migrations create the fixloop tables in a loop.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations of the fixture.
var Migrations = migrate.NewMigrations()
