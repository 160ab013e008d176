package ddl

import (
	"strings"
	"testing"
	"time"
)

func TestIdentifiers(t *testing.T) {
	for _, tc := range []struct {
		d                 Dialect
		src               string
		table, schema, ix string
		quoted            bool
	}{
		{Postgres, `CREATE INDEX Idx ON Public.Users (a)`, "users", "public", "idx", false},
		{Postgres, `CREATE INDEX "Idx" ON "My""Table" (a)`, `My"Table`, "", "Idx", true},
		{Postgres, `CREATE INDEX ÄBc ON "Ünï" (a)`, "Ünï", "", "Äbc", true},
		{MySQL, "CREATE INDEX Idx ON `My``Table` (a)", "My`Table", "", "Idx", true},
		{MySQL, `CREATE INDEX Idx ON Db . Users (a)`, "Users", "Db", "Idx", false},
		{SQLite, `CREATE INDEX Idx ON [My Table] (a)`, "My Table", "", "Idx", true},
		{SQLite, `CREATE INDEX Idx ON "a""b" (a)`, `a"b`, "", "Idx", true},
	} {
		st, err := ParseStatement(tc.src, tc.d)
		if err != nil {
			t.Errorf("%v: %q: %v", tc.d, tc.src, err)
			continue
		}
		ci := st.(*CreateIndex)
		if ci.Table.Name != tc.table || ci.Table.Schema != tc.schema || ci.Name.Name != tc.ix || ci.Table.Quoted != tc.quoted {
			t.Errorf("%v: %q: table %q schema %q index %q quoted %v", tc.d, tc.src, ci.Table.Name, ci.Table.Schema, ci.Name.Name, ci.Table.Quoted)
		}
		if got := ci.Table.Raw; !strings.Contains(tc.src, " "+got+" (") {
			t.Errorf("%v: %q: table Raw %q is not the table as written", tc.d, tc.src, got)
		}
	}
}

func TestDialect(t *testing.T) {
	for name, want := range map[string]Dialect{"pg": Postgres, "PostgreSQL": Postgres, "postgres": Postgres,
		"mysql": MySQL, "MariaDB": MySQL, "sqlite": SQLite, "sqlite3": SQLite} {
		if d, err := ParseDialect(name); d != want || err != nil {
			t.Errorf("ParseDialect(%q) = %v, %v", name, d, err)
		}
	}
	if _, err := ParseDialect("mssql"); err == nil {
		t.Error("ParseDialect(mssql) succeeded")
	}
	if Postgres.String() != "pg" || MySQL.String() != "mysql" || SQLite.String() != "sqlite" || Dialect(9).String() != "Dialect(9)" {
		t.Error("Dialect.String")
	}
	if Postgres.FoldIdent("AbC_ü") != "abc_ü" || MySQL.FoldIdent("AbC") != "AbC" || SQLite.FoldIdent("AbC") != "AbC" {
		t.Error("FoldIdent")
	}
	if Postgres.EqualIdent("Users", "users") || !MySQL.EqualIdent("Users", "uSERS") || !SQLite.EqualIdent("a_B", "A_b") ||
		SQLite.EqualIdent("ab", "abc") || MySQL.EqualIdent("Ä", "ä") {
		t.Error("EqualIdent")
	}
	defer func() {
		if recover() == nil {
			t.Error("Parse with the zero Dialect did not panic")
		}
	}()
	Parse("SELECT 1", 0)
}

func TestParseStatementCount(t *testing.T) {
	if _, err := ParseStatement(" -- nothing\n;", Postgres); err == nil || err.Error() != "offset 13: expected a statement, found end of input" {
		t.Errorf("empty: %v", err)
	}
	if _, err := ParseStatement("DROP TABLE a; DROP TABLE b", Postgres); err == nil || err.Error() != "offset 14: more than one statement" {
		t.Errorf("two: %v", err)
	}
	st, err := ParseStatement("DROP TABLE a;", Postgres)
	if err != nil || st.Kind() != "DROP TABLE" || st.Position() != (Pos{0, 12}) {
		t.Errorf("one: %v %v", st, err)
	}
}

func TestLineCol(t *testing.T) {
	src := "ab\ncd\n\nef"
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {6, 3, 1}, {7, 4, 1}, {9, 4, 3}, {99, 4, 3}, {-1, 1, 1},
	} {
		if l, c := LineCol(src, tc.off); l != tc.line || c != tc.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}

