package bunfixture

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if db.Dialect().Name() != dialect.MySQL {
			if _, err := db.NewDropIndex().Index("idx_users_org").IfExists().Exec(ctx); err != nil {
				return err
			}
		} else if _, err := db.ExecContext(ctx, "DROP INDEX idx_users_org ON users"); err != nil {
			return err
		}
		_, err := db.NewRaw("CREATE INDEX idx_users_org_email ON users (org_id, email)").Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		if db.Dialect().Name() == dialect.MySQL {
			_, err := db.ExecContext(ctx, "DROP INDEX idx_users_org_email ON users")
			return err
		}
		_, err := db.NewDropIndex().Index("idx_users_org_email").Exec(ctx)
		return err
	})
}
