package main

import (
	"strconv"
	"testing"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/testdb"
)

// addDirective adds a //schemalint:index directive to Account's doc
// comment.
func addDirective(directive string) modelEdit {
	return replaceIn("type Account struct", "//schemalint:index "+directive+"\ntype Account struct")
}

// indexed checks, after the up of a directive's migration, that accounts
// has the index, unique and partial or not, and still its n rows.
func indexed(name string, unique, partial bool, n int) func(t *testing.T, target *testdb.DB) {
	return func(t *testing.T, target *testdb.DB) {
		t.Helper()
		tbl, ok := testdb.Inspect(t, target).Table("accounts")
		if !ok {
			t.Fatal("no table accounts after the up")
		}
		ix, ok := tbl.Index(name)
		if !ok {
			t.Fatalf("no index %s on accounts after the up", name)
		}
		where := false
		for _, a := range ix.Attrs {
			switch a.(type) {
			case *postgres.IndexPredicate, *sqlite.IndexPredicate:
				where = true
			}
		}
		if ix.Unique != unique || where != partial {
			t.Errorf("index %s: unique %v, partial %v; want %v, %v", name, ix.Unique, where, unique, partial)
		}
		if got := queryString(t, target.SQL(), "SELECT COUNT(*) FROM accounts"); got != strconv.Itoa(n) {
			t.Errorf("accounts holds %s rows after the up, want %d", got, n)
		}
	}
}
