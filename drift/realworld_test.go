package drift_test

import (
	"context"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/testdb"
)

// Token has a primary key also tagged unique, as real applications
// write it: Bun's CREATE TABLE says PRIMARY KEY ("id") and UNIQUE ("id").
type Token struct {
	bun.BaseModel `bun:"table:tokens"`
	ID            string `bun:"id,pk,unique"`
	Value         string `bun:"value,notnull"`
}

// TestPKUnique: a primary key tagged unique, created by Bun itself,
// compares clean on every database, whatever each makes of the
// redundant UNIQUE.
func TestPKUnique(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		if _, err := db.Bun.NewCreateTable().Model((*Token)(nil)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		// As a migration would declare it too, next to the key.
		uniqueID := &drift.Declared{Tables: []*drift.DeclaredTable{{Name: "tokens", HasModel: true,
			Indexes: []drift.DeclaredIndex{{Unique: true, Parts: []drift.IndexPart{{Column: "id"}}}}}}}
		for _, opts := range []drift.Options{{}, {Declared: &drift.Declared{}}, {Declared: uniqueID}} {
			res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), opts, (*Token)(nil))
			if err != nil {
				t.Fatal(err)
			}
			logFindings(t, res.Findings)
			for _, n := range res.Notes {
				t.Errorf("note: %s", n)
			}
		}
	})
}

// Note is a model whose table a migration wrote by hand, in spellings
// real migrations use: text for Bun's varchar, JSONB for a map (which
// Bun declares VARCHAR on SQLite), a partial index written with !=.
type Note struct {
	bun.BaseModel `bun:"table:notes"`
	ID            string         `bun:"id,pk"`
	Status        string         `bun:"status,notnull"`
	Meta          map[string]any `bun:"meta"`
}

// TestMigrationSpellings: what a hand-written migration creates for the
// model compares clean where Bun reads and writes it alike.
func TestMigrationSpellings(t *testing.T) {
	t.Parallel()
	decl := &drift.Declared{Tables: []*drift.DeclaredTable{{Name: "notes", HasModel: true, Indexes: []drift.DeclaredIndex{
		{Name: "notes_live", Parts: []drift.IndexPart{{Column: "status"}}, Where: "status != 'gone'"},
	}}}}
	create := map[string][]string{
		pg: {"CREATE TABLE notes (id text PRIMARY KEY, status text NOT NULL, meta jsonb)",
			"CREATE INDEX notes_live ON notes (status) WHERE status != 'gone'"},
		lite: {"CREATE TABLE notes (id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, meta JSONB)",
			"CREATE INDEX notes_live ON notes (status) WHERE status != 'gone'"},
	}
	for _, db := range []*testdb.DB{testdb.Postgres(t), testdb.SQLite(t)} {
		t.Run(db.Dialect(), func(t *testing.T) {
			execAll(t, db.SQL(), create[db.Dialect()])
			res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{Declared: decl}, (*Note)(nil))
			if err != nil {
				t.Fatal(err)
			}
			logFindings(t, res.Findings)
			for _, n := range res.Notes {
				t.Errorf("note: %s", n)
			}
		})
	}
}

// Key is a model whose table has, instead of a primary key, a UNIQUE
// constraint named keys_pkey (as a hand-written migration or a botched
// restore leaves it).
type Key struct {
	bun.BaseModel `bun:"table:keys"`
	ID            string `bun:"id,pk"`
	Value         string `bun:"value,notnull"`
}

// TestPKOnlyUnique: a primary key that exists only as a UNIQUE named
// keys_pkey is one finding that says so, and its repair replaces the
// constraint with the key: after it, no drift.
func TestPKOnlyUnique(t *testing.T) {
	t.Parallel()
	create := map[string][]string{
		pg:   {"CREATE TABLE keys (id varchar NOT NULL, value varchar NOT NULL, CONSTRAINT keys_pkey UNIQUE (id))"},
		my:   {"CREATE TABLE `keys` (id varchar(255) NOT NULL, value varchar(255) NOT NULL, CONSTRAINT keys_pkey UNIQUE (id))"},
		lite: {"CREATE TABLE keys (id VARCHAR NOT NULL, value VARCHAR NOT NULL)", "CREATE UNIQUE INDEX keys_pkey ON keys (id)"},
	}
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		execAll(t, db.SQL(), create[db.Dialect()])
		for _, opts := range []drift.Options{{}, {Declared: &drift.Declared{}}} {
			res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), opts, (*Key)(nil))
			if err != nil {
				t.Fatal(err)
			}
			fs := res.Findings
			expectOne(t, fs, drift.PrimaryKey, config.Error, "keys:PRIMARY KEY", "")
			if len(fs) == 1 && !strings.Contains(fs[0].Message, "UNIQUE constraint keys_pkey") {
				t.Errorf("message does not name the stand-in: %s", fs[0].Message)
			}
			if len(fs) == 1 && opts.Declared != nil {
				execAll(t, db.SQL(), splitSQL(fs[0].SQL))
			}
		}
		res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{Declared: &drift.Declared{}}, (*Key)(nil))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) > 0 {
			t.Error("after the repair:")
			logFindings(t, res.Findings)
		}
	})
}

