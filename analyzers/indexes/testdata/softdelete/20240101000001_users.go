package softdelete

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

const markerColumn = "ALTER TABLE users ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL"

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*User)(nil)).Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*Country)(nil)).Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_phone").Unique().Column("phone").Exec(ctx); err != nil { // want `unique index idx_users_phone \(phone\) on soft-deleted table users counts deleted rows too: a deleted row keeps its value taken, so it can never be used again; make it partial with WHERE deleted_at IS NULL on PostgreSQL and SQLite; end it with a generated column not_deleted TINYINT AS \(IF\(deleted_at IS NULL, 1, NULL\)\) VIRTUAL on MySQL`
			return err
		}
		if _, err := db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_email_deleted").Unique().Column("email", "deleted_at").Exec(ctx); err != nil { // want `unique index idx_users_email_deleted \(email, deleted_at\) on soft-deleted table users includes deleted_at: live rows all have NULL there`
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			_, err := db.ExecContext(ctx, markerColumn+"; CREATE UNIQUE INDEX idx_users_username ON users (username, not_deleted)")
			if err != nil {
				return err
			}
			_, err = db.ExecContext(ctx, "CREATE UNIQUE INDEX idx_users_email ON users (email)") // want `unique index idx_users_email \(email\) on soft-deleted table users counts deleted rows too on MySQL: .*end it with a generated column`
			return err
		}
		return run(ctx,
			db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_username").Unique().Column("username").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_email").Unique().Column("email").Where("email <> ''").Where("deleted_at IS NULL"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx, db.NewDropTable().Model((*User)(nil)), db.NewDropTable().Model((*Country)(nil)))
	})
}

type query interface {
	Exec(context.Context, ...any) (sql.Result, error)
}

// run executes queries in order.
func run(ctx context.Context, queries ...query) error {
	for _, q := range queries {
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
