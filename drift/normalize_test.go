package drift

import (
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
)

// TestCanonDefault: each line is a spelling the database reports next to
// the spelling Bun's default: tag gives, for the same value.
func TestCanonDefault(t *testing.T) {
	same := []struct {
		live, model string
		class       typeClass
	}{
		{"CURRENT_TIMESTAMP", "current_timestamp", classTime},              // PostgreSQL
		{"(current_timestamp())", "current_timestamp", classTime},          // MariaDB
		{"now()", "current_timestamp", classTime},                          // a model written for PostgreSQL
		{"current_timestamp", "CURRENT_TIMESTAMP", classTime},              // SQLite keeps the text
		{"'active'::character varying", "'active'", classString},           // PostgreSQL casts literals
		{"('a'::character varying)::text", "'a'", classString},             // nested casts
		{"'{}'::jsonb", "'{}'", classJSON},                                 // JSON literal
		{"0", "false", classBool},                                          // MySQL BOOLEAN is tinyint(1)
		{"1", "TRUE", classBool},                                           // any case
		{"false", "FALSE", classBool},                                      // PostgreSQL and SQLite
		{"0.00", "0", classDecimal},                                        // MySQL pads decimals
		{"'42'", "42", classInt},                                           // quoted numbers on numeric columns
		{"NULL", "", classString},                                          // DEFAULT NULL is no default
		{"'It''s'", "'It''s'", classString},                                // escapes untouched
		{"nextval('t_id_seq'::regclass)", "nextval('t_id_seq')", classInt}, // casts inside calls
	}
	for _, tc := range same {
		if a, b := canonDefault(tc.live, tc.class), canonDefault(tc.model, tc.class); a != b {
			t.Errorf("canonDefault(%q) = %q, canonDefault(%q) = %q: want equal", tc.live, a, tc.model, b)
		}
	}
	differ := []struct {
		live, model string
		class       typeClass
	}{
		{"'Active'", "'active'", classString}, // literals keep their case
		{"1", "false", classBool},
		{"0", "1", classInt},
		{"'0'", "0", classString}, // on a text column '0' is text
		{"current_date", "current_timestamp", classTime},
	}
	for _, tc := range differ {
		if a, b := canonDefault(tc.live, tc.class), canonDefault(tc.model, tc.class); a == b {
			t.Errorf("canonDefault(%q) and canonDefault(%q) are both %q: want different", tc.live, tc.model, a)
		}
	}
}

// TestCanonExpr: predicates and index expressions as PostgreSQL stores
// them equal the ones the migrations write.
func TestCanonExpr(t *testing.T) {
	same := [][2]string{
		{"(deleted_at IS NULL)", "deleted_at IS NULL"},
		{"((status)::text = 'active'::text)", "status = 'active'"},
		{`("Email" IS NOT NULL)`, "email is not null"},
		{"(lower((email)::text))", "lower(email)"},
		{"((kind)::character varying IS NULL)", "kind IS NULL"},
		{"((status)::text <> 'gone'::text)", "status != 'gone'"},
		{"status<>'gone'", "status != 'gone'"},
	}
	for _, tc := range same {
		if a, b := canonExpr(tc[0]), canonExpr(tc[1]); a != b {
			t.Errorf("canonExpr(%q) = %q, canonExpr(%q) = %q: want equal", tc[0], a, tc[1], b)
		}
	}
	if canonExpr("note = '!='") == canonExpr("note = '<>'") {
		t.Error("literals must keep their operators")
	}
	if canonExpr("status = 'Active'") == canonExpr("status = 'active'") {
		t.Error("literals must keep their case")
	}
}

