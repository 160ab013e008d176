package guards

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if db.Dialect().Name() != dialect.PG {
			return nil
		}
		_, err := db.ExecContext(ctx, "ALTER TABLE orgs ADD COLUMN IF NOT EXISTS plan text")
		return err
	}, nil)
}
