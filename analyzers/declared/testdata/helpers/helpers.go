// Package helpers is a module of its own (a third-party library to the
// fixtures): a migration calling it with its handle cannot see what it runs.
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
