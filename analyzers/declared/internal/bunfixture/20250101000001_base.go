package bunfixture

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

type query interface {
	Exec(ctx context.Context, dest ...any) (sql.Result, error)
}

func run(ctx context.Context, qs ...query) error {
	for _, q := range qs {
		if _, err := q.Exec(ctx); err != nil {
			return fmt.Errorf("%T: %w", q, err)
		}
	}
	return nil
}

const usersTable = "users"

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		db.RegisterModel((*UserGroup)(nil))
		if err := run(ctx,
			db.NewCreateTable().Model((*Org)(nil)).IfNotExists(),
			db.NewCreateTable().Model((*Profile)(nil)),
			db.NewCreateTable().Model((*Group)(nil)),
			db.NewCreateTable().Model((*User)(nil)).WithForeignKeys(),
			db.NewCreateTable().Model((*UserGroup)(nil)).WithForeignKeys(),
			db.NewCreateTable().Model((*Post)(nil)).Varchar(50).
				ForeignKey(`(author_id) REFERENCES "users" (id) ON DELETE CASCADE ON UPDATE NO ACTION`).
				ColumnExpr("published_at varchar(30)"),
			db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_org").Column("org_id").IfNotExists(),
			db.NewCreateIndex().Table(usersTable).Index("idx_users_manager_email").Column("manager_id", "email"),
			db.NewCreateIndex().TableExpr("posts").Index("idx_posts_author_created").Column("author_id").ColumnExpr("created_at DESC"),
		); err != nil {
			return err
		}
		switch db.Dialect().Name() {
		case dialect.PG:
			if err := run(ctx,
				db.NewCreateIndex().Model((*Org)(nil)).Index("idx_orgs_name").Unique().Column("name").
					Where("deleted_at IS NULL").WhereOr("name = 'root'").Concurrently(),
				db.NewCreateIndex().Model((*Post)(nil)).Index("idx_posts_title").Using("hash").Column("title"),
				db.NewCreateIndex().Model((*Post)(nil)).Index("idx_posts_author_inc").Column("author_id").Include("title", "body"),
			); err != nil {
				return err
			}
		case dialect.SQLite:
			if err := run(ctx, db.NewCreateIndex().Model((*Org)(nil)).Index("idx_orgs_name").Unique().Column("name").Where("deleted_at IS NULL")); err != nil {
				return err
			}
		default:
			_, err := db.ExecContext(ctx, "ALTER TABLE orgs ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL;"+
				" CREATE UNIQUE INDEX idx_orgs_name ON orgs (name, not_deleted)")
			if err != nil {
				return err
			}
		}
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewAddColumn().Model((*Post)(nil)).ColumnExpr("summary text").Exec(ctx); err != nil {
				return err
			}
			_, err := tx.NewDropColumn().Model((*Post)(nil)).Column("body").Exec(ctx)
			return err
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx,
			db.NewDropTable().Model((*Post)(nil)).Table("user_groups").IfExists().Cascade(),
			db.NewDropTable().Model((*User)(nil)).IfExists(),
			db.NewDropTable().Table("groups", "profiles", "orgs"),
		)
	})
}
