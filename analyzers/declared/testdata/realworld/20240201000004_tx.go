package realworld

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, "CREATE INDEX idx_users_org ON users (org_id)")
			return err
		}); err != nil {
			return err
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.NewCreateIndex().Table("users").Index("idx_users_email").Column("email").Exec(ctx); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		// database/sql's own transaction, under Bun's handle.
		stx, err := db.DB.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := stx.ExecContext(ctx, "CREATE INDEX idx_posts_author ON posts (author_id)"); err != nil {
			_ = stx.Rollback()
			return err
		}
		return stx.Commit()
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, dropTxIndexes)
	})
}

func dropTxIndexes(ctx context.Context, tx bun.Tx) error {
	for _, name := range []string{"idx_users_org", "idx_users_email", "idx_posts_author"} {
		if _, err := tx.NewDropIndex().Index(name).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
