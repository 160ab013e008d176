// Package downnames has a down migration that names a table nothing
// creates: it fails when it runs.
package downnames

import (
	"context"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// User is the model.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewCreateTable().Model((*User)(nil)).Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "DROP TABLE users; DROP TABLE user_archive; DROP TABLE IF EXISTS legacy_users") // want `the down migration's DROP TABLE names table user_archive, which no model has and no migration creates`
		return err
	})
}
