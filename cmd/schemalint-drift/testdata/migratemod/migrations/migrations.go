// Package migrations holds the fixture's migrations: one in Go, written
// per dialect, and the SQL files migrate new adds next to it.
package migrations

import (
	"embed"

	"github.com/uptrace/bun/migrate"
)

// Migrations holds the fixture's migrations.
var Migrations = migrate.NewMigrations()

// files embeds the directory, so that the SQL files written later are
// found without an edit here (a pattern such as *.sql would not compile
// before the first one exists).
//
//go:embed *
var files embed.FS

func init() {
	if err := Migrations.Discover(files); err != nil {
		panic(err)
	}
}
