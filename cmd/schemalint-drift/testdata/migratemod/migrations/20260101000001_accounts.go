package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// The accounts table as each dialect spells what Bun creates for
// models.Account: frozen here, whatever the model says later.
var createAccounts = map[dialect.Name]string{
	dialect.SQLite: `CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR NOT NULL, UNIQUE (email))`,
	dialect.PG:     `CREATE TABLE accounts (id BIGSERIAL PRIMARY KEY, email VARCHAR NOT NULL, UNIQUE (email))`,
	dialect.MySQL:  "CREATE TABLE accounts (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, UNIQUE (email))",
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, createAccounts[db.Dialect().Name()])
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, `DROP TABLE accounts`)
		return err
	})
}
