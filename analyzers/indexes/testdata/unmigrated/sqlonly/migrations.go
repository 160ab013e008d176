// Package sqlonly registers SQL migrations and imports no models: it
// cannot tell whether a model elsewhere describes the tables it creates.
package sqlonly

import (
	"embed"

	"github.com/uptrace/bun/migrate"
)

//go:embed *.sql
var sqlMigrations embed.FS

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations() // want `^the migrations create 1 table, but this package imports no models, so whether models describe them is not checked`

func init() {
	if err := Migrations.Discover(sqlMigrations); err != nil {
		panic(err)
	}
}
