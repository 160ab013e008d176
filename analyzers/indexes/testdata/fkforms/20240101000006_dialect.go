package fkforms

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		switch db.Dialect().Name() {
		case dialect.PG:
			if _, err := db.NewCreateTable().Model((*Event)(nil)).Exec(ctx); err != nil { // want `foreign key events.org_id`
				return err
			}
		default:
			if _, err := db.NewCreateTable().Model((*Event)(nil)).WithForeignKeys().Exec(ctx); err != nil {
				return err
			}
		}
		if db.Dialect().Name() == dialect.PG {
			if _, err := db.NewCreateTable().Model((*Audit)(nil)).Exec(ctx); err != nil { // want `foreign key audits.org_id`
				return err
			}
		}
		return nil
	}, nil)
}
