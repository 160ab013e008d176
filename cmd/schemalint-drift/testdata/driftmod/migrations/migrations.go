// Package migrations creates the fixture's schema with SQL, as many
// projects do: the table is frozen as written, whatever the model says
// later.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations holds the fixture's migrations.
var Migrations = migrate.NewMigrations()