// TestTypeSpellings: the type Bun writes and the type the database
// reports describe the same column.
func TestTypeSpellings(t *testing.T) {
	cases := []struct {
		dialect, bun, live string
	}{
		{dsn.Postgres, "TIMESTAMPTZ", "timestamp with time zone"},
		{dsn.Postgres, "varchar(20)", "character varying(20)"},
		{dsn.Postgres, "VARCHAR", "character varying"},
		{dsn.Postgres, "VARCHAR", "text"},
		{dsn.Postgres, "VARCHAR[]", "text[]"}, // uptrace's metrics.attr_keys
		{dsn.Postgres, "int4", "integer"},
		{dsn.Postgres, "int", "integer"},
		{dsn.Postgres, "decimal(10,2)", "numeric(10,2)"},
		{dsn.Postgres, "BIGSERIAL", "bigserial"},
		{dsn.Postgres, "DOUBLE PRECISION", "double precision"},
		{dsn.MySQL, "INTEGER", "int(11)"},
		{dsn.MySQL, "BIGINT", "bigint(20)"},
		{dsn.MySQL, "DOUBLE PRECISION", "double"},
		{dsn.MySQL, "REAL", "double"},
		{dsn.MySQL, "BOOLEAN", "tinyint(1)"},
		{dsn.MySQL, "VARCHAR(255)", "varchar(255)"},
		{dsn.MySQL, "json", "json"},
		{dsn.SQLite, "varchar(20)", "TEXT"},
		{dsn.SQLite, "BIGINT", "INTEGER"},
		{dsn.SQLite, "DOUBLE PRECISION", "REAL"},
		{dsn.SQLite, "TIMESTAMP", "timestamp"},
		{dsn.SQLite, "JSON", "JSONB"},
	}
	for _, tc := range cases {
		bt, err := parseType(tc.dialect, tc.bun)
		if err != nil {
			t.Errorf("%s: parse %q: %v", tc.dialect, tc.bun, err)
			continue
		}
		lt, err := parseType(tc.dialect, tc.live)
		if err != nil {
			t.Errorf("%s: parse %q: %v", tc.dialect, tc.live, err)
			continue
		}
		if a, b := describeType(tc.dialect, bt), describeType(tc.dialect, lt); a.canon != b.canon {
			t.Errorf("%s: %q is %q, %q is %q: want the same", tc.dialect, tc.bun, a.canon, tc.live, b.canon)
		}
	}
	// Distinct types stay distinct, with their relation known.
	narrower := []struct{ dialect, live, model string }{
		{dsn.Postgres, "varchar(20)", "varchar(255)"},
		{dsn.Postgres, "integer", "bigint"},
		{dsn.Postgres, "date", "timestamptz"},
		{dsn.MySQL, "decimal(10,2)", "decimal(12,4)"},
	}
	for _, tc := range narrower {
		lt, _ := parseType(tc.dialect, tc.live)
		mt, _ := parseType(tc.dialect, tc.model)
		l, m := describeType(tc.dialect, lt), describeType(tc.dialect, mt)
		if l.canon == m.canon || l.class != m.class || l.width > m.width || l.width == m.width && l.scale >= m.scale {
			t.Errorf("%s: want %q narrower than %q, got %+v and %+v", tc.dialect, tc.live, tc.model, l, m)
		}
	}
	for _, pair := range [][2]string{{"VARCHAR", "JSONB"}, {"TEXT", "TIMESTAMP"}, {"VARCHAR", "BOOLEAN"}, {"TEXT", "DATE"}} {
		// JSON text equals VARCHAR only for a field Bun writes as JSON
		// (sqliteHoldsJSON, decided with the model's field).
		if a, b := sqliteCanon(t, pair[0]), sqliteCanon(t, pair[1]); a == b {
			t.Errorf("SQLite %s and %s must differ, both %q", pair[0], pair[1], a)
		}
	}
	if a, b := sqliteCanon(t, "BOOLEAN"), sqliteCanon(t, "TIMESTAMP"); a == b {
		t.Errorf("SQLite BOOLEAN and TIMESTAMP must differ (the driver reads them apart), both %q", a)
	}
}

func sqliteCanon(t *testing.T, s string) string {
	t.Helper()
	typ, err := parseType(dsn.SQLite, s)
	if err != nil {
		t.Fatal(err)
	}
	return describeType(dsn.SQLite, typ).canon
}

func TestStripCasts(t *testing.T) {
	for in, want := range map[string]string{
		"'a'::character varying":     "'a'",
		"('a'::text)":                "'a'",
		"'x::y'":                     "'x::y'", // inside a literal
		"(a) + (b)":                  "(a) + (b)",
		"'{1,2}'::integer[]":         "'{1,2}'",
		"'2024-01-01'::timestamp(3)": "'2024-01-01'",
		"f(x)::text || 'a'::text":    "f(x)::text || 'a'",
		"((current_timestamp()))":    "current_timestamp()",
		"'it''s'::character varying": "'it''s'",
	} {
		if got := stripCasts(in); got != want {
			t.Errorf("stripCasts(%q) = %q, want %q", in, got, want)
		}
	}
}
