package drift_test

import (
	"testing"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/testdb"
)

// TestDirectiveMessages: an index a model's //schemalint:index directive
// declares is reported as the directive's, not the migrations'; with
// migrations, one that no migration creates says so (the migration is
// what to write), one a migration creates too (since dropped by hand)
// does not.
func TestDirectiveMessages(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	execAll(t, db.SQL(), []string{
		"CREATE TABLE notes (id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, meta JSONB)",
		"CREATE INDEX notes_meta ON notes (meta)",
	})
	status := drift.DeclaredIndex{Name: "notes_status", Parts: []drift.IndexPart{{Column: "status"}}}
	meta := drift.DeclaredIndex{Name: "notes_meta", Parts: []drift.IndexPart{{Column: "meta"}}, Unique: true, Directive: true, Migrated: true}
	missing := "index notes_status (status) on notes is missing; "
	different := "index notes_meta on notes is not unique; Note's //schemalint:index directive declares it otherwise"
	for _, tc := range []struct {
		name      string
		source    string
		directive bool
		migrated  bool
		want      string
	}{
		{"migration", "migrations", false, false, missing + "the migrations declare it"},
		{"directive", "migrations", true, false, missing + "Note's //schemalint:index directive declares it, and no migration creates it"},
		{"directive_migrated", "migrations", true, true, missing + "Note's //schemalint:index directive declares it"},
		{"directives_only", "directives", true, false, missing + "Note's //schemalint:index directive declares it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := status
			ix.Directive, ix.Migrated = tc.directive, tc.migrated
			decl := &drift.Declared{Source: tc.source, Tables: []*drift.DeclaredTable{{Name: "notes", HasModel: true, Indexes: []drift.DeclaredIndex{ix, meta}}}}
			res, err := drift.Compare(t.Context(), db.SQL(), db.Dialect(), drift.Options{Declared: decl}, (*Note)(nil))
			if err != nil {
				t.Fatal(err)
			}
			got := map[drift.Kind]string{}
			for _, f := range res.Findings {
				got[f.Kind] = f.Message
			}
			if len(res.Findings) != 2 || got[drift.IndexMissing] != tc.want || got[drift.IndexDifferent] != different {
				logFindings(t, res.Findings)
				t.Errorf("want %q and %q", tc.want, different)
			}
		})
	}
}
