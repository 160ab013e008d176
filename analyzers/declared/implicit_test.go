package declared

import (
	"context"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// replaySQL replays SQL text through the extraction's SQL path and state.
func replaySQL(t *testing.T, d Dialect, src string) *state {
	t.Helper()
	cs, notes := sqlText{d: d, src: src, pos: func(int) token.Pos { return token.NoPos }}.changes()
	for _, n := range notes {
		t.Errorf("%s: note %s", d, n.msg)
	}
	st := newState(d)
	for _, c := range cs {
		st.apply(c)
	}
	for _, p := range st.problems {
		t.Errorf("%s: problem %s", d, p.Message)
	}
	return st
}

// TestImplicitNamesAskTheDatabase: the names the extraction gives unnamed
// constraints and indexes are the ones PostgreSQL and MariaDB give them,
// read back from their catalogues after the same statements ran.
func TestImplicitNamesAskTheDatabase(t *testing.T) {
	long := "a_table_whose_name_is_rather_long_and_goes_on_past_the_limit"
	for _, tc := range []struct {
		dialect string
		d       Dialect
		sql     string
	}{
		{dsn.Postgres, PG, `
CREATE TABLE parent (id bigint PRIMARY KEY, code varchar(10) UNIQUE);
CREATE TABLE child (
  id bigint PRIMARY KEY, parent_id bigint REFERENCES parent (id), a varchar(10), b varchar(10),
  UNIQUE (a, b), FOREIGN KEY (a) REFERENCES parent (code)
);
CREATE INDEX ON child (b);
CREATE UNIQUE INDEX ON child (parent_id, b);
CREATE TABLE ` + long + ` (a_column_whose_name_is_long_too bigint, UNIQUE (a_column_whose_name_is_long_too));
ALTER TABLE ` + long + ` ADD FOREIGN KEY (a_column_whose_name_is_long_too) REFERENCES parent (id);
`},
		{dsn.MySQL, MySQL, `
CREATE TABLE parent (id bigint PRIMARY KEY, code varchar(10) UNIQUE);
CREATE TABLE child (
  id bigint PRIMARY KEY, parent_id bigint, a varchar(10), b varchar(10),
  UNIQUE (a, b), UNIQUE (a), KEY b (b), UNIQUE (b),
  FOREIGN KEY (parent_id) REFERENCES parent (id), FOREIGN KEY (a) REFERENCES parent (code)
);
ALTER TABLE child ADD FOREIGN KEY (b) REFERENCES parent (code);
`},
	} {
		t.Run(tc.dialect, func(t *testing.T) {
			db := testdb.New(t, tc.dialect)
			ctx := context.Background()
			for stmt := range strings.SplitSeq(tc.sql, ";") {
				if strings.TrimSpace(stmt) == "" {
					continue
				}
				if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
					t.Fatalf("%s: %v", stmt, err)
				}
			}
			names := catalogueNames(t, db)
			st := replaySQL(t, tc.d, tc.sql)
			checked := 0
			for _, tbl := range st.tables {
				for _, ix := range tbl.Indexes {
					if ix.Name != "" {
						continue
					}
					got := st.implicitIndexName(tbl, ix)
					if !slices.Contains(names[tbl.Name], got) {
						t.Errorf("index %v of %s: we name it %q, the database has %v", ix.Columns(), tbl.Name, got, names[tbl.Name])
					}
					checked++
				}
				for _, fk := range tbl.ForeignKeys {
					got := st.implicitFKName(tbl, fk)
					if !slices.Contains(names[tbl.Name], got) {
						t.Errorf("foreign key %v of %s: we name it %q, the database has %v", fk.Columns, tbl.Name, got, names[tbl.Name])
					}
					checked++
				}
			}
			if checked < 6 {
				t.Errorf("only %d unnamed indexes and keys checked", checked)
			}
		})
	}
}

