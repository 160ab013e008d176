package realworld

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

const auditsTable = "audits"

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		q := fmt.Sprintf("CREATE INDEX %s ON %s (%s)", "idx_audits_action", auditsTable, "action")
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
		col := "slug"
		_, err := db.ExecContext(ctx, fmt.Sprintf("CREATE UNIQUE INDEX idx_orgs_%s ON orgs (%s)", col, col))
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, fmt.Sprintf("DROP INDEX %s", "idx_audits_action"))
		return err
	})
}
