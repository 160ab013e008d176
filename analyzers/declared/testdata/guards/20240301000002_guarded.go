package guards

import (
	"context"
	"strings"

	"github.com/uptrace/bun"
)

func isDuplicateColumn(err error) bool { return strings.Contains(err.Error(), "duplicate column") }

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		// Under an existence check.
		ok, err := columnExists(ctx, db, "orgs", "plan")
		if err != nil {
			return err
		}
		if !ok {
			if _, err := db.ExecContext(ctx, "ALTER TABLE orgs ADD COLUMN plan text"); err != nil {
				return err
			}
		}
		if tableExists(ctx, db, "legacy_orgs") {
			if _, err := db.ExecContext(ctx, "CREATE INDEX idx_legacy_slug ON legacy_orgs (slug)"); err != nil {
				return err
			}
		}
		// "already exists" swallowed, in the if and before it.
		if _, err := db.ExecContext(ctx, "CREATE INDEX idx_orgs_slug ON orgs (slug)"); err != nil && !strings.Contains(err.Error(), "already exists") {
			return err
		}
		_, err = db.ExecContext(ctx, "ALTER TABLE orgs ADD COLUMN slug text")
		if err != nil && !isDuplicateColumn(err) {
			return err
		}
		// IF NOT EXISTS.
		_, err = db.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS idx_orgs_plan ON orgs (plan)")
		return err
	}, nil)
}
