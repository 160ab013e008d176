package drift_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/schema"
	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

type rmAccount struct {
	bun.BaseModel `bun:"table:rm_accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull,unique"`
}

// rmAccountPlain is rmAccount without its unique tag.
type rmAccountPlain struct {
	bun.BaseModel `bun:"table:rm_accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull"`
}

type rmNote struct {
	bun.BaseModel `bun:"table:rm_notes"`

	ID        int64      `bun:"id,pk,autoincrement"`
	AccountID int64      `bun:"account_id,notnull"`
	Account   *rmAccount `bun:"rel:belongs-to,join:account_id=id"`
}

// rmNotePlain is rmNote without its relation.
type rmNotePlain struct {
	bun.BaseModel `bun:"table:rm_notes"`

	ID        int64 `bun:"id,pk,autoincrement"`
	AccountID int64 `bun:"account_id,notnull"`
}

// rmHand is a table the migrations create by hand; a model maps to it
// only in the case removing the others.
type rmHand struct {
	bun.BaseModel `bun:"table:rm_hand"`

	ID int64 `bun:"id,pk"`
}

// removedDeclared is what the migrations of the before state declare:
// the three tables, the unique constraint and the key, as SQL migrations
// (no model behind them).
func removedDeclared() *drift.Declared {
	return &drift.Declared{Tables: []*drift.DeclaredTable{
		{Name: "rm_accounts", Indexes: []drift.DeclaredIndex{{Unique: true, Parts: []drift.IndexPart{{Column: "email"}}}}},
		{Name: "rm_notes", ForeignKeys: []drift.DeclaredFK{{Columns: []string{"account_id"}, RefTable: "rm_accounts"}}},
		{Name: "rm_hand"},
	}}
}

