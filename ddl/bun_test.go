package ddl_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/sqlrecord"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/migrate"
	"github.com/uptrace/bun/schema"

	"github.com/schemalint/schemalint/ddl"
	"github.com/schemalint/schemalint/migrations"
)

// TestBunMigrationSQL runs every reference migration, up and down, against a
// driver that records the SQL Bun sends instead of running it, once per
// dialect, and parses all of it: Bun's generated CREATE TABLE, CREATE
// INDEX and DROP TABLE as well as the migrations' raw SQL. Every statement
// must parse to a modelled statement, and what it declares must hang
// together: indexes on tables created before, on columns those tables
// have; foreign keys to tables that exist, each led by an index; unique
// indexes of soft-deleted tables leaving deleted rows out; down dropping
// every table.
func TestBunMigrationSQL(t *testing.T) {
	for _, tc := range []struct {
		d       ddl.Dialect
		dialect schema.Dialect
	}{
		{ddl.Postgres, pgdialect.New()},
		{ddl.MySQL, mysqldialect.New()},
		{ddl.SQLite, sqlitedialect.New()},
	} {
		t.Run(tc.d.String(), func(t *testing.T) {
			rec := &sqlrecord.Recorder{}
			db := bun.NewDB(sql.OpenDB(rec), tc.dialect)
			defer func() { _ = db.Close() }()
			migrator := migrate.NewMigrator(db, migrations.Migrations)
			ms := migrations.Migrations.Sorted()
			ctx := context.Background()
			for i := range ms {
				if err := ms[i].Up(ctx, migrator, &ms[i]); err != nil {
					t.Fatalf("up %s: %v", ms[i].Name, err)
				}
			}
			up := len(rec.Take())
			for i := len(ms) - 1; i >= 0; i-- {
				if err := ms[i].Down(ctx, migrator, &ms[i]); err != nil {
					t.Fatalf("down %s: %v", ms[i].Name, err)
				}
			}
			stmts := rec.All()
			if up == 0 || len(stmts) == up {
				t.Fatalf("recorded %d statements, %d of them up", len(stmts), up)
			}
			checkSchema(t, tc.d, stmts[:up], stmts[up:])
		})
	}
}

// checkSchema parses the recorded up and down statements and checks what
// they declare.
func checkSchema(t *testing.T, d ddl.Dialect, up, down []string) {
	tables := map[string]map[string]bool{} // table -> columns
	key := func(n string) string {
		if d == ddl.Postgres {
			return n
		}
		return strings.ToLower(n)
	}
	indexes, fks := 0, 0
	led := map[string]bool{}    // "table.column" that leads an index or key
	fkCols := map[string]bool{} // "table.column" that leads a foreign key
	for _, src := range up {
		st, err := ddl.ParseStatement(src, d)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		switch st := st.(type) {
		case *ddl.CreateTable:
			cols := map[string]bool{}
			for i := range st.Columns {
				c := &st.Columns[i]
				if c.Type == "" {
					t.Errorf("%s.%s: no type in %q", st.Name.Name, c.Name, src)
				}
				cols[key(c.Name)] = true
			}
			tables[key(st.Name.Name)] = cols
			hasPK := false
			for i := range st.Constraints {
				c := &st.Constraints[i]
				hasPK = hasPK || c.Type == ddl.PrimaryKey
				if c.Type == ddl.PrimaryKey || c.Type == ddl.Unique {
					led[key(st.Name.Name)+"."+key(c.Columns[0].Column)] = true
				}
				for _, name := range c.ColumnNames() {
					if !cols[key(name)] {
						t.Errorf("%s: constraint %s on unknown column %q", st.Name.Name, c.Type, name)
					}
				}
				if c.Type == ddl.ForeignKey {
					fks++
					fkCols[key(st.Name.Name)+"."+key(c.Columns[0].Column)] = true
					ref := c.References.Table.Name
					if tables[key(ref)] == nil {
						t.Errorf("%s: foreign key to %q, which is not created before it", st.Name.Name, ref)
					}
				}
			}
			if !hasPK {
				t.Errorf("%s: no PRIMARY KEY in %q", st.Name.Name, src)
			}
		case *ddl.AlterTable:
			cols := tables[key(st.Table.Name)]
			if cols == nil {
				t.Errorf("ALTER TABLE of unknown table %q", st.Table.Name)
				continue
			}
			for _, a := range st.Actions {
				add, ok := a.(*ddl.AddColumn)
				if !ok {
					t.Errorf("%q: unexpected action %T", src, a)
					continue
				}
				cols[key(add.Column.Name)] = true
			}
		case *ddl.CreateIndex:
			indexes++
			cols := tables[key(st.Table.Name)]
			if cols == nil {
				t.Errorf("index %s on unknown table %q", st.Name.Name, st.Table.Name)
				continue
			}
			led[key(st.Table.Name)+"."+key(st.Parts[0].Column)] = true
			for _, p := range st.Parts {
				if p.Column == "" || !cols[key(p.Column)] {
					t.Errorf("index %s: part %q is not a column of %s", st.Name.Name, p.Source(src), st.Table.Name)
				}
			}
			// A unique index on a soft-deleted table leaves deleted rows
			// out: partial on PostgreSQL and SQLite, ending with the
			// virtual not_deleted column on MySQL. Nothing else is partial.
			softUnique := st.Unique && cols["deleted_at"]
			where := ""
			if st.Where != nil {
				where = st.Where.Text
			}
			last := st.Parts[len(st.Parts)-1].Column
			switch {
			case d == ddl.MySQL && softUnique != (last == "not_deleted"):
				t.Errorf("index %s: unique %v on a soft-deleted table, ends with %q", st.Name.Name, st.Unique, last)
			case d != ddl.MySQL && softUnique && where != "(deleted_at IS NULL)": // Bun adds the parentheses
				t.Errorf("index %s: unique on a soft-deleted table, WHERE %q", st.Name.Name, where)
			case d != ddl.MySQL && !softUnique && where != "":
				t.Errorf("index %s: unique %v, soft-deleted %v, partial %q", st.Name.Name, st.Unique, cols["deleted_at"], where)
			}
		default:
			t.Errorf("%q parses to %T", src, st)
		}
	}
	if len(tables) != 42 || indexes == 0 || fks == 0 {
		t.Errorf("%d tables, %d indexes, %d foreign keys", len(tables), indexes, fks)
	}
	for fk := range fkCols {
		if !led[fk] {
			t.Errorf("foreign key column %s leads no index", fk)
		}
	}
	for _, src := range down {
		st, err := ddl.ParseStatement(src, d)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		dt, ok := st.(*ddl.DropTable)
		if !ok {
			t.Errorf("down: %q parses to %T", src, st)
			continue
		}
		for _, n := range dt.Names {
			if tables[key(n.Name)] == nil {
				t.Errorf("down drops %q, which up did not create (or down drops it twice)", n.Name)
			}
			delete(tables, key(n.Name))
		}
	}
	for name := range tables {
		t.Errorf("down leaves table %q", name)
	}
}
