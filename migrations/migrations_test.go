package migrations_test

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"ariga.io/atlas/sql/postgres"
	atlas "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
	"github.com/schemalint/schemalint/migrations"
	"github.com/schemalint/schemalint/schema"
)

// recorder keeps every statement Bun sends, so the test can check that what
// the migrations declared is what the catalogue holds.
type recorder struct {
	mu    sync.Mutex
	stmts []string
}

func (r *recorder) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context { return ctx }

func (r *recorder) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	if e.Err != nil {
		return
	}
	r.mu.Lock()
	r.stmts = append(r.stmts, e.Query)
	r.mu.Unlock()
}

var (
	createIndexRE = regexp.MustCompile("(?i)^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?[\"`]?(\\w+)[\"`]? ON [\"`]?(\\w+)[\"`]?")
	foreignKeyRE  = regexp.MustCompile(`(?i)FOREIGN KEY \((\w+)\) REFERENCES (\w+) \((\w+)\)`)
)

func up(t *testing.T, db *bun.DB) {
	t.Helper()
	ctx := context.Background()
	m := migrate.NewMigrator(db, migrations.Migrations)
	if err := m.Init(ctx); err != nil {
		t.Fatal(err)
	}
	group, err := m.Migrate(ctx)
	if err != nil {
		t.Fatalf("migrate up: %v", err)
	}
	if got, want := len(group.Migrations), len(migrations.Migrations.Sorted()); got != want {
		t.Fatalf("migrate up applied %d migrations, want %d", got, want)
	}
}

func down(t *testing.T, db *bun.DB) {
	t.Helper()
	m := migrate.NewMigrator(db, migrations.Migrations)
	for {
		group, err := m.Rollback(context.Background())
		if err != nil {
			t.Fatalf("migrate down: %v", err)
		}
		if group.IsZero() {
			return
		}
	}
}

func tableNames(s *atlas.Schema) []string {
	var names []string
	for _, t := range s.Tables {
		names = append(names, t.Name)
	}
	slices.Sort(names)
	return names
}

var bookkeeping = []string{"bun_migration_locks", "bun_migrations"}

// TestMigrations migrates the reference schema up on an empty database of
// every dialect, checks the catalogue against the models and against what
// the migrations executed, migrates down to nothing, and up again.
func TestMigrations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		schema.RegisterModels(db.Bun)
		// Only the first migration up is recorded: the checks below read
		// the statements it ran.
		rec := &recorder{}
		up(t, db.Bun.WithQueryHook(rec))
		s := testdb.Inspect(t, db)

		// Tables: one per model, plus Bun's bookkeeping, nothing else.
		var want []string
		for _, m := range schema.Models() {
			want = append(want, db.Bun.Table(typeOf(m)).Name)
		}
		want = append(want, bookkeeping...)
		slices.Sort(want)
		if got := tableNames(s); !slices.Equal(got, want) {
			t.Fatalf("tables after up:\n got %v\nwant %v", got, want)
		}

		// Columns: exactly the model's fields, plus the invisible marker
		// column on MySQL tables with soft-delete unique indexes.
		for _, m := range schema.Models() {
			bt := db.Bun.Table(typeOf(m))
			at, _ := s.Table(bt.Name)
			var wantCols, gotCols []string
			for _, f := range bt.Fields {
				wantCols = append(wantCols, f.Name)
			}
			for _, c := range at.Columns {
				if c.Name == "not_deleted" && db.Dialect() == dsn.MySQL {
					continue
				}
				gotCols = append(gotCols, c.Name)
			}
			slices.Sort(wantCols)
			slices.Sort(gotCols)
			if !slices.Equal(gotCols, wantCols) {
				t.Errorf("%s columns:\n got %v\nwant %v", bt.Name, gotCols, wantCols)
			}
			if at.PrimaryKey == nil || len(at.PrimaryKey.Parts) != 1 || at.PrimaryKey.Parts[0].C.Name != "id" {
				t.Errorf("%s: primary key is not (id)", bt.Name)
			}
		}

		// Indexes: every CREATE INDEX the migrations ran exists, on its
		// table, with its uniqueness.
		declared := 0
		for _, stmt := range rec.stmts {
			m := createIndexRE.FindStringSubmatch(stmt)
			if m == nil {
				continue
			}
			declared++
			unique, name, table := m[1] != "", m[2], m[3]
			at, ok := s.Table(table)
			if !ok {
				t.Errorf("index %s: table %s missing", name, table)
				continue
			}
			idx, ok := at.Index(name)
			if !ok {
				t.Errorf("index %s on %s is missing from the catalogue", name, table)
				continue
			}
			if idx.Unique != unique {
				t.Errorf("index %s: unique=%v, want %v", name, idx.Unique, unique)
			}
		}
		for table, name := range map[string]string{
			"users": "idx_users_app_email", "sessions": "idx_sessions_user_id", "members": "idx_members_org_user",
			"api_keys": "idx_apikeys_prefix_unique",
		} {
			if at, _ := s.Table(table); at == nil || !hasIndex(at, name) {
				t.Errorf("spec index %s on %s is missing", name, table)
			}
		}
		checkSoftDeleteUnique(t, db.Dialect(), s)

		// Foreign keys: as many in the catalogue as the CREATE TABLE
		// statements declared, each led by an index.
		declaredFKs, fks := 0, 0
		for _, stmt := range rec.stmts {
			if strings.HasPrefix(stmt, "CREATE TABLE") {
				declaredFKs += len(foreignKeyRE.FindAllString(stmt, -1))
			}
		}
		for _, at := range s.Tables {
			for _, fk := range at.ForeignKeys {
				fks++
				if !ledByIndex(at, fk.Columns[0].Name) {
					t.Errorf("%s.%s: foreign key has no index led by it", at.Name, fk.Columns[0].Name)
				}
			}
		}
		if fks != declaredFKs || fks == 0 {
			t.Errorf("foreign keys: catalogue has %d, migrations declared %d", fks, declaredFKs)
		}
		indexes := 0
		for _, at := range s.Tables {
			if !slices.Contains(bookkeeping, at.Name) {
				indexes += len(at.Indexes)
			}
		}
		t.Logf("%s: %d model tables, %d indexes declared by migrations (%d in the catalogue, unique constraints included), %d foreign keys",
			db.Dialect(), len(schema.Models()), declared, indexes, fks)

		// Down drops everything but the bookkeeping; up works again.
		down(t, db.Bun)
		if got := tableNames(testdb.Inspect(t, db)); !slices.Equal(got, bookkeeping) {
			t.Fatalf("tables after down: %v, want %v", got, bookkeeping)
		}
		up(t, db.Bun)
		if got := len(testdb.Inspect(t, db).Tables); got != len(schema.Models())+len(bookkeeping) {
			t.Fatalf("second up created %d tables", got)
		}
	})
}

