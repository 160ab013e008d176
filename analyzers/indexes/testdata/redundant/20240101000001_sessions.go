package redundant

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, q := range []interface {
			Exec(context.Context, ...any) (sql.Result, error)
		}{
			db.NewCreateTable().Model((*Session)(nil)),
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_user").Column("user_id"), // want `index idx_sessions_user \(user_id\) is redundant: idx_sessions_user_created \(user_id, created_at\) of table sessions starts with the same columns, with the same predicate, so it serves every lookup idx_sessions_user serves; drop idx_sessions_user`
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_user_created").Column("user_id", "created_at"),
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_user_created_again").Column("user_id", "created_at"), // want `index idx_sessions_user_created_again \(user_id, created_at\) duplicates idx_sessions_user_created \(user_id, created_at\) of table sessions: every write maintains both for nothing`
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_id").Column("id"),                                    // want `index idx_sessions_id \(id\) duplicates the primary key \(id\) of table sessions`
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_token_hash").Column("token").Using("hash"),
			db.NewCreateIndex().Model((*Session)(nil)).Index("idx_sessions_live_user").Column("user_id").Where("deleted_at IS NULL"),
		} {
			if _, err := q.Exec(ctx); err != nil {
				return err
			}
		}
		// The unique token index is never redundant; on MySQL its
		// live-row marker stands for the predicate, so the plain token
		// index below is not covered by it either.
		if db.Dialect().Name() == dialect.MySQL {
			_, err := db.ExecContext(ctx, `ALTER TABLE sessions ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL;
CREATE UNIQUE INDEX idx_sessions_token_unique ON sessions (token, not_deleted);
CREATE INDEX idx_sessions_token ON sessions (token, created_at);
CREATE INDEX idx_sessions_live_token ON sessions (token, not_deleted, id)`)
			if err != nil {
				return err
			}
			_, err = db.ExecContext(ctx, "CREATE INDEX idx_sessions_token_prefix ON sessions (token)") // want `index idx_sessions_token_prefix \(token\) is redundant on MySQL: idx_sessions_token \(token, created_at\) of table sessions`
			return err
		}
		_, err := db.ExecContext(ctx, "CREATE UNIQUE INDEX idx_sessions_token_unique ON sessions (token) WHERE deleted_at IS NULL; CREATE INDEX idx_sessions_token ON sessions (token, created_at)")
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*Session)(nil)).Exec(ctx)
		return err
	})
}
