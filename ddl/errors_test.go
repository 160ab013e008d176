package ddl

import "testing"

// errorCases are malformed statements: each must come back as one
// *Invalid with the kind it was recognised as and a precise error.
var errorCases = []struct {
	d        Dialect
	src      string
	keywords string
	err      string
}{
	{Postgres, "CREATE INDEX i ON t (a", "CREATE INDEX",
		"offset 22: expected \",\" or \")\", found end of statement"},
	{Postgres, "CREATE INDEX i ON t", "CREATE INDEX",
		"offset 19: expected \"(\", found end of statement"},
	{Postgres, "CREATE INDEX i t (a)", "CREATE INDEX",
		"offset 15: expected \"ON\", found \"t\""},
	{Postgres, "CREATE INDEX IF NOT EXISTS ON t (a)", "CREATE INDEX",
		"offset 27: expected index name, found \"ON\""},
	{Postgres, "CREATE INDEX i ON t ()", "CREATE INDEX",
		"offset 21: expected column name or expression, found \")\""},
	{Postgres, "CREATE INDEX i ON t (a) WHERE", "CREATE INDEX",
		"offset 29: expected predicate, found end of statement"},
	{Postgres, "CREATE INDEX i ON t (a) INCLUDE a", "CREATE INDEX",
		"offset 32: expected \"(\", found \"a\""},
	{Postgres, "CREATE INDEX i ON t (a NULLS)", "CREATE INDEX",
		"offset 28: expected \"FIRST\" or \"LAST\", found \")\""},
	{Postgres, "CREATE INDEX i ON t (a) extra", "CREATE INDEX",
		"offset 24: expected end of statement, found \"extra\""},
	{Postgres, "CREATE INDEX `i` ON t (a)", "CREATE INDEX",
		"offset 13: backquoted identifiers are not PostgreSQL syntax (use double quotes)"},
	{Postgres, "CREATE INDEX i ON t (a) WHERE b = 'open", "CREATE INDEX",
		"offset 34: unterminated string literal"},
	{Postgres, "CREATE INDEX i ON t (a) /* open comment", "CREATE INDEX",
		"offset 24: unterminated /* comment"},
	{Postgres, "CREATE INDEX i ON t (a) WHERE b = $x$open", "CREATE INDEX",
		"offset 34: unterminated dollar-quoted string $x$"},
	{Postgres, "CREATE INDEX ? ON t (a)", "CREATE INDEX",
		"offset 13: expected index name, found placeholder \"?\" (not resolvable statically)"},
	{Postgres, "CREATE FULLTEXT INDEX i ON t (a)", "CREATE INDEX",
		"offset 7: FULLTEXT INDEX is not PostgreSQL syntax"},
	{Postgres, "CREATE TABLE t (a int,)", "CREATE TABLE",
		"offset 22: expected column name, found \")\""},
	{Postgres, "CREATE TABLE t (a int NOT)", "CREATE TABLE",
		"offset 22: expected column attribute (NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES, ...), \",\" or \")\", found \"NOT\""},
	{Postgres, "CREATE TABLE t (a int REFERENCES)", "CREATE TABLE",
		"offset 32: expected referenced table name, found \")\""},
	{Postgres, "CREATE TABLE t (a int REFERENCES u ON DELETE EXPLODE)", "CREATE TABLE",
		"offset 45: expected \"CASCADE\", \"RESTRICT\", \"SET NULL\", \"SET DEFAULT\" or \"NO ACTION\", found \"EXPLODE\""},
	{Postgres, "CREATE TABLE t (a int GENERATED SOMETIMES AS (1))", "CREATE TABLE",
		"offset 32: expected \"ALWAYS\" or \"BY DEFAULT\", found \"SOMETIMES\""},
	{Postgres, "CREATE TABLE t (a int, FOREIGN KEY (a) u (id))", "CREATE TABLE",
		"offset 39: expected \"REFERENCES\", found \"u\""},
	{Postgres, "CREATE TABLE t (a int CHECK ())", "CREATE TABLE",
		"offset 29: expected check expression, found \")\""},
	{Postgres, "CREATE TABLE t (a int ON UPDATE now())", "CREATE TABLE",
		"offset 22: ON UPDATE as a column attribute is not PostgreSQL syntax"},
	{Postgres, "CREATE TABLE t (a int", "CREATE TABLE",
		"offset 21: expected \")\", found end of statement"},
	{Postgres, "ALTER TABLE t", "ALTER TABLE",
		"offset 13: expected ALTER TABLE action, found end of statement"},
	{Postgres, "ALTER TABLE t ADD COLUMN", "ALTER TABLE",
		"offset 24: expected column name, found end of statement"},
	{Postgres, "ALTER TABLE t RENAME COLUMN a b", "ALTER TABLE",
		"offset 30: expected \"TO\", found \"b\""},
	{Postgres, "ALTER TABLE t ALTER COLUMN a SET DEFAULT", "ALTER TABLE",
		"offset 40: expected default expression, found end of statement"},
	{Postgres, "ALTER TABLE t ADD x int,", "ALTER TABLE",
		"offset 24: expected ALTER TABLE action, found end of statement"},
	{Postgres, "DROP INDEX", "DROP INDEX",
		"offset 10: expected index name, found end of statement"},
	{Postgres, "DROP TABLE a b", "DROP TABLE",
		"offset 13: expected end of statement, found \"b\""},
	{Postgres, "DROP INDEX i ON t", "DROP INDEX",
		"offset 13: DROP INDEX ... ON is not PostgreSQL syntax"},
	{MySQL, "CREATE INDEX i ON t (lower(email))", "CREATE INDEX",
		"offset 27: expected prefix length (MySQL writes an expression key part in its own parentheses: ((expr))), found \"email\""},
	{MySQL, "CREATE INDEX i ON t (a) WHERE a > 0", "CREATE INDEX",
		"offset 24: WHERE (a partial index) is not MySQL syntax"},
	{MySQL, "CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX",
		"offset 13: CONCURRENTLY is not MySQL syntax"},
	{MySQL, "CREATE INDEX ON t (a)", "CREATE INDEX",
		"offset 13: expected index name, found \"ON\""},
	{MySQL, "CREATE INDEX i ON t (name(0))", "CREATE INDEX",
		"offset 26: expected prefix length (MySQL writes an expression key part in its own parentheses: ((expr))), found \"0\""},
	{MySQL, "CREATE INDEX i ON t (a NULLS FIRST)", "CREATE INDEX",
		"offset 23: NULLS FIRST|LAST is not MySQL syntax"},
	{MySQL, "DROP INDEX a, b ON t", "DROP INDEX",
		"offset 14: dropping several indexes in one DROP INDEX is PostgreSQL syntax, not MySQL"},
	{MySQL, "CREATE TABLE t (a int, KEY (a) WHERE x)", "CREATE TABLE",
		"offset 31: a constraint or key cannot be partial (WHERE): use CREATE UNIQUE INDEX ... WHERE"},
	{MySQL, "CREATE INDEX i ON t (a) COMMENT 'open", "CREATE INDEX",
		"offset 32: unterminated string literal"},
	{SQLite, "CREATE INDEX ON t (a)", "CREATE INDEX",
		"offset 13: expected index name, found \"ON\""},
	{SQLite, "CREATE INDEX i ON t (a) INCLUDE (b)", "CREATE INDEX",
		"offset 24: expected end of statement, found \"INCLUDE\""},
	{SQLite, "CREATE TABLE t (a int KEY)", "CREATE TABLE",
		"offset 22: KEY as a column attribute is not SQLite syntax"},
	{SQLite, "DROP INDEX a, b", "DROP INDEX",
		"offset 14: dropping several indexes in one DROP INDEX is PostgreSQL syntax, not SQLite"},
	// Found by FuzzParse: a type that is only a stray "]".
	{MySQL, "CREATE TABLE t (a ])", "CREATE TABLE",
		"offset 18: expected column attribute (NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES, ...), \",\" or \")\", found \"]\""},
	{Postgres, `CREATE INDEX "" ON t (a)`, "CREATE INDEX",
		"offset 13: empty quoted identifier"},
	{SQLite, "CREATE TABLE t ([a TEXT)", "CREATE TABLE",
		"offset 16: unterminated [ identifier"},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorCases {
		stmts := Parse(tc.src, tc.d)
		if len(stmts) != 1 {
			t.Errorf("%v: Parse(%q) returned %d statements, want 1", tc.d, tc.src, len(stmts))
			continue
		}
		inv, ok := stmts[0].(*Invalid)
		if !ok {
			t.Errorf("%v: Parse(%q) = %s, want *Invalid", tc.d, tc.src, summary(stmts[0]))
			continue
		}
		if inv.Keywords != tc.keywords || inv.Err.Error() != tc.err {
			t.Errorf("%v: Parse(%q)\n got: %q %q\nwant: %q %q", tc.d, tc.src, inv.Keywords, inv.Err, tc.keywords, tc.err)
		}
		if inv.Text != tc.src || inv.Offset != 0 || inv.End != len(tc.src) {
			t.Errorf("%v: Parse(%q): Invalid spans %v with text %q, want the whole statement", tc.d, tc.src, inv.Pos, inv.Text)
		}
		if inv.Err.Offset < 0 || inv.Err.Offset > len(tc.src) {
			t.Errorf("%v: Parse(%q): error offset %d outside the source", tc.d, tc.src, inv.Err.Offset)
		}
		// ParseStatement returns the same error.
		st, err := ParseStatement(tc.src, tc.d)
		if _, ok := st.(*Invalid); !ok || err == nil || err.Error() != tc.err {
			t.Errorf("%v: ParseStatement(%q) = %T, %v; want *Invalid, %s", tc.d, tc.src, st, err, tc.err)
		}
	}
}