func hasIndex(t *atlas.Table, name string) bool {
	_, ok := t.Index(name)
	return ok
}

// ledByIndex reports whether col is the first column of the primary key or
// of some index that is not partial: a partial index cannot serve the
// foreign key's own checks.
func ledByIndex(t *atlas.Table, col string) bool {
	if t.PrimaryKey != nil && t.PrimaryKey.Parts[0].C != nil && t.PrimaryKey.Parts[0].C.Name == col {
		return true
	}
	for _, idx := range t.Indexes {
		if len(idx.Parts) > 0 && idx.Parts[0].C != nil && idx.Parts[0].C.Name == col && predicate(idx) == "" {
			return true
		}
	}
	return false
}

func typeOf(model any) reflect.Type { return reflect.TypeOf(model).Elem() }

// checkSoftDeleteUnique checks that every unique index on a soft-deleted
// table ignores deleted rows: a partial index on PostgreSQL and SQLite, the
// not_deleted marker column as last part on MySQL.
func checkSoftDeleteUnique(t *testing.T, dialect string, s *atlas.Schema) {
	t.Helper()
	n := 0
	for _, at := range s.Tables {
		if _, soft := at.Column("deleted_at"); !soft {
			continue
		}
		for _, idx := range at.Indexes {
			if !idx.Unique {
				continue
			}
			n++
			switch dialect {
			case dsn.MySQL:
				last := idx.Parts[len(idx.Parts)-1]
				if last.C == nil || last.C.Name != "not_deleted" {
					t.Errorf("%s.%s: unique index on a soft-deleted table does not end with not_deleted", at.Name, idx.Name)
				}
			default:
				if p := predicate(idx); !strings.EqualFold(p, "deleted_at IS NULL") && !strings.EqualFold(p, "(deleted_at IS NULL)") {
					t.Errorf("%s.%s: unique index on a soft-deleted table has predicate %q, want deleted_at IS NULL", at.Name, idx.Name, p)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no unique index on a soft-deleted table: the check checked nothing")
	}
}

func predicate(idx *atlas.Index) string {
	for _, a := range idx.Attrs {
		switch a := a.(type) {
		case *postgres.IndexPredicate:
			return a.P
		case *sqlite.IndexPredicate:
			return a.P
		}
	}
	return ""
}
