package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, q := range []string{
			`CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE, code VARCHAR(255), name VARCHAR(255), tags TEXT)`,
			`CREATE INDEX idx_accounts_email ON accounts (email)`,
			`CREATE INDEX idx_accounts_name ON accounts (name)`,
			`CREATE TABLE logs (id BIGINT PRIMARY KEY, code VARCHAR(255))`,
			`CREATE INDEX idx_shared ON logs (code)`,
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
