package fkforms

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, m := range []any{(*Note)(nil)} {
			err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
				_, err := tx.NewCreateTable().Model(m).Exec(ctx) // want `foreign key notes.org_id`
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
