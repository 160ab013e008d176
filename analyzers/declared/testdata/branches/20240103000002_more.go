package branches

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		name := db.Dialect().Name()
		if name != dialect.SQLite && !(name == dialect.MySQL) {
			if _, err := db.ExecContext(ctx, "CREATE INDEX idx_pg_only ON orgs (id)"); err != nil {
				return err
			}
		} else if db.Dialect().Name().String() == "sqlite" || name == dialect.PG {
			if _, err := db.ExecContext(ctx, "CREATE INDEX idx_lite_only ON orgs (id)"); err != nil {
				return err
			}
		}
		switch db.Dialect().(type) {
		case *pgdialect.Dialect:
			return nil
		}
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, "CREATE INDEX idx_not_pg ON orgs (slug, id)")
			return err
		})
	}, nil)
}
