// Package sqlfiles keeps its migrations in Bun SQL files.
package sqlfiles

import (
	"embed"
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Org is referenced.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// User is soft-deleted and belongs to an org.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID     `bun:"org_id,notnull,type:varchar(20)"`
	Email         string     `bun:"email,notnull"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

//go:embed *.sql
var files embed.FS

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	if err := Migrations.Discover(files); err != nil {
		panic(err)
	}
}
