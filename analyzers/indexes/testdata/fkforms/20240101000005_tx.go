package fkforms

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			_, err := tx.NewCreateTable().Model((*Task)(nil)).Exec(ctx) // want `foreign key tasks.project_id`
			return err
		})
	}, nil)
}
