package drift

import (
	"fmt"
	"math"
	"path"
	"reflect"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/dsn"
)

// This file holds the known false-drift sources: the ways a database
// spells, after the fact, what Bun wrote. Everything here compares two
// spellings of one thing; nothing decides what to report.

// ignoredTable reports whether a table is never compared: Bun's
// migration bookkeeping and the database's own tables.
func ignoredTable(name string) bool {
	switch strings.ToLower(name) {
	case "bun_migrations", "bun_migration_locks", "sqlite_sequence":
		return true
	}
	return strings.HasPrefix(strings.ToLower(name), "sqlite_stat")
}

// excluded reports whether name matches one of the --exclude globs.
func excluded(globs []string, name string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// sameIdent compares identifiers as the dialect does: exactly on
// PostgreSQL, ignoring case on MySQL (column and index names; table names
// with lower_case_table_names, the default that matters) and SQLite.
func sameIdent(dialect, a, b string) bool {
	if dialect == dsn.Postgres {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// mysqlTypeAliases maps what Bun writes on MySQL to what Atlas's parser
// understands: Bun's "INTEGER" and "DOUBLE PRECISION" are the server's
// int and double.
var mysqlTypeAliases = map[string]string{
	"integer":          "int",
	"double precision": "double",
	"real":             "double",
	"boolean":          "bool",
}

// parseType parses a column type as Bun writes it into Atlas's type for
// the dialect. The text is lower-cased first: Atlas's parsers only know
// lower-case spellings ("TIMESTAMPTZ" is an unsupported type to them).
func parseType(dialect, text string) (schema.Type, error) {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" {
		return nil, fmt.Errorf("no column type")
	}
	var (
		typ schema.Type
		err error
	)
	switch dialect {
	case dsn.Postgres:
		typ, err = postgres.ParseType(t)
	case dsn.MySQL:
		if a, ok := mysqlTypeAliases[t]; ok {
			t = a
		}
		typ, err = mysql.ParseType(t)
	case dsn.SQLite:
		typ, err = sqlite.ParseType(t)
		if err == nil {
			// Atlas's SQLite formatter writes only the type name
			// (varchar, not varchar(20)); keep the whole spelling so
			// that repair SQL declares what Bun declares.
			typ = withSQLiteSpelling(typ, t)
		}
	default:
		return nil, fmt.Errorf("unknown dialect %q", dialect)
	}
	if err != nil {
		return nil, err
	}
	if u, ok := typ.(*schema.UnsupportedType); ok {
		return nil, fmt.Errorf("type %q is not one Atlas knows", u.T)
	}
	return typ, nil
}

func withSQLiteSpelling(t schema.Type, text string) schema.Type {
	switch t := t.(type) {
	case *schema.StringType:
		c := *t
		c.T = text
		return &c
	case *schema.DecimalType:
		c := *t
		c.T = text
		return &c
	}
	return t
}

// typeClass is the kind of value a column holds, for telling a
// compatible type change from an incompatible one.
type typeClass string

const (
	classInt     typeClass = "integer"
	classFloat   typeClass = "floating-point"
	classDecimal typeClass = "decimal"
	classString  typeClass = "text"
	classBool    typeClass = "boolean"
	classTime    typeClass = "time"
	classJSON    typeClass = "JSON"
	classBinary  typeClass = "binary"
	classUUID    typeClass = "UUID"
	classOther   typeClass = "other"
)

// typeInfo is a type reduced to what drift compares.
type typeInfo struct {
	// canon is the canonical spelling: equal canon, same type.
	canon string
	class typeClass
	// width orders types of one class by the values they hold (bytes of
	// an integer, characters of a string, digits of a decimal);
	// math.MaxInt64 for unbounded.
	width int64
	// scale is a decimal's scale.
	scale int64
}

// describeType reduces an Atlas type to a typeInfo.
func describeType(dialect string, t schema.Type) typeInfo {
	if t == nil {
		return typeInfo{canon: "?", class: classOther}
	}
	if dialect == dsn.SQLite {
		return sqliteType(t)
	}
	var canon string
	var err error
	if dialect == dsn.Postgres {
		canon, err = postgres.FormatType(t)
	} else {
		canon, err = mysql.FormatType(t)
	}
	if err != nil {
		canon = fmt.Sprintf("%T", t)
	}
	canon = strings.ToLower(canon)
	info := typeInfo{canon: canon, class: classOther}
	switch t := t.(type) {
	case *schema.IntegerType:
		info.class, info.width = classInt, intWidth(t.T)
		if t.Unsigned {
			// An unsigned column holds twice the positive range.
			info.width = info.width*2 + 1
		}
		if dialect == dsn.MySQL {
			// Display widths (int(11)) say nothing about the values.
			info.canon = strings.ToLower(t.T)
			if t.Unsigned {
				info.canon += " unsigned"
			}
		}
	case *postgres.SerialType:
		// A serial is its integer type with a sequence for a default;
		// whether the database generates values is compared apart
		// (serial or identity, both do).
		info.class, info.width = classInt, intWidth(t.T)
		info.canon = map[int64]string{2: "smallint", 4: "integer", 8: "bigint"}[info.width]
	case *schema.FloatType:
		info.class, info.width = classFloat, 8
		if strings.Contains(strings.ToLower(t.T), "real") && dialect == dsn.Postgres || strings.EqualFold(t.T, "float") {
			info.width = 4
		}
		if dialect == dsn.MySQL && strings.EqualFold(t.T, "real") {
			info.canon = "double" // MySQL's REAL is DOUBLE unless REAL_AS_FLOAT
		}
	case *schema.DecimalType:
		info.class, info.width, info.scale = classDecimal, int64(t.Precision), int64(t.Scale)
		if t.Precision == 0 {
			info.width = math.MaxInt64
		}
	case *schema.StringType:
		info.class, info.width = classString, stringWidth(t)
		if dialect == dsn.Postgres && t.Size == 0 && (strings.EqualFold(t.T, "character varying") || strings.EqualFold(t.T, "varchar")) {
			// PostgreSQL's varchar without a length is text: the same
			// values, the same storage, read alike.
			info.canon = "text"
		}
	case *schema.EnumType:
		info.class, info.width = classString, 0
	case *schema.BoolType:
		info.class = classBool
	case *schema.TimeType:
		info.class, info.width = classTime, timeWidth(t.T)
	case *schema.JSONType:
		info.class = classJSON
	case *schema.BinaryType:
		info.class, info.width = classBinary, math.MaxInt64
		if t.Size != nil {
			info.width = int64(*t.Size)
		}
	case *schema.UUIDType:
		info.class = classUUID
	case *postgres.ArrayType:
		// varchar[] without a length is text[], as varchar is text.
		if elem := describeType(dialect, t.Type); elem.canon == "text" {
			info.canon = "text[]"
		}
	}
	return info
}

func intWidth(t string) int64 {
	switch strings.ToLower(t) {
	case "tinyint", "int1":
		return 1
	case "smallint", "int2", "smallserial", "serial2":
		return 2
	case "mediumint", "int3":
		return 3
	case "int", "integer", "int4", "serial", "serial4":
		return 4
	}
	return 8
}

func stringWidth(t *schema.StringType) int64 {
	switch strings.ToLower(t.T) {
	case "tinytext":
		return 255
	case "text":
		if t.Size > 0 {
			return int64(t.Size)
		}
		return math.MaxInt64
	case "mediumtext":
		return 16777215
	case "longtext":
		return math.MaxInt64
	}
	if t.Size > 0 {
		return int64(t.Size)
	}
	return math.MaxInt64 // PostgreSQL's varchar without a length
}

func timeWidth(t string) int64 {
	t = strings.ToLower(t)
	switch {
	case t == "date", t == "year":
		return 1
	case strings.HasPrefix(t, "time") && !strings.HasPrefix(t, "timestamp"):
		return 0 // a time of day holds no date at all
	}
	return 2
}

// sqliteType reduces a SQLite column type. SQLite stores values by type
// affinity and ignores lengths: VARCHAR(20) and TEXT hold the same
// values, INT and BIGINT too. The names that the driver reads values by
// (BOOLEAN, DATE, DATETIME, TIMESTAMP, JSON, DECIMAL) stay distinct.
func sqliteType(t schema.Type) typeInfo {
	// Every Atlas type the SQLite inspector returns keeps its declared
	// name in a field T.
	name := fmt.Sprintf("%T", t)
	if v := reflect.Indirect(reflect.ValueOf(t)); v.Kind() == reflect.Struct {
		if f := v.FieldByName("T"); f.IsValid() && f.Kind() == reflect.String {
			name = f.String()
		}
	}
	name = strings.ToLower(strings.TrimSpace(name))
	base, _, _ := strings.Cut(name, "(")
	base = strings.TrimSpace(base)
	switch {
	case strings.Contains(base, "int"):
		return typeInfo{canon: "integer", class: classInt, width: 8}
	case strings.Contains(base, "char") || strings.Contains(base, "clob") || base == "text":
		return typeInfo{canon: "text", class: classString, width: math.MaxInt64}
	case base == "" || base == "blob":
		return typeInfo{canon: "blob", class: classBinary, width: math.MaxInt64}
	case strings.Contains(base, "real") || strings.Contains(base, "float") || strings.Contains(base, "double"):
		return typeInfo{canon: "real", class: classFloat, width: 8}
	case base == "boolean" || base == "bool":
		return typeInfo{canon: "boolean", class: classBool}
	case base == "date":
		return typeInfo{canon: base, class: classTime, width: 1}
	case base == "datetime" || base == "timestamp":
		return typeInfo{canon: base, class: classTime, width: 2}
	case strings.HasPrefix(base, "time"):
		return typeInfo{canon: base, class: classTime, width: 0}
	case base == "json" || base == "jsonb":
		// The same affinity (NUMERIC), read alike by both drivers.
		return typeInfo{canon: "json", class: classJSON}
	case base == "decimal" || base == "numeric":
		return typeInfo{canon: "numeric", class: classDecimal, width: math.MaxInt64}
	case base == "uuid":
		return typeInfo{canon: base, class: classUUID}
	}
	return typeInfo{canon: base, class: classOther}
}

// sqliteHoldsJSON reports whether a SQLite column keeps the JSON text Bun
// writes for a map, struct or slice as the same text, and both drivers
// read it back as text: TEXT affinity (VARCHAR, TEXT), or a JSON/JSONB
// declaration (NUMERIC affinity, which converts only text that looks like
// a number; an object, an array or null never does). The names the
// drivers read differently (DATE, DATETIME, TIMESTAMP, BOOLEAN) are not.
func sqliteHoldsJSON(t schema.Type) bool {
	switch info := sqliteType(t); info.canon {
	case "text", "json":
		return true
	}
	return false
}

// defaultText returns a column default as text, "" for none.
func defaultText(x schema.Expr) string {
	switch x := x.(type) {
	case *schema.Literal:
		return x.V
	case *schema.RawExpr:
		return x.X
	case nil:
		return ""
	}
	return fmt.Sprint(x)
}

// canonDefault reduces a DEFAULT expression to a canonical spelling:
//
//   - outer parentheses and PostgreSQL casts go: MySQL reports
//     "(current_timestamp())", PostgreSQL "'active'::character varying";
//   - keywords and functions are lower-cased outside string literals;
//   - CURRENT_TIMESTAMP, current_timestamp(), now() and
//     localtimestamp-free spellings of "now" are one value;
//   - on boolean columns TRUE/true/1/'t' and FALSE/false/0/'f' are one
//     value each (MySQL stores BOOLEAN as tinyint(1), its defaults as
//     0 and 1);
//   - numbers compare by value (MySQL reports DECIMAL defaults as 0.00),
//     quoted or not on numeric columns;
//   - NULL is no default.
func canonDefault(x string, class typeClass) string {
	s := lowerOutsideQuotes(dropCasts(stripCasts(strings.TrimSpace(x))))
	switch s {
	case "", "null":
		return ""
	case "current_timestamp", "current_timestamp()", "now()", "localtimestamp", "localtimestamp()":
		return "current_timestamp"
	}
	if class == classBool {
		switch s {
		case "true", "1", "'t'", "'true'", "'1'", "b'1'":
			return "true"
		case "false", "0", "'f'", "'false'", "'0'", "b'0'":
			return "false"
		}
	}
	numeric := class == classInt || class == classFloat || class == classDecimal || class == classBool
	if numeric && len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		if _, err := strconv.ParseFloat(s[1:len(s)-1], 64); err == nil {
			s = s[1 : len(s)-1]
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "'\"") {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

// stripCasts removes enclosing parentheses and trailing PostgreSQL casts
// (::type, ::character varying(20), ::text[]) until neither is left.
func stripCasts(s string) string {
	for {
		t := strings.TrimSpace(s)
		if outerParens(t) {
			t = t[1 : len(t)-1]
		}
		if i := lastCast(t); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == s {
			return t
		}
		s = t
	}
}

// eachOutside calls fn with the index of every byte of s outside '...'
// literals and the parenthesis depth before it, until fn returns false,
// and returns the depth after the last byte.
func eachOutside(s string, fn func(i, depth int) bool) int {
	depth, quoted := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if !fn(i, depth) {
			return depth
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return depth
}

// outerParens reports whether s is wrapped in one pair of parentheses
// that match each other ("(a)" yes, "(a) + (b)" no).
func outerParens(s string) bool {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return false
	}
	whole := true
	end := eachOutside(s, func(i, depth int) bool {
		if s[i] == ')' && depth == 1 && i < len(s)-1 {
			whole = false
		}
		return whole
	})
	return whole && end == 0
}

// lastCast returns the index of a trailing "::type" outside quotes and
// parentheses, or -1.
func lastCast(s string) int {
	at := -1
	eachOutside(s, func(i, depth int) bool {
		if depth == 0 && s[i] == ':' && i+1 < len(s) && s[i+1] == ':' && at != i-1 {
			at = i
		}
		return true
	})
	if at < 0 {
		return -1
	}
	// What follows must be a type name: letters, digits, spaces, _,
	// brackets, and a parenthesised length.
	for _, r := range s[at+2:] {
		if !strings.ContainsRune(" _[](),\"", r) && !isIdentRune(r) {
			return -1
		}
	}
	return at
}

// lowerOutsideQuotes lower-cases s except inside '...' literals.
func lowerOutsideQuotes(s string) string {
	var b strings.Builder
	quoted := false
	for _, r := range s {
		if r == '\'' {
			quoted = !quoted
		}
		if !quoted && r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// canonExpr reduces an index expression or predicate to a form in which
// the database's rewriting does not show: PostgreSQL stores
// "status = 'active'" as "((status)::text = 'active'::text)", SQLite
// keeps the text as written, Bun wraps Where("x") as "(x)". Casts,
// parentheses, identifier quotes and case outside literals go, and
// whitespace collapses.
func canonExpr(s string) string {
	s = lowerOutsideQuotes(dropCasts(s))
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			quoted = !quoted
		}
		if !quoted && c == '!' && i+1 < len(s) && s[i+1] == '=' {
			// PostgreSQL stores != as <>.
			b.WriteString(" <> ")
			i++
			continue
		}
		if !quoted && c == '<' && i+1 < len(s) && s[i+1] == '>' {
			b.WriteString(" <> ") // spaced alike, whatever the spelling
			i++
			continue
		}
		if !quoted && (c == '(' || c == ')' || c == '"' || c == '`') {
			c = ' '
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropCasts removes every PostgreSQL cast (::text, ::character varying,
// ::regclass, ::integer[]) outside string literals.
func dropCasts(s string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			quoted = !quoted
		}
		if quoted || c != ':' || i+1 >= len(s) || s[i+1] != ':' {
			b.WriteByte(c)
			continue
		}
		// Skip the type name: identifier characters, quotes, array
		// brackets, and spaces inside a multi-word name ("character
		// varying") but not before an operator keyword ("x::text IS
		// NULL").
		i += 2
		for i < len(s) && (isIdentByte(s[i]) || s[i] == '[' || s[i] == ']' || s[i] == '"' ||
			s[i] == ' ' && i+1 < len(s) && isIdentByte(s[i+1]) && !startsKeyword(s[i+1:])) {
			i++
		}
		i--
	}
	return b.String()
}

func isIdentRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
}

func isIdentByte(c byte) bool { return isIdentRune(rune(c)) }

// startsKeyword reports whether s starts with an operator keyword that
// can follow a cast (x::text IS NULL, x::text AND ...), so that the cast's
// multi-word type name ("character varying") stops before it.
func startsKeyword(s string) bool {
	w := s
	if i := strings.IndexFunc(w, func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }); i >= 0 {
		w = w[:i]
	}
	switch strings.ToLower(w) {
	case "is", "and", "or", "not", "in", "like", "ilike", "between", "collate", "desc", "asc", "nulls":
		return true
	}
	return false
}

// canonAction spells a referential action; "" and NO ACTION are the
// default everywhere, and MySQL's RESTRICT is its NO ACTION (InnoDB checks
// both immediately; MariaDB reports the default ON UPDATE as RESTRICT).
func canonAction(dialect string, a schema.ReferenceOption) string {
	s := strings.ToUpper(strings.TrimSpace(string(a)))
	if s == "" || s == "NO ACTION" || dialect == dsn.MySQL && s == "RESTRICT" {
		return "NO ACTION"
	}
	return s
}

// canonMethod spells an index method; "" is the default, B-tree.
func canonMethod(m string) string {
	m = strings.ToLower(strings.TrimSpace(m))
	if m == "" {
		return "btree"
	}
	return m
}
