package snapshot_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
	refschema "github.com/schemalint/schemalint/schema"
)

const root = "../.."

var (
	declOnce sync.Once
	decl     *declared.Schema
	errDecl  error
)

// referenceOptions are drift's options for the reference schema: what its
// migrations declare.
func referenceOptions(t *testing.T, dialect string) drift.Options {
	t.Helper()
	declOnce.Do(func() { decl, errDecl = declared.Load(context.Background(), root, "./migrations") })
	if errDecl != nil {
		t.Fatal(errDecl)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	return drift.Options{Declared: drift.FromDeclared(decl, dialect, abs)}
}

func inspect(t *testing.T, db *testdb.DB) *schema.Schema {
	t.Helper()
	s, err := live.Inspect(context.Background(), db.SQL(), db.Dialect(), live.Options{Views: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func differ(dialect string) schema.Differ {
	switch dialect {
	case dsn.Postgres:
		return postgres.DefaultDiff
	case dsn.MySQL:
		return mysql.DefaultDiff
	}
	return sqlite.DefaultDiff
}

// describe names each change of a diff.
func describe(changes []schema.Change) []string {
	var out []string
	for _, c := range changes {
		if m, ok := c.(*schema.ModifyTable); ok {
			for _, d := range describe(m.Changes) {
				out = append(out, m.T.Name+": "+d)
			}
			continue
		}
		out = append(out, fmt.Sprintf("%T", c))
	}
	return out
}

// withoutBookkeeping drops Bun's migration tables, which a snapshot leaves
// out.
func withoutBookkeeping(s *schema.Schema) *schema.Schema {
	var kept []*schema.Table
	for _, t := range s.Tables {
		if !strings.HasPrefix(t.Name, "bun_migration") {
			kept = append(kept, t)
		}
	}
	s.Tables = kept
	return s
}

// TestRoundTripReference: the reference schema, migrated and inspected as
// drift migrations does, written and read back, is the same schema on
// every database: it writes the same text again, Atlas's differ finds
// between it and the inspection what it finds between the inspection and
// itself, and drift compares the models with it exactly as with the
// database (no finding).
func TestRoundTripReference(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		testdb.Reference(t, db)
		d := db.Dialect()
		inspected := inspect(t, db)
		data, err := snapshot.Encode(&snapshot.Snapshot{Dialect: d, Migrations: []string{"20260101000002", "20260101000001"}, Schema: inspected})
		if err != nil {
			t.Fatal(err)
		}
		back, err := snapshot.Decode(data, d)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"20260101000001", "20260101000002"}; !reflect.DeepEqual(back.Migrations, want) {
			t.Errorf("migrations read back %q, want %q", back.Migrations, want)
		}
		again, err := snapshot.Encode(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("written again, the snapshot differs:\n%s", firstLineDiff(data, again))
		}
		if got, want := len(back.Schema.Tables), len(withoutBookkeeping(inspect(t, db)).Tables); got != want || got < 40 {
			t.Errorf("%d tables read back, want %d (and the reference's 40 and more)", got, want)
		}

		view, err := bunview.Reflect(d, refschema.Models()...)
		if err != nil {
			t.Fatal(err)
		}
		viaDB, err := drift.Diff(d, view, inspect(t, db), referenceOptions(t, d))
		if err != nil {
			t.Fatal(err)
		}
		back.Schema.Name = inspected.Name // a MySQL snapshot names the dev database "dev"
		viaSnapshot, err := drift.Diff(d, view, back.Schema, referenceOptions(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if len(viaDB.Findings)+len(viaSnapshot.Findings) != 0 || !reflect.DeepEqual(viaDB.Notes, viaSnapshot.Notes) {
			t.Errorf("drift on the database: %v %q; on the snapshot: %v %q", viaDB.Findings, viaDB.Notes, viaSnapshot.Findings, viaSnapshot.Notes)
		}

		// The differ changes what it compares: fresh inspections each time.
		self, err := differ(d).SchemaDiff(withoutBookkeeping(inspect(t, db)), withoutBookkeeping(inspect(t, db)))
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := snapshot.Decode(data, d)
		if err != nil {
			t.Fatal(err)
		}
		fresh.Schema.Name = inspected.Name
		got, err := differ(d).SchemaDiff(withoutBookkeeping(inspect(t, db)), fresh.Schema)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := describe(got), describe(self); !reflect.DeepEqual(g, w) {
			t.Errorf("Atlas's differ from the database to the snapshot finds\n%q\nwant what it finds from the database to itself:\n%q", g, w)
		}
	})
}

// firstLineDiff shows the first line where a and b differ.
func firstLineDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: %q != %q", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines != %d lines", len(la), len(lb))
}

// TestRoundTripViewsAndNames: views (kept in the header, Atlas's HCL has
// none), names with spaces and quotes, partial and expression indexes and
// foreign keys survive the round trip on SQLite; the output is sorted
// whatever order the database lists things in, and has no timestamp.
func TestRoundTripViewsAndNames(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	for _, stmt := range []string{
		`CREATE TABLE "b ""quoted"" table" (id INTEGER PRIMARY KEY, "odd col" TEXT NOT NULL DEFAULT 'x y')`,
		`CREATE TABLE a_parent (id INTEGER PRIMARY KEY, name VARCHAR(20))`,
		`CREATE TABLE a_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES a_parent (id) ON DELETE CASCADE, deleted_at TIMESTAMP)`,
		`CREATE INDEX z_child_parent ON a_child (parent_id) WHERE deleted_at IS NULL`,
		`CREATE UNIQUE INDEX a_child_lower ON a_child (lower(deleted_at))`,
		`CREATE VIEW "live children" AS SELECT id, parent_id AS "the parent" FROM a_child WHERE deleted_at IS NULL`,
		`CREATE VIEW a_view AS SELECT id FROM a_parent`,
	} {
		if _, err := db.SQL().Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s := inspect(t, db)
	data, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Migrations: []string{"1 odd \"name\""}, Schema: s})
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		`# schemalint:migration "1 odd \"name\""`,
		"# schemalint:view a_view id\n# schemalint:view \"live children\" id \"the parent\"\n",
		`table "a_child" {`, `where   = "deleted_at IS NULL"`, `on_delete   = CASCADE`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, text)
		}
	}
	if i, j, k := strings.Index(text, `table "a_child"`), strings.Index(text, `table "a_parent"`), strings.Index(text, `table "b \"quoted\" table"`); i >= j || j >= k || i < 0 {
		t.Errorf("tables not sorted (%d, %d, %d):\n%s", i, j, k, text)
	}
	if i, j := strings.Index(text, `index "a_child_lower"`), strings.Index(text, `index "z_child_parent"`); i >= j || i < 0 {
		t.Errorf("indexes not sorted:\n%s", text)
	}
	f, err := snapshot.Read(data, dsn.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	body, err := snapshot.Body(dsn.SQLite, inspect(t, db))
	if err != nil {
		t.Fatal(err)
	}
	if !f.SameBody(body) || f.SameBody(append(body, '\n')) {
		t.Errorf("the file's body is not what Body writes for the same schema (alone)")
	}
	back, err := f.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Schema.Views) != 2 || back.Schema.Views[1].Name != "live children" || back.Schema.Views[1].Columns[1].Name != "the parent" {
		t.Errorf("views read back: %+v", back.Schema.Views)
	}
	if back.Migrations[0] != `1 odd "name"` {
		t.Errorf("migration read back as %q", back.Migrations[0])
	}
	again, err := snapshot.Encode(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("written again, the snapshot differs: %s", firstLineDiff(data, again))
	}
	// The same schema inspected again, listed in another order, writes
	// the same bytes.
	s2 := inspect(t, db)
	for i, j := 0, len(s2.Tables)-1; i < j; i, j = i+1, j-1 {
		s2.Tables[i], s2.Tables[j] = s2.Tables[j], s2.Tables[i]
	}
	data2, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Migrations: []string{"1 odd \"name\""}, Schema: s2})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, data2) {
		t.Errorf("another order writes another snapshot: %s", firstLineDiff(data, data2))
	}
}

