package live

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/drift/live/benchschema"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// shortcutsPerDialect is how many different shortcuts one inspection of a
// schema with tables, indexes and foreign keys uses: PostgreSQL columns
// and one of the three version-dependent index queries, MySQL's tables and
// foreign keys, SQLite's four per-table queries.
var shortcutsPerDialect = map[string]int{dsn.Postgres: 2, dsn.MySQL: 2, dsn.SQLite: 4}

// assertSameAsAtlas inspects db with Inspect and with Atlas's own
// InspectSchema and fails unless both give the same Go values, Atlas's
// differ sees between them exactly what it sees between Atlas's result and
// itself, and every shortcut of the dialect answered (so that the fast
// path, not Atlas's SQL, produced the result).
//
// The differ check cannot ask for zero changes: on SQLite, Atlas's differ
// turns every UNIQUE constraint (sqlite_autoindex_*) into a dropped and an
// added index even between a schema and itself (Atlas issue #1597).
// DeepEqual comes first because the differ changes what it compares.
func assertSameAsAtlas(t *testing.T, db *testdb.DB) *schema.Schema {
	t.Helper()
	ours, used, err := inspect(context.Background(), db.SQL(), db.Dialect(), Options{})
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	atlas := testdb.Inspect(t, db)
	assertEqualSchemas(t, db.Dialect(), atlas, ours)
	drv, err := openAtlas(db.Dialect(), db.SQL())
	if err != nil {
		t.Fatal(err)
	}
	changes, err := drv.SchemaDiff(atlas, ours)
	if err != nil {
		t.Fatalf("atlas diff: %v", err)
	}
	got := describeChanges(changes)
	// The differ normalises its arguments in place, so compare with two
	// fresh inspections.
	self, err := drv.SchemaDiff(testdb.Inspect(t, db), testdb.Inspect(t, db))
	if err != nil {
		t.Fatalf("atlas diff: %v", err)
	}
	if want := describeChanges(self); !reflect.DeepEqual(got, want) {
		t.Errorf("Atlas's differ, from Atlas's inspection to ours, finds\n%v\nwant what it finds from Atlas's inspection to itself:\n%v", got, want)
	}
	if got, want := len(used), shortcutsPerDialect[db.Dialect()]; got != want {
		t.Errorf("%d shortcuts answered, want %d: %v", got, want, used)
	}
	return ours
}

// assertEqualSchemas fails unless Atlas's inspection and ours are the same
// Go values, once Atlas's postgres.Constraint attributes are in the order
// Inspect gives them (Atlas's own order is random; see sortPGConstraints).
func assertEqualSchemas(t *testing.T, dialect string, atlas, ours *schema.Schema) {
	t.Helper()
	if dialect == dsn.Postgres {
		sortPGConstraints(atlas)
	}
	if !reflect.DeepEqual(ours, atlas) {
		d, _ := firstDifference(atlas, ours)
		t.Errorf("Inspect differs from Atlas's InspectSchema; first difference (Atlas's value first): schema%s", d)
	}
}

// describeChanges names each change of a diff: its type and the object it
// touches.
func describeChanges(changes []schema.Change) []string {
	var out []string
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.ModifyTable:
			for _, d := range describeChanges(c.Changes) {
				out = append(out, c.T.Name+": "+d)
			}
		case *schema.AddIndex:
			out = append(out, "add index "+c.I.Name)
		case *schema.DropIndex:
			out = append(out, "drop index "+c.I.Name)
		default:
			out = append(out, fmt.Sprintf("%T", c))
		}
	}
	return out
}

// TestInspectReferenceSchema checks Inspect on the reference schema: the
// same result as Atlas, then the same again read-only (as a role that may
// only read, or from a file opened read-only).
func TestInspectReferenceSchema(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		testdb.Reference(t, db)
		t.Run("MatchesAtlas", func(t *testing.T) {
			s := assertSameAsAtlas(t, db)
			// 42 reference tables and Bun's two migration tables.
			if len(s.Tables) != 44 {
				t.Errorf("got %d tables, want 44", len(s.Tables))
			}
		})
		t.Run("ReadOnly", func(t *testing.T) { readOnlyChecks[db.Dialect()](t, db) })
	})
}

func TestInspectGeneratedSchemaMatchesAtlas(t *testing.T) {
	t.Parallel()
	const n = 60
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		if err := benchschema.Create(context.Background(), db.SQL(), db.Dialect(), n); err != nil {
			t.Fatal(err)
		}
		s := assertSameAsAtlas(t, db)
		if len(s.Tables) != n {
			t.Errorf("got %d tables, want %d", len(s.Tables), n)
		}
	})
}
