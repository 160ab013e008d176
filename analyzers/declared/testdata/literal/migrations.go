// Package literal registers migrate.Migration literals, whose functions
// get the Migrator.
package literal

import (
	"context"

	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.Add(migrate.Migration{
		Name:    "20240106000002",
		Comment: "second",
		Up: func(ctx context.Context, m *migrate.Migrator, _ *migrate.Migration) error {
			_, err := m.DB().ExecContext(ctx, "CREATE INDEX idx_t_a ON t (a)")
			return err
		},
	})
	Migrations.Add(migrate.Migration{
		Name:    "20240106000001",
		Comment: "first",
		Up: func(ctx context.Context, m *migrate.Migrator, _ *migrate.Migration) error {
			_, err := m.DB().ExecContext(ctx, "CREATE TABLE t (a int)")
			return err
		},
		Down: func(ctx context.Context, m *migrate.Migrator, _ *migrate.Migration) error {
			_, err := m.DB().ExecContext(ctx, "DROP TABLE t")
			return err
		},
	})
}
