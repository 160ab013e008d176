package declared

import (
	"context"
	"database/sql"
	"fmt"
	"go/token"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/schemalint/schemalint/internal/sqlrecord"

	"github.com/google/go-cmp/cmp"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/migrate"
	"github.com/uptrace/bun/schema"

	"github.com/schemalint/schemalint/analyzers/declared/internal/bunfixture"
	"github.com/schemalint/schemalint/migrations"
)

// loadReference extracts the reference migrations statically, once.
var loadReference = sync.OnceValues(func() (*Schema, error) {
	return Load(context.Background(), "../..", "./migrations")
})

// TestReferenceMatchesBun runs every reference migration, up then down,
// against a driver that records the SQL Bun sends, once per dialect; it
// reads what Bun sent with the extraction's own SQL path and compares it,
// migration by migration and for the final schema, with what the static
// extraction found in the Go source. Every statement Bun sends must be
// found, in order, with the same tables, columns, keys, indexes and
// foreign keys.
func TestReferenceMatchesBun(t *testing.T) {
	static, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	if len(static.Migrations) != 12 {
		t.Fatalf("%d migrations, want 12", len(static.Migrations))
	}
	matchBun(t, static, migrations.Migrations)
}

// TestFixtureMatchesBun does the same for internal/bunfixture, whose
// migrations use every builder option and dialect branch the extraction
// follows: WithForeignKeys on belongs-to, has-one and m2m join tables,
// on_delete/on_update, Varchar, ColumnExpr, Table, TableExpr, Where and
// WhereOr, Using, Include, Concurrently, IfNotExists, AddColumn and
// DropColumn in RunInTx, DropIndex, DropTable of several tables, switch
// and if on the dialect.
func TestFixtureMatchesBun(t *testing.T) {
	static, err := Load(context.Background(), ".", "./internal/bunfixture")
	if err != nil {
		t.Fatal(err)
	}
	matchBun(t, static, bunfixture.Migrations)
	users := static.For(PG).Table("users")
	if users == nil || len(users.ForeignKeys) != 3 || len(static.For(SQLite).Table("user_groups").ForeignKeys) != 2 {
		t.Errorf("WithForeignKeys: users %+v", users)
	}
}

// matchBun compares a static extraction with what Bun sends when the
// migrations run, on each dialect.
func matchBun(t *testing.T, static *Schema, ms *migrate.Migrations) {
	t.Helper()
	for _, n := range static.Notes {
		t.Errorf("note: %s %v %s", n.Pos, n.Dialects, n.Message)
	}
	for _, tc := range []struct {
		d       Dialect
		dialect schema.Dialect
	}{{PG, pgdialect.New()}, {MySQL, mysqldialect.New()}, {SQLite, sqlitedialect.New()}} {
		t.Run(string(tc.d), func(t *testing.T) {
			rec := &sqlrecord.Recorder{}
			db := bun.NewDB(sql.OpenDB(rec), tc.dialect)
			defer func() { _ = db.Close() }()
			migrator := migrate.NewMigrator(db, ms)
			sorted := ms.Sorted()
			if len(sorted) != len(static.Migrations) {
				t.Fatalf("Bun has %d migrations, the extraction %d", len(sorted), len(static.Migrations))
			}
			ctx := context.Background()
			dynamic := newState(tc.d)
			for i := range sorted {
				if err := sorted[i].Up(ctx, migrator, &sorted[i]); err != nil {
					t.Fatalf("up %s: %v", sorted[i].Name, err)
				}
				got := recorded(t, tc.d, rec.Take())
				for _, c := range got {
					dynamic.apply(c)
				}
				compareChanges(t, "up "+sorted[i].Name, ofDialect(static.Migrations[i].Up, tc.d), got)
				if static.Migrations[i].Name != sorted[i].Name || static.Migrations[i].Comment != sorted[i].Comment {
					t.Errorf("migration %d: static %s_%s, Bun %s", i, static.Migrations[i].Name, static.Migrations[i].Comment, sorted[i].String())
				}
			}
			for i := len(sorted) - 1; i >= 0; i-- {
				if err := sorted[i].Down(ctx, migrator, &sorted[i]); err != nil {
					t.Fatalf("down %s: %v", sorted[i].Name, err)
				}
				compareChanges(t, "down "+sorted[i].Name, ofDialect(static.Migrations[i].Down, tc.d), recorded(t, tc.d, rec.Take()))
			}
			dynamic.finish()
			if len(dynamic.problems) > 0 {
				t.Errorf("Bun's statements replay with problems: %v", dynamic.problems[0].Message)
			}
			want, got := summarize(dynamic.tables), summarize(static.For(tc.d).Tables)
			if n := countPrefix(want, "  index "); n < 5 {
				t.Errorf("Bun's SQL declares only %d indexes", n)
			}
			if n := countPrefix(want, "  fk "); n < 3 {
				t.Errorf("Bun's SQL declares only %d foreign keys", n)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("final schema: Bun's SQL (-) vs static extraction (+):\n%s", diff)
			}
			for _, p := range static.For(tc.d).Problems {
				t.Errorf("static replay problem: %s", p.Message)
			}
		})
	}
}

