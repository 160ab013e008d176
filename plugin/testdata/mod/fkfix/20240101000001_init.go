// Package fkfix is a migrations package whose foreign key has no index:
// SL200 reports it with a fix and related places (the model's field in
// another file, the FOREIGN KEY clause on another line).
package fkfix

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"example.com/gcl/fkfix/models"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx); err != nil {
			return err
		}
		_, err := db.NewCreateTable().Model((*models.User)(nil)).
			ForeignKey("(org_id) REFERENCES orgs (id) ON DELETE CASCADE").
			Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		for _, m := range []any{(*models.User)(nil), (*models.Org)(nil)} {
			if _, err := db.NewDropTable().Model(m).IfExists().Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}
