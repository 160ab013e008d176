// Package helpers runs DDL that a migration of another package cannot see.
package helpers

import (
	"context"

	"github.com/uptrace/bun"
)

// CreateExtras runs a statement on the handle.
func CreateExtras(ctx context.Context, db bun.IDB) error {
	_, err := db.ExecContext(ctx, "CREATE INDEX idx_extra ON users (name)")
	return err
}