// TestUnseenMigrations: when the extraction could not read part of the
// migrations, a table or an index they do not declare may still be
// theirs: drift says so in one note naming the places, and claims no
// absence (no DR002, DR011 or DR017).
func TestUnseenMigrations(t *testing.T) {
	t.Parallel()
	s := &declared.Schema{Notes: []*declared.Note{
		{Pos: declared.Position{File: "/app/migrations/m1.go", Line: 12}, Dialects: declared.AllDialects, Message: "call of helpers.Setup not followed", Unseen: true},
		{Pos: declared.Position{File: "/app/migrations/m2.go", Line: 7}, Dialects: declared.AllDialects, Message: "statement may not run", Unseen: false},
	}}
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		if _, err := db.Bun.NewCreateTable().Model((*Key)(nil)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		execAll(t, db.SQL(), []string{"CREATE TABLE stray (id integer)", "CREATE INDEX keys_value ON " + quoteFor(db.Dialect(), "keys") + " (value)"})

		seen := drift.FromDeclared(&declared.Schema{}, db.Dialect(), "/app")
		res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{Declared: seen}, (*Key)(nil))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 2 {
			t.Error("migrations read in full: want DR002 and DR011")
			logFindings(t, res.Findings)
		}

		decl := drift.FromDeclared(s, db.Dialect(), "/app")
		res, err = drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{Declared: decl}, (*Key)(nil))
		if err != nil {
			t.Fatal(err)
		}
		logFindings(t, res.Findings)
		var unknown []string
		for _, n := range res.Notes {
			if strings.Contains(n, "unknown") {
				unknown = append(unknown, n)
			}
		}
		if len(unknown) != 1 || !strings.Contains(unknown[0], "table stray") || !strings.Contains(unknown[0], "keys:keys_value") ||
			!strings.Contains(unknown[0], "migrations/m1.go:12") || strings.Contains(unknown[0], "m2.go") {
			t.Errorf("want one note naming both objects and m1.go:12 only, got %q", res.Notes)
		}
	})
}

func quoteFor(dialect, name string) string {
	if dialect == my {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}

// Label's name is a plain string: in a JSONB column SQLite would turn
// "42" into the integer 42, so there the type is drift.
type Label struct {
	bun.BaseModel `bun:"table:labels"`
	ID            string `bun:"id,pk"`
	Name          string `bun:"name,notnull"`
}

// TestSQLiteJSONOnlyForJSONFields: VARCHAR and JSONB are the same to
// SQLite only for values Bun writes as JSON; a string field in a JSONB
// column is still reported.
func TestSQLiteJSONOnlyForJSONFields(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	execAll(t, db.SQL(), []string{"CREATE TABLE labels (id TEXT NOT NULL PRIMARY KEY, name JSONB NOT NULL)"})
	res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{}, (*Label)(nil))
	if err != nil {
		t.Fatal(err)
	}
	expectOne(t, res.Findings, drift.ColumnType, config.Error, "labels.name", "Name")
}

