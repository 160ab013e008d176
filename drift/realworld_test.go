package drift_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/testdb"
)

// Token has a primary key also tagged unique, as real applications
// write it: Bun's CREATE TABLE says PRIMARY KEY ("id") and UNIQUE ("id").
type Token struct {
	bun.BaseModel `bun:"table:tokens"`
	ID            string `bun:"id,pk,unique"`
	Value         string `bun:"value,notnull"`
}

// TestPKUnique: a primary key tagged unique, created by Bun itself,
// compares clean on every database, whatever each makes of the
// redundant UNIQUE.
func TestPKUnique(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		if _, err := db.Bun.NewCreateTable().Model((*Token)(nil)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		for _, opts := range []drift.Options{{}, {Declared: &drift.Declared{}}} {
			res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), opts, (*Token)(nil))
			if err != nil {
				t.Fatal(err)
			}
			logFindings(t, res.Findings)
			for _, n := range res.Notes {
				t.Errorf("note: %s", n)
			}
		}
	})
}

// Note is a model whose table a migration wrote by hand, in spellings
// real migrations use: text for Bun's varchar, JSONB for a map (which
// Bun declares VARCHAR on SQLite), a partial index written with !=.
type Note struct {
	bun.BaseModel `bun:"table:notes"`
	ID            string         `bun:"id,pk"`
	Status        string         `bun:"status,notnull"`
	Meta          map[string]any `bun:"meta"`
}

// TestMigrationSpellings: what a hand-written migration creates for the
// model compares clean where Bun reads and writes it alike.
func TestMigrationSpellings(t *testing.T) {
	t.Parallel()
	decl := &drift.Declared{Tables: []*drift.DeclaredTable{{Name: "notes", HasModel: true, Indexes: []drift.DeclaredIndex{
		{Name: "notes_live", Parts: []drift.IndexPart{{Column: "status"}}, Where: "status != 'gone'"},
	}}}}
	create := map[string][]string{
		pg: {"CREATE TABLE notes (id text PRIMARY KEY, status text NOT NULL, meta jsonb)",
			"CREATE INDEX notes_live ON notes (status) WHERE status != 'gone'"},
		lite: {"CREATE TABLE notes (id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, meta JSONB)",
			"CREATE INDEX notes_live ON notes (status) WHERE status != 'gone'"},
	}
	for _, db := range []*testdb.DB{testdb.Postgres(t), testdb.SQLite(t)} {
		t.Run(db.Dialect(), func(t *testing.T) {
			execAll(t, db.SQL(), create[db.Dialect()])
			res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{Declared: decl}, (*Note)(nil))
			if err != nil {
				t.Fatal(err)
			}
			logFindings(t, res.Findings)
			for _, n := range res.Notes {
				t.Errorf("note: %s", n)
			}
		})
	}
}
