package down

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, s := range []string{
			"CREATE INDEX idx_players_team ON players (team_id)",
			"CREATE INDEX idx_players_team_name ON players (team_id, id)", // want `migration 20240101000002_indexes creates index idx_players_team_name \(team_id, id\) on players, but its down migration drops neither the index nor its table`
		} {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		if db.Dialect().Name() == dialect.PG {
			_, err := db.ExecContext(ctx, "CREATE INDEX ON players (id, team_id)") // want `creates index unnamed \(id, team_id\) on players on PostgreSQL, .*; name the index so that the down migration can drop it`
			return err
		}
		return nil
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "DROP INDEX idx_players_team")
		return err
	})
}