func ofDialect(cs []*Change, d Dialect) []*Change {
	var out []*Change
	for _, c := range cs {
		if c.Dialect == d {
			out = append(out, c)
		}
	}
	return out
}

// recorded reads SQL Bun sent as the extraction reads SQL text.
func recorded(t *testing.T, d Dialect, stmts []string) []*Change {
	t.Helper()
	var out []*Change
	for _, s := range stmts {
		cs, notes := sqlText{d: d, src: s, pos: func(int) token.Pos { return token.NoPos }}.changes()
		for _, n := range notes {
			t.Errorf("%s: Bun sent %q: %s", d, s, n.msg)
		}
		out = append(out, cs...)
	}
	return out
}

// compareChanges compares the kinds and objects of two change lists.
func compareChanges(t *testing.T, what string, static, bun []*Change) {
	t.Helper()
	line := func(cs []*Change) []string {
		var out []string
		for _, c := range cs {
			s := fmt.Sprintf("%s %s %s", c.Kind, c.Table, c.Name)
			if c.Index != nil {
				s += " " + describeIndex(c.Index)
			}
			if c.Column != nil {
				s += " " + describeColumn(c.Column)
			}
			out = append(out, s)
		}
		return out
	}
	if diff := cmp.Diff(line(bun), line(static)); diff != "" {
		t.Errorf("%s: Bun's SQL (-) vs static extraction (+):\n%s", what, diff)
	}
}

func describeIndex(ix *Index) string {
	return fmt.Sprintf("%s(%s) unique=%v constraint=%v where=%q using=%q include=%v", ix.Name, ix.Table+":"+partsString(ix.Parts),
		ix.Unique, ix.Constraint, ix.Where, ix.Using, ix.Include)
}

func partsString(ps []IndexPart) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return strings.Join(out, ",")
}

func describeColumn(c *Column) string {
	return fmt.Sprintf("%s %s notnull=%v default=%q gen=%q/%s", c.Name, strings.ToLower(c.Type), c.NotNull, c.Default, c.Generated, c.Storage)
}

// summarize describes tables for comparison, in name order, leaving out
// what only one side knows (Go field paths, sources, positions).
func summarize(tables []*Table) []string {
	var out []string
	for _, t := range tables {
		out = append(out, "table "+t.Name+" pk "+strings.Join(t.PrimaryKey, ","))
		for _, c := range t.Columns {
			out = append(out, "  column "+describeColumn(c))
		}
		var ixs []string
		for _, ix := range t.Indexes {
			ixs = append(ixs, "  index "+describeIndex(ix))
		}
		sort.Strings(ixs)
		out = append(out, ixs...)
		var fks []string
		for _, fk := range t.ForeignKeys {
			fks = append(fks, fmt.Sprintf("  fk %s (%s) -> %s (%s) delete=%s update=%s", fk.Name, strings.Join(fk.Columns, ","),
				fk.RefTable, strings.Join(fk.RefColumns, ","), fk.OnDelete, fk.OnUpdate))
		}
		sort.Strings(fks)
		out = append(out, fks...)
	}
	return out
}

func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}
