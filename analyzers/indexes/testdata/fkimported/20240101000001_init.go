// Package fkimported is a migrations package that declares no models of
// its own.
package fkimported

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"fixtures/fkimported/models"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*models.User)(nil)).Exec(ctx); err != nil { // want `foreign key users.org_id \(models.User.OrgID\) is the first column of no index`
			return err
		}
		return nil
	}, nil)
}
