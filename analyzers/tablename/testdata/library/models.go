// Package library imports a library that has models of its own (Bun's
// migrate.Migration, alias migration): their aliases are no clash with the
// application's, which never joins them.
package library

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations uses the library.
var Migrations = migrate.NewMigrations()

// Migration is the application's own record of data migrations.
type Migration struct {
	bun.BaseModel `bun:"table:data_migrations,alias:migration"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}