// TestRemovedFromModels: on each database, the objects the models made
// (ModelObjects, as the snapshot records them) and no model makes now are
// reported as removed, where without the record they pass as the
// migrations' own (no finding, as before): a table whose model is gone
// (DROP TABLE, destructive; two of them, the referencing one first), a
// relation's key and a unique tag's index (dropped, not destructive). The
// up runs, keeps the rows of what stays, and leaves nothing to report; the
// down (after → before) brings each object back. The hand-made table
// stays untouched throughout.
func TestRemovedFromModels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		models  []any
		want    []string // kind id, object, destructive
		dropped []string // the tables gone after the up
	}{
		{"table", []any{(*rmAccount)(nil), (*rmHand)(nil)}, []string{"DR002 rm_notes true"}, []string{"rm_notes"}},
		{"fk_and_index", []any{(*rmAccountPlain)(nil), (*rmNotePlain)(nil), (*rmHand)(nil)}, []string{"DR011 index false", "DR014 fk false"}, nil},
		{"two_tables", []any{(*rmHand)(nil)}, []string{"DR002 rm_notes true", "DR002 rm_accounts true"}, []string{"rm_accounts", "rm_notes"}},
	}
	for _, d := range testdb.Dialects {
		for _, tc := range cases {
			t.Run(d+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				db := testdb.New(t, d)
				for _, m := range []any{(*rmAccount)(nil), (*rmHand)(nil)} {
					if _, err := db.Bun.NewCreateTable().Model(m).Exec(ctx); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := db.Bun.NewCreateTable().Model((*rmNote)(nil)).WithForeignKeys().Exec(ctx); err != nil {
					t.Fatal(err)
				}
				mustExecAll(t, db, "INSERT INTO rm_accounts (email) VALUES ('a@x')", "INSERT INTO rm_notes (account_id) VALUES (1)", "INSERT INTO rm_hand (id) VALUES (7)")
				before := testdb.Inspect(t, db)

				view, err := bunview.Reflect(d, (*rmAccount)(nil), (*rmNote)(nil))
				if err != nil {
					t.Fatal(err)
				}
				marks := drift.ModelObjects(d, view, before, drift.Options{RelationFKs: true})
				if !slices.Equal(marks.Tables, []string{"rm_accounts", "rm_notes"}) || len(marks.Indexes) != 1 || marks.Indexes[0].Table != "rm_accounts" ||
					!slices.EqualFunc(marks.ForeignKeys, []snapshot.ModelFK{{Table: "rm_notes", Columns: []string{"account_id"}, RefTable: "rm_accounts"}}, func(a, b snapshot.ModelFK) bool {
						return a.Table == b.Table && slices.Equal(a.Columns, b.Columns) && a.RefTable == b.RefTable
					}) {
					t.Fatalf("ModelObjects = %+v", marks)
				}
				if none := drift.ModelObjects(d, view, before, drift.Options{}); len(none.ForeignKeys) != 0 {
					t.Errorf("without relation keys, keys recorded: %+v", none.ForeignKeys)
				}

				now, err := bunview.Reflect(d, tc.models...)
				if err != nil {
					t.Fatal(err)
				}
				opts := drift.Options{Declared: removedDeclared(), RelationFKs: true}
				if res, err := drift.Diff(d, now, before, opts); err != nil || len(res.Findings) != 0 {
					t.Fatalf("without the snapshot's record: %v %+v", err, res)
				}
				opts.Modelled = &marks
				res, err := drift.Diff(d, now, before, opts)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range res.Findings {
					object := f.Object
					switch f.Kind {
					case drift.IndexExtra:
						object = "index"
					case drift.FKExtra:
						object = "fk"
					}
					got = append(got, f.Kind.ID()+" "+object+" "+map[bool]string{true: "true", false: "false"}[f.Destructive])
					if !f.Removed || !strings.Contains(f.Message, "is in the snapshot as") || !strings.Contains(f.Fix, "schemalint migrate new NAME") {
						t.Errorf("%s: Removed %v, message %q, fix %q", f.Object, f.Removed, f.Message, f.Fix)
					}
				}
				if !slices.Equal(got, tc.want) {
					t.Fatalf("findings %q, want %q", got, tc.want)
				}

				up := drift.NewUp(res, nil, true)
				if err := runFile(db, up.File); err != nil {
					t.Fatalf("%v\n%s", err, up.File.Body)
				}
				after := testdb.Inspect(t, db)
				for _, name := range tc.dropped {
					if _, ok := after.Table(name); ok {
						t.Errorf("table %s is still there after the up", name)
					}
				}
				for _, table := range []string{"rm_accounts", "rm_notes", "rm_hand"} {
					if slices.Contains(tc.dropped, table) {
						continue
					}
					var n int
					if err := db.SQL().QueryRowContext(t.Context(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil || n != 1 {
						t.Errorf("%s after the up: %d rows (%v), want its one row", table, n, err)
					}
				}
				// The migrations now drop what the up drops.
				opts.Declared = removedDeclared()
				opts.Declared.Tables = slices.DeleteFunc(opts.Declared.Tables, func(dt *drift.DeclaredTable) bool { return slices.Contains(tc.dropped, dt.Name) })
				if tc.dropped == nil {
					for _, dt := range opts.Declared.Tables {
						dt.Indexes, dt.ForeignKeys = nil, nil
					}
				}
				if again, err := drift.Diff(d, now, after, opts); err != nil || len(again.Findings) != 0 {
					t.Errorf("after the up: %v %+v", err, again)
				}

				down, err := drift.NewDown(d, after, before, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := runFile(db, *down); err != nil {
					t.Fatalf("down: %v\n%s", err, down.Body)
				}
				rest, err := drift.NewDown(d, testdb.Inspect(t, db), before, nil, nil)
				if err != nil || rest.Runs {
					t.Errorf("the down did not bring the schema back: %v\n%s", err, rest.Body)
				}
			})
		}
	}
}

func mustExecAll(t *testing.T, db *testdb.DB, stmts ...string) {
	t.Helper()
	execAll(t, db.SQL(), stmts)
}

// runFile runs a generated migration as Bun's migrator does (parts in
// order on one connection, in a transaction for a .tx. file).
func runFile(db *testdb.DB, f drift.MigrationFile) error {
	parts, err := drift.SplitBunSQL(f.Body)
	if err != nil {
		return err
	}
	ctx := context.Background()
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	if f.Tx {
		if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
			return err
		}
	}
	for _, q := range parts {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if f.Tx {
		_, err = conn.ExecContext(ctx, "COMMIT")
	}
	return err
}

// TestDownIgnoresCounters: on MySQL a table the up dropped comes back
// from the down with the AUTO_INCREMENT counter it gets; the counter it
// had (its rows') is no schema difference to plan.
func TestDownIgnoresCounters(t *testing.T) {
	mk := func(counter int64) *schema.Schema {
		s := schema.New("app")
		notes := schema.NewTable("notes").AddColumns(schema.NewIntColumn("id", "bigint"))
		if counter > 0 {
			notes.AddAttrs(&mysql.AutoIncrement{V: counter})
		}
		s.AddTables(notes)
		return s
	}
	f, err := drift.NewDown(dsn.MySQL, mk(0), mk(2), nil, nil)
	if err != nil || f.Runs {
		t.Errorf("a counter alone: %v\n%s", err, f.Body)
	}
	f, err = drift.NewDown(dsn.MySQL, schema.New("app"), mk(2), nil, nil)
	if err != nil || !strings.Contains(f.Body, "CREATE TABLE `notes`") || strings.Contains(f.Body, "AUTO_INCREMENT") {
		t.Errorf("the dropped table recreated: %v\n%s", err, f.Body)
	}
}
