package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, `CREATE TABLE accounts (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	email VARCHAR NOT NULL,
	UNIQUE (email)
)`)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, `DROP TABLE accounts`)
		return err
	})
}
