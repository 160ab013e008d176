package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/snapapp/models"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewCreateTable().Model((*models.User)(nil)).Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*models.User)(nil)).Exec(ctx)
		return err
	})
}
