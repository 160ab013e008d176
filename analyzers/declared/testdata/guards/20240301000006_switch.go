package guards

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		// A switch the extraction cannot decide: each branch may run.
		switch mode, _ := ctx.Value("mode").(string); mode {
		case "fresh":
			_, err := db.ExecContext(ctx, "CREATE TABLE orgs (id varchar(20) PRIMARY KEY)")
			return err
		default:
			_, err := db.ExecContext(ctx, "CREATE INDEX idx_orgs_slug ON orgs (slug)")
			return err
		}
	}, nil)
}
