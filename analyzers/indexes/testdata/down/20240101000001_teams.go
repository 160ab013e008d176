package down

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*Team)(nil)).Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*Player)(nil)).Exec(ctx); err != nil { // want `migration 20240101000001_teams creates table players, but its down migration does not drop it`
			return err
		}
		// Left behind with its table, which is reported: one cause, one
		// finding.
		if _, err := db.NewCreateIndex().Model((*Player)(nil)).Index("idx_players_team").Column("team_id").Exec(ctx); err != nil {
			return err
		}
		// Dropped with its table: fine.
		_, err := db.NewCreateIndex().Model((*Team)(nil)).Index("idx_teams_name").Column("name").Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropTable().Model((*Team)(nil)).Exec(ctx)
		return err
	})
}
