package ddl

import (
	"fmt"
	"strings"
)

// Dialect selects the SQL dialect whose lexical and syntactic rules apply
// where the dialects differ. The zero value is not a dialect: the functions
// of this package panic when given one, as that is a programming error.
type Dialect int

// The dialects this package understands.
const (
	// Postgres is PostgreSQL: unquoted identifiers fold to lower case,
	// "double quotes" quote identifiers, $tag$ dollar quotes and E'' strings
	// exist, block comments nest.
	Postgres Dialect = iota + 1
	// MySQL is MySQL and MariaDB: identifiers keep their case, `backquotes`
	// (and, as with ANSI_QUOTES, "double quotes") quote identifiers,
	// backslashes escape inside strings, # starts a comment, /*! ... */
	// comments hold executable SQL.
	MySQL
	// SQLite: identifiers keep their case, "double quotes", `backquotes` and
	// [brackets] quote identifiers.
	SQLite
)

// String returns the dialect's name as Bun's dialect.Name spells it: "pg",
// "mysql" or "sqlite".
func (d Dialect) String() string {
	switch d {
	case Postgres:
		return "pg"
	case MySQL:
		return "mysql"
	case SQLite:
		return "sqlite"
	}
	return fmt.Sprintf("Dialect(%d)", int(d))
}

// ParseDialect returns the dialect with the given name. It accepts Bun's
// names ("pg", "mysql", "sqlite") and the common spellings "postgres",
// "postgresql", "mariadb" and "sqlite3", in any case.
func ParseDialect(name string) (Dialect, error) {
	switch strings.ToLower(name) {
	case "pg", "postgres", "postgresql":
		return Postgres, nil
	case "mysql", "mariadb":
		return MySQL, nil
	case "sqlite", "sqlite3":
		return SQLite, nil
	}
	return 0, fmt.Errorf("ddl: unknown dialect %q (want pg, mysql or sqlite)", name)
}

func (d Dialect) check() {
	if d < Postgres || d > SQLite {
		panic("ddl: invalid " + d.String())
	}
}

// FoldIdent returns the name the database gives an unquoted identifier
// written as ident: PostgreSQL folds ASCII letters to lower case (as its
// downcase_identifier does in a UTF-8 database); MySQL and SQLite keep the
// identifier as written. MySQL compares column and index names without
// regard to case, and table names depending on lower_case_table_names;
// SQLite compares every identifier without regard to ASCII case. Callers
// comparing names across sources should therefore use EqualIdent.
func (d Dialect) FoldIdent(ident string) string {
	if d != Postgres {
		return ident
	}
	for i := 0; i < len(ident); i++ {
		if c := ident[i]; 'A' <= c && c <= 'Z' {
			b := []byte(ident)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return ident
}

// EqualIdent reports whether two real names (as the Name fields of this
// package hold them) denote the same object in the dialect: exactly on
// PostgreSQL, ignoring ASCII case on MySQL and SQLite.
func (d Dialect) EqualIdent(a, b string) bool {
	if d == Postgres {
		return a == b
	}
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
