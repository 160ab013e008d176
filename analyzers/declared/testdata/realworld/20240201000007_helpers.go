package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/sqlschema"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := sqlschema.AddColumn(ctx, db, "orgs", "plan", "varchar(20)"); err != nil {
			return err
		}
		if err := sqlschema.InTx(ctx, db, func(ctx context.Context, tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, "CREATE INDEX idx_users_org_name ON users (org_id, name)")
			return err
		}); err != nil {
			return err
		}
		return sqlschema.Index(db).Create(ctx, "orgs", "plan")
	}, func(ctx context.Context, db *bun.DB) error {
		return sqlschema.DropColumn(ctx, db, "orgs", "plan")
	})
}
