package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/models"
)

func init() {
	// Function values in local variables, registered by name.
	up := func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx)
		return err
	}
	down := func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*models.Org)(nil)).IfExists().Exec(ctx)
		return err
	}
	Migrations.MustRegister(up, down)
}