// TestRepeatedNotesOnce: the same note at many places of the migrations
// (a CREATE VIEW in each of eighty SQL files, as a real application has)
// is one line naming the first place and how many more there are.
func TestRepeatedNotesOnce(t *testing.T) {
	t.Parallel()
	view := "CREATE VIEW is not modelled: it makes no table or index, so nothing is missed"
	s := &declared.Schema{}
	for i := 1; i <= 80; i++ {
		s.Notes = append(s.Notes, &declared.Note{Pos: declared.Position{File: "/app/migrations/v.sql", Line: i}, Dialects: declared.AllDialects, Message: view})
	}
	s.Notes = append(s.Notes,
		&declared.Note{Pos: declared.Position{File: "/app/migrations/a.sql", Line: 1}, Dialects: declared.AllDialects, Message: "COMMENT is not modelled"},
		&declared.Note{Pos: declared.Position{File: "/app/migrations/a.sql", Line: 2}, Dialects: declared.AllDialects, Message: "COMMENT is not modelled"},
		&declared.Note{Pos: declared.Position{File: "/app/migrations/b.sql", Line: 3}, Dialects: []declared.Dialect{declared.MySQL}, Message: "only on MySQL"})
	got := drift.FromDeclared(s, "pg", "/app").Notes
	want := []string{
		"migrations/v.sql:1: the migrations may do more than drift knows: " + view + " (and at 79 more places)",
		"migrations/a.sql:1: the migrations may do more than drift knows: COMMENT is not modelled (and at migrations/a.sql:2)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Pair's unique group lists account_id first; the migration that made
// the table wrote the constraint the other way round, as a real
// application does.
type Pair struct {
	bun.BaseModel `bun:"table:pairs"`
	ID            int64  `bun:"id,pk"`
	AccountID     string `bun:"account_id,notnull,unique:pairs_key"`
	SetID         string `bun:"set_id,notnull,unique:pairs_key"`
}

// TestUniqueColumnOrder: a unique constraint on a model's unique-tag
// columns in another order is one info finding that says why it does not
// matter, not a warning; other columns stay a warning.
func TestUniqueColumnOrder(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		q := func(s string) string { return quoteFor(db.Dialect(), s) }
		vc := "varchar" // what Bun makes of a string on each database
		if db.Dialect() == my {
			vc = "varchar(255)"
		}
		execAll(t, db.SQL(), []string{
			"CREATE TABLE " + q("pairs") + " (id bigint NOT NULL PRIMARY KEY, account_id " + vc + " NOT NULL, set_id " + vc + " NOT NULL)",
			"CREATE UNIQUE INDEX pairs_key ON " + q("pairs") + " (set_id, account_id)",
		})
		res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Pair)(nil))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Kind != drift.Unique || res.Findings[0].Severity != config.Info ||
			!strings.Contains(res.Findings[0].Message, "uniqueness and ON CONFLICT are unaffected") {
			t.Error("want one DR009 info finding")
			logFindings(t, res.Findings)
		}
		execAll(t, db.SQL(), []string{"DROP INDEX pairs_key" + map[string]string{my: " ON " + q("pairs")}[db.Dialect()],
			"CREATE UNIQUE INDEX pairs_key ON " + q("pairs") + " (set_id, id)"})
		res, err = drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Pair)(nil))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Kind != drift.Unique || res.Findings[0].Severity != config.Warning {
			t.Error("other columns: want one DR009 warning")
			logFindings(t, res.Findings)
		}
	})
}

// Host has a net.IP, which Bun's CREATE TABLE makes BYTEA on PostgreSQL
// but which Bun writes as text ('10.0.0.1') and parses back from text:
// an application's migration that makes the column INET is right.
type Host struct {
	bun.BaseModel `bun:"table:hosts"`
	ID            int64  `bun:"id,pk"`
	IP            net.IP `bun:"ip,nullzero"`
}

// TestTextValuedTypes: a net.IP in an inet (or text) column is info,
// because Bun writes and reads it as text (checked here by a round trip
// through Bun); in an integer column it stays an error.
func TestTextValuedTypes(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		col := map[string]string{pg: "inet", my: "varchar(64)", lite: "text"}[db.Dialect()]
		execAll(t, db.SQL(), []string{"CREATE TABLE hosts (id bigint NOT NULL PRIMARY KEY, ip " + col + ")"})
		in := &Host{ID: 1, IP: net.ParseIP("2001:db8::1")}
		if _, err := db.Bun.NewInsert().Model(in).Exec(ctx); err != nil {
			t.Fatalf("Bun cannot write a net.IP into %s: %v", col, err)
		}
		var out Host
		if err := db.Bun.NewSelect().Model(&out).Where("id = 1").Scan(ctx); err != nil || !out.IP.Equal(in.IP) {
			t.Fatalf("Bun read back %v (%v), want %v", out.IP, err, in.IP)
		}
		res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Host)(nil))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Severity != config.Info || !strings.Contains(f.Message, "as text") {
				t.Errorf("want at most an info finding saying Bun writes it as text")
				logFindings(t, res.Findings)
			}
		}
		execAll(t, db.SQL(), []string{"DROP TABLE hosts", "CREATE TABLE hosts (id bigint NOT NULL PRIMARY KEY, ip integer)"})
		res, err = drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Host)(nil))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Kind != drift.ColumnType || res.Findings[0].Severity != config.Error {
			t.Error("integer column: want one DR005 error")
			logFindings(t, res.Findings)
		}
	})
}

// ident is a UUID as github.com/google/uuid has it: 16 bytes, written by
// its driver.Valuer as text and scanned back from text.
type ident [16]byte

