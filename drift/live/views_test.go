package live

import (
	"context"
	"reflect"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// TestInspectViews: with Options.Views, the views of the features schema
// come back with their columns in order; the tables are Atlas's as
// without it.
func TestInspectViews(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		createFeatures(t, db)
		ctx := context.Background()
		plain, err := Inspect(ctx, db.SQL(), db.Dialect(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(plain.Views) != 0 {
			t.Errorf("without Options.Views: %d views", len(plain.Views))
		}
		s, err := Inspect(ctx, db.SQL(), db.Dialect(), Options{Views: true})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for _, v := range s.Views {
			if v.Schema != s {
				t.Errorf("view %s does not point back at its schema", v.Name)
			}
			for _, c := range v.Columns {
				got[v.Name] = append(got[v.Name], c.Name)
			}
		}
		want := map[string][]string{"kinds_view": {"id", "c_text"}}
		if db.Dialect() == dsn.Postgres {
			want["kinds_matview"] = []string{"id"}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("views %v, want %v", got, want)
		}
		s.Views = nil
		assertEqualSchemas(t, db.Dialect(), plain, s)
	})
}
