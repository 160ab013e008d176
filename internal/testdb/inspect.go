package testdb

import (
	"context"
	"testing"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Inspect returns the database's current schema as Atlas sees it, for tests
// that check the catalogue.
func Inspect(t testing.TB, db *DB) *schema.Schema {
	t.Helper()
	var (
		drv migrate.Driver
		err error
	)
	switch db.Dialect() {
	case dsn.Postgres:
		drv, err = postgres.Open(db.SQL())
	case dsn.MySQL:
		drv, err = mysql.Open(db.SQL())
	default:
		drv, err = sqlite.Open(db.SQL())
	}
	if err != nil {
		t.Fatalf("atlas open: %v", err)
	}
	s, err := drv.InspectSchema(context.Background(), "", nil)
	if err != nil {
		t.Fatalf("atlas inspect: %v", err)
	}
	return s
}