// TestPositions checks that the positions of one statement's parts point
// at the right text when the statement is not at the start of the input.
func TestPositions(t *testing.T) {
	src := "-- indexes\nSELECT 1;\n\tCREATE UNIQUE INDEX \"Ix\" ON s.t (lower(email) DESC, b) WHERE  deleted_at /* live */ IS NULL ;\n"
	stmts := Parse(src, Postgres)
	mustPositions(t, src, stmts)
	ci := stmts[1].(*CreateIndex)
	for _, tc := range []struct {
		name string
		pos  Pos
		want string
	}{
		{"statement", ci.Pos, `CREATE UNIQUE INDEX "Ix" ON s.t (lower(email) DESC, b) WHERE  deleted_at /* live */ IS NULL`},
		{"name", ci.Name.Pos, `"Ix"`},
		{"table", ci.Table.Pos, "s.t"},
		{"part 0", ci.Parts[0].Pos, "lower(email) DESC"},
		{"part 0 expr", ci.Parts[0].Expr.Pos, "lower(email)"},
		{"part 1", ci.Parts[1].Pos, "b"},
		{"where", ci.Where.Pos, "deleted_at /* live */ IS NULL"},
	} {
		if got := tc.pos.Source(src); got != tc.want {
			t.Errorf("%s: %v holds %q, want %q", tc.name, tc.pos, got, tc.want)
		}
	}
	if ci.Where.Text != "deleted_at IS NULL" || ci.Where.Raw != "deleted_at /* live */ IS NULL" {
		t.Errorf("where: %q / %q", ci.Where.Text, ci.Where.Raw)
	}
	if l, c := LineCol(src, ci.Offset); l != 3 || c != 2 {
		t.Errorf("statement at %d:%d, want 3:2", l, c)
	}
}

func TestHelpers(t *testing.T) {
	c := Constraint{Columns: []IndexPart{{Column: "a"}, {Expr: &Expr{Text: "(a + b)"}}}}
	if got := c.ColumnNames(); len(got) != 2 || got[0] != "a" || got[1] != "" {
		t.Errorf("ColumnNames = %q", got)
	}
	if PrimaryKey.String() != "PRIMARY KEY" || AnyConstraint.String() != "CONSTRAINT" || ConstraintType(42).String() != "ConstraintType(?)" {
		t.Error("ConstraintType.String")
	}
	if (Name{Schema: "s", Name: "t"}).String() != "s.t" || (Name{Name: "t"}).String() != "t" {
		t.Error("Name.String")
	}
}

// TestPathological checks that hostile inputs finish quickly: deep
// nesting, huge statements, many statements, long runs of one character.
func TestPathological(t *testing.T) {
	const n = 200_000
	inputs := map[string]string{
		"nested parens":   "CREATE INDEX i ON t (" + strings.Repeat("(", n) + "a" + strings.Repeat(")", n) + ")",
		"unclosed parens": "CREATE TABLE t (a int DEFAULT " + strings.Repeat("(", n),
		"nested comments": strings.Repeat("/*", n) + strings.Repeat("*/", n) + "SELECT 1",
		"many statements": strings.Repeat("CREATE INDEX i ON t (a);", n/10),
		"many columns":    "CREATE TABLE t (" + strings.Repeat("a int NOT NULL DEFAULT 1,", n/10) + "b int)",
		"many parts":      "CREATE INDEX i ON t (" + strings.Repeat("a DESC,", n/5) + "b)",
		"long number":     "CREATE INDEX i ON t (a(" + strings.Repeat("9", n) + "))",
		"dollars":         strings.Repeat("$a$", n),
		"quotes":          strings.Repeat(`'\`, n),
		"semicolons":      strings.Repeat(";", n),
		"begin":           "CREATE TRIGGER x " + strings.Repeat("BEGIN CASE ", n/10) + ";",
		"dots":            "CREATE INDEX i ON " + strings.Repeat("a.", n) + "b (c)",
	}
	for name, src := range inputs {
		for _, d := range dialects {
			start := time.Now()
			stmts := Parse(src, d)
			ParseFile(src, d)
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("%s (%v, %d bytes): %v", name, d, len(src), el)
			}
			if len(stmts) == 0 && strings.Trim(src, ";") != "" {
				t.Errorf("%s (%v): no statements", name, d)
			}
		}
	}
}
