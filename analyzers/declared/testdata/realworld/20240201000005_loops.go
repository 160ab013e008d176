package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/models"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, q := range []string{
			"CREATE INDEX idx_users_name ON users (name)",
			"CREATE INDEX idx_posts_title ON posts (title)",
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		for _, m := range []any{(*models.Audit)(nil)} {
			if _, err := db.NewCreateTable().Model(m).IfNotExists().Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
