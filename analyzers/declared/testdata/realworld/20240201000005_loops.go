package realworld

import (
	"context"
	"fmt"

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
		// A table of named steps, and indexes by name.
		for _, step := range []struct{ name, sql string }{
			{"users by manager", "CREATE INDEX idx_users_manager ON users (manager_id)"},
			{name: "posts by author and title", sql: "CREATE UNIQUE INDEX idx_posts_author_title ON posts (author_id, title)"},
		} {
			if _, err := db.ExecContext(ctx, step.sql); err != nil {
				return fmt.Errorf("%s: %w", step.name, err)
			}
		}
		for name, cols := range map[string]string{"idx_audits_id_action": "id, action"} {
			if _, err := db.ExecContext(ctx, "CREATE INDEX "+name+" ON audits ("+cols+")"); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
