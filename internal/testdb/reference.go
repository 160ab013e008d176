package testdb

import (
	"context"
	"testing"

	"github.com/uptrace/bun/migrate"

	"github.com/schemalint/schemalint/migrations"
	"github.com/schemalint/schemalint/schema"
)

// Reference migrates db up to the whole reference schema (package schema,
// package migrations) and registers the join models, as an application
// would at start-up.
func Reference(t testing.TB, db *DB) *DB {
	t.Helper()
	ctx := context.Background()
	schema.RegisterModels(db.Bun)
	m := migrate.NewMigrator(db.Bun, migrations.Migrations)
	if err := m.Init(ctx); err != nil {
		t.Fatalf("migrate init: %v", err)
	}
	if _, err := m.Migrate(ctx); err != nil {
		t.Fatalf("migrate up: %v", err)
	}
	return db
}
