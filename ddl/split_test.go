package ddl

import (
	"bufio"
	"slices"
	"strings"
	"testing"
)

// splitCases are inputs and the statement texts Split finds in them.
var splitCases = []struct {
	d    Dialect
	src  string
	want []string
}{
	{Postgres, "a; b", []string{"a", "b"}},
	{Postgres, "  -- lead\n CREATE INDEX i ON t (a) -- trail\n; ; /* x */ ", []string{"CREATE INDEX i ON t (a)"}},
	{Postgres, "SELECT a /* in ; side */ FROM t; SELECT 2;", []string{"SELECT a /* in ; side */ FROM t", "SELECT 2"}},
	{Postgres, "", nil},
	{Postgres, " ;;\n-- only a comment\n", nil},
	// Quotes.
	{Postgres, `INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT 1`, []string{`INSERT INTO t VALUES ('a;b', 'it''s;')`, "SELECT 1"}},
	{Postgres, `CREATE TABLE "a;b" ("c""; d" int); SELECT 1`, []string{`CREATE TABLE "a;b" ("c""; d" int)`, "SELECT 1"}},
	{MySQL, "CREATE TABLE `a;b` (`c``;` int); SELECT 1", []string{"CREATE TABLE `a;b` (`c``;` int)", "SELECT 1"}},
	{SQLite, "CREATE TABLE [a;b] (c int); SELECT 1", []string{"CREATE TABLE [a;b] (c int)", "SELECT 1"}},
	// Backslashes escape in MySQL strings and PostgreSQL E'' strings only.
	{MySQL, `SELECT '\';'; SELECT 2`, []string{`SELECT '\';'`, "SELECT 2"}},
	{Postgres, `SELECT E'\';'; SELECT 2`, []string{`SELECT E'\';'`, "SELECT 2"}},
	{Postgres, `SELECT '\'; SELECT 2`, []string{`SELECT '\'`, "SELECT 2"}},
	// Dollar quotes.
	{Postgres, "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
		[]string{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2"}},
	{Postgres, "DO $fn$ BEGIN PERFORM '$$;'; END $fn$; SELECT $1; SELECT 3",
		[]string{"DO $fn$ BEGIN PERFORM '$$;'; END $fn$", "SELECT $1", "SELECT 3"}},
	// Comments: nested on PostgreSQL only; # and "-- " on MySQL.
	{Postgres, "/* a /* b */ ; */ SELECT 1; SELECT 2", []string{"SELECT 1", "SELECT 2"}},
	{MySQL, "/* a /* b */ ; */ SELECT 1; SELECT 2", []string{"*/ SELECT 1", "SELECT 2"}},
	{MySQL, "SELECT 1 # c;d\n; SELECT 2", []string{"SELECT 1", "SELECT 2"}},
	{Postgres, "SELECT 1 # c;d\n; SELECT 2", []string{"SELECT 1 # c", "d", "SELECT 2"}},
	{MySQL, "SELECT 1--1; SELECT 2 -- x;\n;", []string{"SELECT 1--1", "SELECT 2"}},
	{Postgres, "SELECT 1--1; SELECT 2\n;", []string{"SELECT 1"}},
	{MySQL, "/*!40101 SET NAMES utf8 */; /*M!100100 SELECT 1 */; SELECT 2", []string{"SET NAMES utf8", "SELECT 1", "SELECT 2"}},
	// A /*! inside a /*! comment opens it again; the first */ closes both.
	{MySQL, "/*!CREATE TABLE a (id int); /*!CREATE INDEX i ON a (id)*/; SELECT 2", []string{"CREATE TABLE a (id int)", "CREATE INDEX i ON a (id)", "SELECT 2"}},
	// Bun's split line.
	{Postgres, "CREATE TABLE a (x int)\n--bun:split\nCREATE TABLE b (y int)", []string{"CREATE TABLE a (x int)", "CREATE TABLE b (y int)"}},
	{MySQL, "CREATE TABLE a (x int)\r\n--bun:split\r\nCREATE TABLE b (y int)", []string{"CREATE TABLE a (x int)", "CREATE TABLE b (y int)"}},
	{Postgres, "SELECT 1\n--bun:split \nSELECT 2", []string{"SELECT 1\n--bun:split \nSELECT 2"}},
	{Postgres, "SELECT 1\n --bun:split\nSELECT 2", []string{"SELECT 1\n --bun:split\nSELECT 2"}},
	// Bodies with their own semicolons.
	{SQLite, "CREATE TRIGGER tr AFTER INSERT ON x BEGIN UPDATE y SET a = CASE WHEN 1 THEN 2 END; DELETE FROM z; END; SELECT 1",
		[]string{"CREATE TRIGGER tr AFTER INSERT ON x BEGIN UPDATE y SET a = CASE WHEN 1 THEN 2 END; DELETE FROM z; END", "SELECT 1"}},
	{MySQL, "CREATE PROCEDURE p() BEGIN IF a THEN SELECT 1; END IF; l: LOOP LEAVE l; END LOOP; END; SELECT 3",
		[]string{"CREATE PROCEDURE p() BEGIN IF a THEN SELECT 1; END IF; l: LOOP LEAVE l; END LOOP; END", "SELECT 3"}},
	{Postgres, "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 2",
		[]string{"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "SELECT 2"}},
	{Postgres, "BEGIN; CREATE INDEX i ON t (a); COMMIT;", []string{"BEGIN", "CREATE INDEX i ON t (a)", "COMMIT"}},
	// An unterminated quote takes the rest of the input.
	{Postgres, "SELECT 1; SELECT 'a; SELECT 2", []string{"SELECT 1", "SELECT 'a; SELECT 2"}},
	{Postgres, "SELECT 1; /* a; SELECT 2", []string{"SELECT 1", "/* a; SELECT 2"}},
}

func TestSplit(t *testing.T) {
	for _, tc := range splitCases {
		chunks := Split(tc.src, tc.d)
		var got []string
		for _, c := range chunks {
			got = append(got, c.Text)
			if c.Text != tc.src[c.Offset:c.End] {
				t.Errorf("%v: Split(%q): chunk %q at %v holds %q", tc.d, tc.src, c.Text, c.Pos, tc.src[c.Offset:c.End])
			}
			if c.Err != nil {
				t.Errorf("%v: Split(%q): chunk %q has error %v", tc.d, tc.src, c.Text, c.Err)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: Split(%q)\n got %q\nwant %q", tc.d, tc.src, got, tc.want)
		}
	}
}

func TestSplitFile(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // chunk texts, "!" prefixed when the chunk has Err
	}{
		{"split lines", "CREATE TABLE a (x int);\n--bun:split\nCREATE INDEX i ON a (x);\nCREATE INDEX j ON a (x)\n",
			[]string{"CREATE TABLE a (x int)", "CREATE INDEX i ON a (x)", "CREATE INDEX j ON a (x)"}},
		// Bun splits by lines without looking at quotes.
		{"split inside a dollar quote", "CREATE FUNCTION f() AS $$\n--bun:split\n$$ LANGUAGE sql;",
			[]string{"CREATE FUNCTION f() AS $$\n", "$$ LANGUAGE sql;"}},
		{"unknown directive", "SELECT 1;\n--bun:splitx\nSELECT 2;\n--bun:split \n",
			[]string{"SELECT 1", `!--bun:splitx`, "SELECT 2", `!--bun:split `}},
		{"CRLF", "SELECT 1\r\n--bun:split\r\nSELECT 2\r\n", []string{"SELECT 1", "SELECT 2"}},
		{"indented directive is a comment", "SELECT 1\n  --bun:nope\nSELECT 2", []string{"SELECT 1\n  --bun:nope\nSELECT 2"}},
		{"too long a line", "SELECT 1;\n" + strings.Repeat("x", bufio.MaxScanTokenSize) + "\nSELECT 2",
			[]string{"SELECT 1", "!" + strings.Repeat("x", bufio.MaxScanTokenSize), "SELECT 2"}},
	} {
		var got []string
		for _, c := range SplitFile(tc.src, Postgres) {
			if c.Text != tc.src[c.Offset:c.End] {
				t.Errorf("%s: chunk %q at %v holds %q", tc.name, c.Text, c.Pos, tc.src[c.Offset:c.End])
			}
			if c.Err != nil {
				got = append(got, "!"+c.Text)
			} else {
				got = append(got, c.Text)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: SplitFile(%q)\n got %q\nwant %q", tc.name, tc.src, got, tc.want)
		}
	}
	inv := ParseFile("--bun:nope\nCREATE INDEX i ON t (a)", SQLite)
	if len(inv) != 2 || inv[0].Kind() != "--bun:" || inv[1].Kind() != "CREATE INDEX" {
		t.Fatalf("ParseFile: %s", summary(inv))
	}
	if err := inv[0].(*Invalid).Err.Error(); err != `offset 0: bun: unknown directive: "nope"` {
		t.Errorf("ParseFile: directive error %q", err)
	}
}

// TestScannerLimit checks that SplitFile flags exactly the lines that
// bufio.Scanner, which bun/migrate reads SQL files with, cannot read.
func TestScannerLimit(t *testing.T) {
	for _, n := range []int{bufio.MaxScanTokenSize - 2, bufio.MaxScanTokenSize - 1, bufio.MaxScanTokenSize, bufio.MaxScanTokenSize + 1} {
		for _, eol := range []string{"\n", "\r\n", ""} {
			src := strings.Repeat("x", n) + eol + "y\n"
			sc := bufio.NewScanner(strings.NewReader(src))
			for sc.Scan() {
			}
			bunFails := sc.Err() != nil
			flagged := false
			for _, c := range SplitFile(src, MySQL) {
				flagged = flagged || c.Err != nil
			}
			if flagged != bunFails {
				t.Errorf("line of %d bytes + %q: SplitFile flags it %v, bufio.Scanner fails %v", n, eol, flagged, bunFails)
			}
		}
	}
}