func (u ident) Value() (driver.Value, error) {
	h := hex.EncodeToString(u[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

func (u *ident) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("ident: cannot scan %T", src)
	}
	b, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	if err != nil || len(b) != 16 {
		return fmt.Errorf("ident: %q is not a UUID", s)
	}
	copy(u[:], b)
	return nil
}

// Link has a UUID-like field, which Bun's CREATE TABLE makes BYTEA on
// PostgreSQL though its Valuer writes text: a uuid column is right.
type Link struct {
	bun.BaseModel `bun:"table:links"`
	ID            int64 `bun:"id,pk"`
	Ref           ident `bun:"ref,notnull"`
}

// TestValuerText: a driver.Valuer that writes text is judged by that text
// (uuid column: info, checked by a round trip through Bun); a column too
// short for it stays an error.
func TestValuerText(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		col := map[string]string{pg: "uuid", my: "char(36)", lite: "text"}[db.Dialect()]
		execAll(t, db.SQL(), []string{"CREATE TABLE links (id bigint NOT NULL PRIMARY KEY, ref " + col + " NOT NULL)"})
		in := &Link{ID: 1, Ref: ident{0xde, 0xad, 0xbe, 0xef, 15: 1}}
		if _, err := db.Bun.NewInsert().Model(in).Exec(ctx); err != nil {
			t.Fatalf("Bun cannot write the UUID into %s: %v", col, err)
		}
		var out Link
		if err := db.Bun.NewSelect().Model(&out).Where("id = 1").Scan(ctx); err != nil || out.Ref != in.Ref {
			t.Fatalf("Bun read back %x (%v), want %x", out.Ref, err, in.Ref)
		}
		res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Link)(nil))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Severity != config.Info || !strings.Contains(f.Message, "as text such as \"00000000-0000-0000-0000-000000000000\"") {
				t.Errorf("want at most an info finding saying Bun writes it as text")
				logFindings(t, res.Findings)
			}
		}
		execAll(t, db.SQL(), []string{"DROP TABLE links", "CREATE TABLE links (id bigint NOT NULL PRIMARY KEY, ref varchar(20) NOT NULL)"})
		res, err = drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Link)(nil))
		if err != nil {
			t.Fatal(err)
		}
		// Only PostgreSQL has a type to compare: SQLite ignores lengths,
		// and Bun gives a [16]byte no type at all on MySQL.
		if db.Dialect() == pg && (len(res.Findings) != 1 || res.Findings[0].Kind != drift.ColumnType || res.Findings[0].Severity != config.Error) {
			t.Error("varchar(20): want one DR005 error")
			logFindings(t, res.Findings)
		}
	})
}

// Stamp's CreatedAt is nullzero without notnull, in a NOT NULL column with
// a default, as uptrace writes its timestamps.
type Stamp struct {
	bun.BaseModel `bun:"table:stamps"`
	ID            int64     `bun:"id,pk"`
	CreatedAt     time.Time `bun:"created_at,nullzero"`
}

// TestNullZeroIntoDefault: Bun writes DEFAULT for a zero nullzero field
// in inserts and updates on PostgreSQL and MySQL, so a NOT NULL column
// with a default takes both (an info finding that says so); SQLite has no
// DEFAULT placeholder, Bun sends NULL, and the insert fails (an error).
// Bun itself shows each.
func TestNullZeroIntoDefault(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		ctx := context.Background()
		execAll(t, db.SQL(), []string{"CREATE TABLE stamps (id bigint NOT NULL PRIMARY KEY, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"})
		_, insertErr := db.Bun.NewInsert().Model(&Stamp{ID: 1}).Exec(ctx)
		res, err := drift.Compare(ctx, db.SQL(), db.Dialect(), drift.Options{}, (*Stamp)(nil))
		if err != nil {
			t.Fatal(err)
		}
		var null []drift.Finding
		for _, f := range res.Findings {
			if f.Kind == drift.ColumnNullability {
				null = append(null, f)
			}
		}
		if db.Dialect() == lite {
			if insertErr == nil {
				t.Error("SQLite took Bun's insert of a zero nullzero field into NOT NULL")
			}
			if len(null) != 1 || null[0].Severity != config.Error {
				t.Error("SQLite: want one DR006 error")
				logFindings(t, res.Findings)
			}
			return
		}
		if insertErr != nil {
			t.Fatalf("Bun's insert of a zero nullzero field: %v", insertErr)
		}
		if _, err := db.Bun.NewUpdate().Model(&Stamp{ID: 1}).WherePK().Exec(ctx); err != nil {
			t.Errorf("Bun's update of a zero nullzero field: %v", err)
		}
		if len(null) != 1 || null[0].Severity != config.Info || !strings.Contains(null[0].Message, "so nothing fails") || null[0].SQL != "" {
			t.Error("want one DR006 info finding, without SQL, saying nothing fails")
			logFindings(t, res.Findings)
		}
	})
}
