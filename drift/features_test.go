package drift_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/testdb"
)

// Models of the feature tests: an autoincrement key, a relation the
// migrations give no foreign key, and a model that maps to a view.
type Author struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64  `bun:"id,pk,autoincrement"`
	Name          string `bun:"name,notnull"`
}

type Book struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk,autoincrement"`
	AuthorID      int64   `bun:"author_id,notnull"`
	Author        *Author `bun:"rel:belongs-to,join:author_id=id,on_delete:cascade"`
}

type AuthorStat struct {
	bun.BaseModel `bun:"table:author_stats"`
	AuthorID      int64 `bun:"author_id"`
	Books         int64 `bun:"books"`
}

var featureModels = []any{(*Author)(nil), (*Book)(nil), (*AuthorStat)(nil)}

// createFeatures creates the tables as Bun does (no foreign key) and the
// view.
func createFeatures(t *testing.T, db *testdb.DB) {
	t.Helper()
	ctx := context.Background()
	for _, m := range []any{(*Author)(nil), (*Book)(nil)} {
		if _, err := db.Bun.NewCreateTable().Model(m).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	execAll(t, db.SQL(), []string{"CREATE VIEW author_stats AS SELECT author_id, count(*) AS books FROM books GROUP BY author_id"})
}

func compareFeatures(t *testing.T, db *testdb.DB, opts drift.Options) []drift.Finding {
	t.Helper()
	res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), opts, featureModels...)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notes {
		t.Errorf("note: %s", n)
	}
	return res.Findings
}

func expectOne(t *testing.T, fs []drift.Finding, kind drift.Kind, sev config.Severity, object, field string) {
	t.Helper()
	if len(fs) != 1 || fs[0].Kind != kind || fs[0].Severity != sev || fs[0].Object != object || fs[0].Field != field {
		t.Errorf("want one %s %s %s (field %q)", kind, sev, object, field)
		logFindings(t, fs)
	}
}

// TestFeatures: tables Bun created compare clean (autoincrement keys,
// a view a model maps to); --relation-fks expects the relation's key;
// a table only the migrations know is known, and missing when dropped; a
// view without a model's column, and a key the database no longer
// generates, are drift.
func TestFeatures(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		createFeatures(t, db)
		if fs := compareFeatures(t, db, drift.Options{}); len(fs) > 0 {
			t.Error("tables as Bun creates them:")
			logFindings(t, fs)
		}

		fs := compareFeatures(t, db, drift.Options{RelationFKs: true})
		expectOne(t, fs, drift.FKMissing, config.Warning, "books:(author_id)", "Author")
		if len(fs) == 1 && (!strings.Contains(fs[0].Message, "relation Book.Author implies it") || !strings.Contains(fs[0].Message, "ON DELETE CASCADE")) {
			t.Errorf("message: %s", fs[0].Message)
		}

		known := &drift.Declared{Tables: []*drift.DeclaredTable{{Name: "audit_log"}}}
		execAll(t, db.SQL(), []string{"CREATE TABLE audit_log (id integer)"})
		if fs := compareFeatures(t, db, drift.Options{Declared: known}); len(fs) > 0 {
			t.Error("a table the migrations create without a model:")
			logFindings(t, fs)
		}
		expectOne(t, compareFeatures(t, db, drift.Options{}), drift.TableExtra, config.Info, "audit_log", "")
		execAll(t, db.SQL(), []string{"DROP TABLE audit_log"})
		expectOne(t, compareFeatures(t, db, drift.Options{Declared: known}), drift.TableMissing, config.Warning, "audit_log", "")

		execAll(t, db.SQL(), []string{"DROP VIEW author_stats", "CREATE VIEW author_stats AS SELECT author_id FROM books"})
		expectOne(t, compareFeatures(t, db, drift.Options{}), drift.ColumnMissing, config.Error, "author_stats.books", "Books")
	})
}

// TestGeneratedKey: a key the model wants the database to number, which
// the database does not, is a default the model relies on (PostgreSQL,
// MySQL: Bun sends DEFAULT for the zero id, and the insert fails);
// SQLite numbers an INTEGER PRIMARY KEY anyway, so there it is a warning.
func TestGeneratedKey(t *testing.T) {
	t.Parallel()
	undo := map[string][]string{
		pg: {"ALTER TABLE authors ALTER COLUMN id DROP DEFAULT"},
		my: {"ALTER TABLE authors MODIFY id bigint NOT NULL"},
	}
	severity := map[string]config.Severity{pg: config.Error, my: config.Error, lite: config.Warning}
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		createFeatures(t, db)
		stmts := undo[db.Dialect()]
		if db.Dialect() == lite {
			stmts = rebuild("authors", " AUTOINCREMENT", "")[lite](t, db.SQL())
		}
		execAll(t, db.SQL(), stmts)
		fs := compareFeatures(t, db, drift.Options{})
		expectOne(t, fs, drift.ColumnDefault, severity[db.Dialect()], "authors.id", "ID")
		if len(fs) == 1 && (fs[0].SQL == "" || strings.HasPrefix(fs[0].SQL, "--")) {
			t.Errorf("no repair: %q", fs[0].SQL)
		}
	})
}
