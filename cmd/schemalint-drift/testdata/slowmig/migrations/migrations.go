// Package migrations creates a table, then blocks (see the second
// migration).
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations holds the fixture's migrations.
var Migrations = migrate.NewMigrations()
