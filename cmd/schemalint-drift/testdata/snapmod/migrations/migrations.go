// Package migrations creates the fixture's tables from today's models, as
// most Bun projects do: replaying them always agrees with the models.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations holds the fixture's migrations.
var Migrations = migrate.NewMigrations()
