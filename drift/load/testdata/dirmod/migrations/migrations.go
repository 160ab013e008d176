// Package migrations creates accounts and logs, and two of the indexes
// the models declare.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations holds the migrations.
var Migrations = migrate.NewMigrations()
