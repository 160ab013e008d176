package down

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error { // want `migration 20240101000003_nodown has no down function \(it is nil\), but creates index idx_players_id \(id\): it cannot be rolled back`
		_, err := db.ExecContext(ctx, "CREATE INDEX idx_players_id ON players (id)")
		return err
	}, nil)
}
