package fkforms

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, m := range []any{(*Org)(nil), (*Project)(nil)} {
			if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil { // want `foreign key projects.org_id`
				return err
			}
		}
		return nil
	}, nil)
}
