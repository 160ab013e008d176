package live

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// createFeatures creates testdata/features.<dialect>.sql in db: column
// types, defaults, generated and identity columns, checks, expression,
// partial, descending, covering and non-B-tree indexes, composite and
// self-referencing foreign keys, comments, views, and what else each
// dialect has.
func createFeatures(t *testing.T, db *testdb.DB) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "features."+db.Dialect()+".sql"))
	if err != nil {
		t.Fatal(err)
	}
	for stmt := range strings.SplitSeq(string(b), "\n;\n") {
		if _, err := db.SQL().ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s\n%v", stmt, err)
		}
	}
}

func TestInspectFeaturesMatchAtlas(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		createFeatures(t, db)
		s := assertSameAsAtlas(t, db)
		for _, tt := range s.Tables {
			if strings.Contains(tt.Name, "view") {
				t.Errorf("view %s reported as a table", tt.Name)
			}
		}
		if db.Dialect() != dsn.Postgres {
			return
		}
		// A schema named in Options, whose table references one in
		// another schema.
		ctx := context.Background()
		ours, err := Inspect(ctx, db.SQL(), dsn.Postgres, Options{Schema: "other"})
		if err != nil {
			t.Fatal(err)
		}
		drv, err := openAtlas(dsn.Postgres, db.SQL())
		if err != nil {
			t.Fatal(err)
		}
		atlas, err := drv.InspectSchema(ctx, "other", nil)
		if err != nil {
			t.Fatal(err)
		}
		assertEqualSchemas(t, dsn.Postgres, atlas, ours)
		if len(ours.Tables) != 1 || ours.Tables[0].ForeignKeys[0].RefTable.Schema.Name != "public" {
			t.Errorf("schema other: want table elsewhere referencing public.children, got %d tables", len(ours.Tables))
		}
	})
}
