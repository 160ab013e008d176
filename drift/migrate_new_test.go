package drift

import (
	"fmt"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// TestSplitBunSQL: files split as Bun's migrator splits them, and a
// directive Bun does not know is an error, as in Bun.
func TestSplitBunSQL(t *testing.T) {
	parts, err := SplitBunSQL("-- head\n\nCREATE TABLE a (x int);\n--bun:split\n\n--bun:split\nDROP TABLE b;\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0] != "-- head\nCREATE TABLE a (x int);\n" || parts[1] != "DROP TABLE b;\n" {
		t.Errorf("parts = %q", parts)
	}
	if _, err := SplitBunSQL("SELECT 1;\n--bun:nosplit\n"); err == nil || !strings.Contains(err.Error(), `"nosplit"`) {
		t.Errorf("unknown directive: err = %v", err)
	}
}

// TestBunFile: one statement per part, comments kept with the statement
// after them (or the one before, at the end), a file of comments only
// runs nothing, and the file is transactional except on MySQL.
func TestBunFile(t *testing.T) {
	steps := []string{
		"-- add\nALTER TABLE `a` ADD COLUMN `x` int NULL;\n-- backfill\nUPDATE `a` SET `x` = 0 WHERE `x` IS NULL;",
		"-- destructive\n-- DROP TABLE `b`;",
	}
	f := bunFile(dsn.MySQL, "up", steps)
	if f.Tx || !f.Runs {
		t.Errorf("MySQL: Tx %v Runs %v, want false true", f.Tx, f.Runs)
	}
	parts, err := SplitBunSQL(f.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || !strings.HasSuffix(parts[0], "-- add\nALTER TABLE `a` ADD COLUMN `x` int NULL;\n") ||
		parts[1] != "-- backfill\nUPDATE `a` SET `x` = 0 WHERE `x` IS NULL;\n-- destructive\n-- DROP TABLE `b`;\n" {
		t.Errorf("parts = %q", parts)
	}
	if f := bunFile(dsn.Postgres, "up", steps[1:]); f.Runs || !f.Tx {
		t.Errorf("comments only: Runs %v Tx %v, want false true", f.Runs, f.Tx)
	}
	rebuild := bunFile(dsn.SQLite, "up", []string{"PRAGMA foreign_keys = off;\nCREATE TABLE `new_a` (`x` int);\nPRAGMA foreign_keys = on;"})
	parts, _ = SplitBunSQL(rebuild.Body)
	if rebuild.Tx || len(parts) != 5 || !strings.HasSuffix(parts[0], "\nPRAGMA foreign_keys = off;\n") || parts[1] != "BEGIN;\n" || parts[3] != "COMMIT;\n" {
		t.Errorf("SQLite rebuild: Tx %v, parts %q", rebuild.Tx, parts)
	}
}

// TestParseRename: table.old=new only.
func TestParseRename(t *testing.T) {
	r, err := ParseRename("users.name=full_name")
	if err != nil || r != (Rename{Table: "users", From: "name", To: "full_name"}) {
		t.Fatalf("ParseRename = %+v, %v", r, err)
	}
	if got := r.SQL(dsn.MySQL); got != "ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;" {
		t.Errorf("SQL = %s", got)
	}
	for _, bad := range []string{"users.name", "name=x", "users.a=a", "users.a=b c", "u.a=b;drop"} {
		if _, err := ParseRename(bad); err == nil {
			t.Errorf("ParseRename(%q) accepted", bad)
		}
	}
}

// TestWithoutAutoindexSwaps: the autoindex swap Atlas reports for an
// unchanged UNIQUE goes, a real index change stays.
func TestWithoutAutoindexSwaps(t *testing.T) {
	col := &schema.Column{Name: "email"}
	ix := func(name string, unique bool) *schema.Index {
		return &schema.Index{Name: name, Unique: unique, Parts: []*schema.IndexPart{{C: col}}}
	}
	other := &schema.AddIndex{I: ix("accounts_email_idx", false)}
	changes := []schema.Change{&schema.ModifyTable{T: &schema.Table{Name: "accounts"}, Changes: []schema.Change{
		&schema.DropIndex{I: ix("sqlite_autoindex_accounts_1", true)},
		&schema.AddIndex{I: ix("accounts_email", true)},
		other,
	}}}
	got := withoutAutoindexSwaps(changes)
	if len(got) != 1 || len(got[0].(*schema.ModifyTable).Changes) != 1 || got[0].(*schema.ModifyTable).Changes[0] != other {
		t.Errorf("changes left: %+v", got)
	}
}

type mnNarrow struct {
	bun.BaseModel `bun:"table:mn_narrow"`

	ID   int64  `bun:"id,pk"`
	Name string `bun:"name,type:varchar(20)"`
}

// TestNewUpNarrowing: a type narrower than the database's is destructive
// (values may not fit): commented out and listed unless allowed; a wider
// one is not. (SQLite ignores lengths: nothing to narrow there.)
func TestNewUpNarrowing(t *testing.T) {
	t.Parallel()
	for _, d := range []string{dsn.Postgres, dsn.MySQL} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testdb.New(t, d)
			for _, tc := range []struct {
				width       int
				destructive bool
			}{{100, true}, {10, false}} {
				if _, err := db.SQL().ExecContext(t.Context(), "DROP TABLE IF EXISTS mn_narrow"); err != nil {
					t.Fatal(err)
				}
				if _, err := db.SQL().ExecContext(t.Context(), fmt.Sprintf("CREATE TABLE mn_narrow (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(%d))", tc.width)); err != nil {
					t.Fatal(err)
				}
				res, err := Compare(t.Context(), db.SQL(), db.Dialect(), Options{}, (*mnNarrow)(nil))
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Findings) != 1 || res.Findings[0].Kind != ColumnType {
					t.Fatalf("varchar(%d): want one column-type finding, got %+v", tc.width, res.Findings)
				}
				up := NewUp(res, nil, false)
				if got := len(up.Destructive) == 1; got != tc.destructive {
					t.Errorf("varchar(%d) to varchar(20): destructive %v, want %v", tc.width, got, tc.destructive)
				}
				if up.File.Runs == tc.destructive || strings.Contains(up.File.Body, "\n-- destructive: ") != tc.destructive {
					t.Errorf("varchar(%d) to varchar(20): the statement is not commented out exactly when destructive:\n%s", tc.width, up.File.Body)
				}
				if allowed := NewUp(res, nil, true); !allowed.File.Runs {
					t.Errorf("varchar(%d): --allow-destructive still runs nothing:\n%s", tc.width, allowed.File.Body)
				}
			}
		})
	}
}
