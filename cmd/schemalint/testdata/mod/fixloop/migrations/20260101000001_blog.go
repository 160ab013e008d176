package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/app/fixloop/models"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, m := range []any{(*models.User)(nil), (*models.Post)(nil), (*models.Comment)(nil)} {
			if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	}, func(ctx context.Context, db *bun.DB) error {
		for _, m := range []any{(*models.Comment)(nil), (*models.Post)(nil), (*models.User)(nil)} {
			if _, err := db.NewDropTable().Model(m).IfExists().Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}
