package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/models"
)

func init() {
	// ResetModel drops and creates each model's table.
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		tables := []any{(*models.Post)(nil)}
		return db.ResetModel(ctx, tables...)
	}, func(ctx context.Context, db *bun.DB) error {
		return db.ResetModel(ctx, (*models.Audit)(nil))
	})
}
