package down

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// The down migration runs SQL the extraction cannot read: it may drop the
// index, so nothing is claimed.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewCreateIndex().Model((*Team)(nil)).Index("idx_teams_id_name").Column("id", "name").Exec(ctx)
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		name := "idx_teams_id_name"
		_, err := db.ExecContext(ctx, fmt.Sprintf("DROP INDEX %s", name))
		return err
	})
}