// catalogueNames lists the index and constraint names of each table.
func catalogueNames(t *testing.T, db *testdb.DB) map[string][]string {
	t.Helper()
	q := `SELECT table_name, constraint_name FROM information_schema.table_constraints WHERE table_schema = DATABASE()
		UNION SELECT table_name, index_name FROM information_schema.statistics WHERE table_schema = DATABASE()`
	if db.Dialect() == dsn.Postgres {
		q = `SELECT c.relname, con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()
			UNION SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema()`
	}
	rows, err := db.SQL().QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	names := map[string][]string{}
	for rows.Next() {
		var table, name string
		if err := rows.Scan(&table, &name); err != nil {
			t.Fatal(err)
		}
		names[table] = append(names[table], name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// TestDropByImplicitName: a migration that drops a constraint by the name
// the database gave it (real migrations do: UNIQUE ("zone_id") in CREATE
// TABLE, then DROP CONSTRAINT "aws_az_zone_id_key") leaves the table
// without it, as it leaves the database; dropping the key column drops a
// PostgreSQL primary key.
func TestDropByImplicitName(t *testing.T) {
	st := replaySQL(t, PG, `
CREATE TABLE "aws_az" ("id" bigserial NOT NULL, "zone_id" varchar NOT NULL, "account_id" varchar NOT NULL, "vpc_id" bigint,
  PRIMARY KEY ("id", "zone_id"), UNIQUE ("zone_id"), FOREIGN KEY ("vpc_id") REFERENCES "aws_az" ("id"));
ALTER TABLE "aws_az" DROP CONSTRAINT "aws_az_zone_id_key";
ALTER TABLE "aws_az" ADD CONSTRAINT "aws_az_key" UNIQUE ("zone_id", "account_id");
ALTER TABLE "aws_az" DROP CONSTRAINT "aws_az_vpc_id_fkey";
ALTER TABLE "aws_az" DROP COLUMN "id";
`)
	az := st.table("aws_az")
	if az == nil {
		t.Fatal("no table aws_az")
	}
	var ixs []string
	for _, ix := range az.Indexes {
		ixs = append(ixs, ix.Name+strings.Join(ix.Columns(), ","))
	}
	if !slices.Equal(ixs, []string{"aws_az_keyzone_id,account_id"}) || len(az.ForeignKeys) != 0 || az.PrimaryKey != nil {
		t.Errorf("indexes %v, foreign keys %v, primary key %v; want only aws_az_key, no foreign key, no primary key", ixs, az.ForeignKeys, az.PrimaryKey)
	}

	// A name the migration gave is taken before one the database would
	// give another index.
	st = replaySQL(t, PG, `
CREATE TABLE t (a int, b int, UNIQUE (a));
CREATE UNIQUE INDEX t_a_key2 ON t (b);
ALTER TABLE t DROP CONSTRAINT t_a_key;
`)
	if ixs := st.table("t").Indexes; len(ixs) != 1 || ixs[0].Name != "t_a_key2" {
		t.Errorf("after dropping t_a_key: %+v", ixs)
	}
}

func TestPGObjectName(t *testing.T) {
	for _, tc := range []struct{ n1, n2, label, want string }{
		{"aws_az", "zone_id", "key", "aws_az_zone_id_key"},
		{"t", "", "pkey", "t_pkey"},
		{strings.Repeat("t", 70), "c", "fkey", strings.Repeat("t", 56) + "_c_fkey"},
		{strings.Repeat("t", 40), strings.Repeat("c", 40), "key", strings.Repeat("t", 29) + "_" + strings.Repeat("c", 29) + "_key"},
	} {
		if got := pgObjectName(tc.n1, tc.n2, tc.label); got != tc.want || len(got) > pgMaxIdent {
			t.Errorf("pgObjectName(%q, %q, %q) = %q, want %q", tc.n1, tc.n2, tc.label, got, tc.want)
		}
	}
}
