package live

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"github.com/schemalint/schemalint/drift/live/benchschema"
	"github.com/schemalint/schemalint/internal/testdb"
)

// recorder passes queries on and remembers them.
type recorder struct {
	*sql.Tx
	calls []recordedQuery
}

type recordedQuery struct {
	query string
	args  []any
}

func (r *recorder) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	r.calls = append(r.calls, recordedQuery{query, args})
	return r.Tx.QueryContext(ctx, query, args...)
}

// readRows reads all rows as the driver's values.
func readRows(t *testing.T, rows *sql.Rows, err error) [][]any {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShortcutsReturnAtlasRows runs Atlas's inspection, records every
// query it sends, and checks that for each one a shortcut answers, the
// shortcut's rows are exactly the rows of Atlas's own query: the same
// values of the same Go types, in the same order. The schema has every
// feature of testdata/features.*.sql plus a few generated tables.
func TestShortcutsReturnAtlasRows(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		createFeatures(t, db)
		if err := benchschema.Create(ctx, db.SQL(), db.Dialect(), 5); err != nil {
			t.Fatal(err)
		}
		tx, err := db.SQL().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = tx.Rollback() }()
		rec := &recorder{Tx: tx}
		drv, err := openAtlas(db.Dialect(), rec)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := drv.InspectSchema(ctx, "", nil); err != nil {
			t.Fatal(err)
		}
		shortcuts, done, err := shortcutsFor(db.Dialect())
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		answered := map[string]int{}
		for _, c := range rec.calls {
			for _, s := range shortcuts {
				rows, ok, err := s.answer(ctx, tx, c.query, c.args)
				if !ok {
					continue
				}
				answered[s.name]++
				got := readRows(t, rows, err)
				atlasRows, err := tx.QueryContext(ctx, c.query, c.args...)
				want := readRows(t, atlasRows, err)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: rows differ from Atlas's query\n%s\nargs %v\ngot  %v\nwant %v", s.name, c.query, c.args, got, want)
				}
			}
		}
		if got, want := len(answered), shortcutsPerDialect[db.Dialect()]; got != want {
			t.Errorf("%d shortcuts answered one of Atlas's queries, want %d: %v", got, want, answered)
		}
	})
}
