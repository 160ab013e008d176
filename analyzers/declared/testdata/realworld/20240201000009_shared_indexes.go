package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/sqlschema"
)

func init() {
	// Statements listed by another package of the module.
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, q := range sqlschema.AuditLogIndexes {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
