package migrations

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/app/migs/models"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*models.Org)(nil)).Exec(ctx); err != nil {
			return err
		}
		// SL200: no index leads projects.org_id.
		if _, err := db.NewCreateTable().Model((*models.Project)(nil)).
			ForeignKey("(org_id) REFERENCES orgs (id) ON DELETE CASCADE").Exec(ctx); err != nil {
			return err
		}
		// SL201: unique on a soft-deleted table, deleted rows included.
		if _, err := db.NewCreateIndex().Model((*models.Project)(nil)).Index("idx_projects_slug").Unique().Column("slug").Exec(ctx); err != nil {
			return err
		}
		// SL202: a prefix of idx_projects_name_created.
		if _, err := db.NewCreateIndex().Model((*models.Project)(nil)).Index("idx_projects_name").Column("name").Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateIndex().Model((*models.Project)(nil)).Index("idx_projects_name_created").Column("name", "created_at").Exec(ctx); err != nil {
			return err
		}
		// SL203: no model has projects.owner_id.
		_, err := db.ExecContext(ctx, "CREATE INDEX idx_projects_owner ON projects (owner_id)")
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		// SL205: orgs stays.
		_, err := db.NewDropTable().Model((*models.Project)(nil)).IfExists().Exec(ctx)
		return err
	})
}