// TestDecodeErrors: what is not a snapshot of the expected dialect is a
// clear error, never a panic.
func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	good, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Schema: &schema.Schema{Name: "main"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, dialect, data, want string
	}{
		{"empty", dsn.SQLite, "", "not a schema snapshot"},
		{"other file", dsn.SQLite, "table \"x\" {}\n", "not a schema snapshot"},
		{"other dialect", dsn.Postgres, string(good), `snapshot of dialect "sqlite", not pg`},
		{"unknown dialect", "oracle", string(good), `unknown dialect "oracle"`},
		{"bad migration", dsn.SQLite, strings.Replace(string(good), "#\n# schemalint:dialect", "# schemalint:migration \"unterminated\n# schemalint:dialect", 1), "line 6: want one migration name"},
		{"bad hcl", dsn.SQLite, string(good) + "table \"t\" {\n", "its schema does not read"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := snapshot.Decode([]byte(c.data), c.dialect)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// featureLosses are what Atlas's open-source HCL does not carry of the
// feature schemas, per dialect, as Atlas's differ names them; drift
// compares none of it: a decimal default's trailing zeros (1.50 reads back
// as 1.5; drift compares numbers), and on PostgreSQL a BRIN index's storage
// parameters, a check's NO INHERIT and an EXCLUDE constraint.
var featureLosses = map[string][]string{
	dsn.SQLite:   {"kinds: *schema.ModifyColumn"},
	dsn.Postgres: {"children: *schema.ModifyIndex", "kinds: *schema.ModifyCheck", "kinds: *schema.ModifyColumn", "kinds: *schema.DropIndex"},
}

// TestRoundTripFeatures: what package live's feature schemas hold (every
// column type, default, generated and identity column, check, expression,
// partial, descending, covering and non-B-tree index, composite,
// self-referencing and cross-schema foreign key, comment and view of each
// dialect) reads back as a schema in which Atlas's differ finds, beyond
// what it finds between the database and itself, only featureLosses.
func TestRoundTripFeatures(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		d := db.Dialect()
		b, err := os.ReadFile(filepath.Join("..", "live", "testdata", "features."+d+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		for stmt := range strings.SplitSeq(string(b), "\n;\n") {
			if _, err := db.SQL().Exec(stmt); err != nil {
				t.Fatalf("%s\n%v", stmt, err)
			}
		}
		inspected := inspect(t, db)
		data, err := snapshot.Encode(&snapshot.Snapshot{Dialect: d, Schema: inspected})
		if err != nil {
			t.Fatal(err)
		}
		back, err := snapshot.Decode(data, d)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if got, want := len(back.Schema.Views), len(inspected.Views); got != want || got == 0 {
			t.Errorf("%d views read back, want %d", got, want)
		}
		self, err := differ(d).SchemaDiff(inspect(t, db), inspect(t, db))
		if err != nil {
			t.Fatal(err)
		}
		back.Schema.Name = inspected.Name
		got, err := differ(d).SchemaDiff(inspect(t, db), back.Schema)
		if err != nil {
			t.Fatal(err)
		}
		g, w := describe(got), append(describe(self), featureLosses[d]...)
		slices.Sort(g)
		slices.Sort(w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("Atlas's differ from the database to the snapshot finds\n%q\nwant what it finds from the database to itself, and the known losses:\n%q", g, w)
		}
	})
}
