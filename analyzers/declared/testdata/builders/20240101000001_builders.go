// Package builders creates its schema with Bun's query builders only.
package builders

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"fixtures/models"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*models.Post)(nil)).Table("users", "orgs").IfExists().Cascade().Exec(ctx)
		return err
	})
}

func up(ctx context.Context, db *bun.DB) error {
	if _, err := db.NewCreateTable().Model((*models.Org)(nil)).IfNotExists().Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewCreateTable().Model((*models.User)(nil)).WithForeignKeys().Varchar(100).Exec(ctx); err != nil {
		return err
	}
	q := db.NewCreateTable().Model((*models.Post)(nil))
	q = q.ForeignKey(`(author_id) REFERENCES users (id) ON DELETE CASCADE`)
	q.ColumnExpr("published_at timestamp")
	if _, err := q.Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewCreateIndex().Model((*models.Org)(nil)).Index("idx_orgs_slug").Unique().
		Column("slug").Where("deleted_at IS NULL").WhereOr("slug = 'root'").IfNotExists().Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewCreateIndex().Table("posts").Index("idx_posts_title").ColumnExpr("lower(title)").
		Column("author_id").Using("btree").Include("body").Concurrently().Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewCreateIndex().TableExpr("users").Index("idx_users_org").Column("org_id").Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewAddColumn().Model((*models.User)(nil)).ColumnExpr("nickname varchar(50)").IfNotExists().Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewDropColumn().Model((*models.Post)(nil)).Column("body").Exec(ctx); err != nil {
		return err
	}
	if _, err := db.NewDropIndex().Index("idx_users_org").IfExists().Exec(ctx); err != nil {
		return err
	}
	_, err := db.NewRaw("CREATE INDEX idx_users_nickname ON users (nickname)").Exec(ctx)
	return err
}
