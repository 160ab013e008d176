// Package migrations break each index rule once.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations of the fixture.
var Migrations = migrate.NewMigrations()
