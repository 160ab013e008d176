package drift

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Migrations that create tables from today's models
// (NewCreateTable().Model) already make a model's change on a fresh
// database, while the databases they migrated earlier lack it: the
// migration making the change must then skip what exists, or it fails on
// every fresh database. Guarded rewrites a generated migration so: each
// statement either says IF [NOT] EXISTS or is one that can run twice
// (a backfill UPDATE of NULLs, a column's type, nullability or default
// set to the same value). PostgreSQL and MariaDB have the clauses; MySQL
// and SQLite have no ADD COLUMN IF NOT EXISTS, and no dialect has it for a
// foreign key or constraint added by ALTER TABLE, so those are refused
// with the statement named.

// guardRule rewrites one statement form: re matches where the clause goes.
type guardRule struct {
	re   *regexp.Regexp
	with string
}

var (
	// Clauses of an ALTER TABLE, each at the start or after a comma.
	pgGuards = []guardRule{
		{regexp.MustCompile(`(?i)\bADD COLUMN\s+(?:IF NOT EXISTS\s+)?`), "ADD COLUMN IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)\bDROP COLUMN\s+(?:IF EXISTS\s+)?`), "DROP COLUMN IF EXISTS "},
		{regexp.MustCompile(`(?i)^CREATE (UNIQUE )?INDEX\s+(?:IF NOT EXISTS\s+)?`), "CREATE ${1}INDEX IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^CREATE TABLE\s+(?:IF NOT EXISTS\s+)?`), "CREATE TABLE IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^DROP INDEX\s+(?:IF EXISTS\s+)?`), "DROP INDEX IF EXISTS "},
		{regexp.MustCompile(`(?i)^DROP TABLE\s+(?:IF EXISTS\s+)?`), "DROP TABLE IF EXISTS "},
	}
	mariaGuards = []guardRule{
		{regexp.MustCompile(`(?i)\bADD COLUMN\s+(?:IF NOT EXISTS\s+)?`), "ADD COLUMN IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)\bDROP COLUMN\s+(?:IF EXISTS\s+)?`), "DROP COLUMN IF EXISTS "},
		{regexp.MustCompile(`(?i)\bADD (UNIQUE )?INDEX\s+(?:IF NOT EXISTS\s+)?`), "ADD ${1}INDEX IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)\bDROP INDEX\s+(?:IF EXISTS\s+)?`), "DROP INDEX IF EXISTS "},
		{regexp.MustCompile(`(?i)^CREATE (UNIQUE )?INDEX\s+(?:IF NOT EXISTS\s+)?`), "CREATE ${1}INDEX IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^CREATE TABLE\s+(?:IF NOT EXISTS\s+)?`), "CREATE TABLE IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^DROP TABLE\s+(?:IF EXISTS\s+)?`), "DROP TABLE IF EXISTS "},
	}
	sqliteGuards = []guardRule{
		{regexp.MustCompile(`(?i)^CREATE (UNIQUE )?INDEX\s+(?:IF NOT EXISTS\s+)?`), "CREATE ${1}INDEX IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^CREATE TABLE\s+(?:IF NOT EXISTS\s+)?`), "CREATE TABLE IF NOT EXISTS "},
		{regexp.MustCompile(`(?i)^DROP INDEX\s+(?:IF EXISTS\s+)?`), "DROP INDEX IF EXISTS "},
	}
	// Statements that can run twice as they are.
	pgRerunnable    = regexp.MustCompile(`(?i)^(UPDATE\s|ALTER TABLE\s+\S+\s+ALTER COLUMN\s)`)
	mariaRerunnable = regexp.MustCompile(`(?i)^(UPDATE\s|ALTER TABLE\s+\S+\s+MODIFY COLUMN\s)`)
	// SQLite: a table rebuild (its copy, the old table dropped, the copy
	// renamed) and its framing run twice alike; an ADD COLUMN is checked
	// by the Go migration.
	sqliteRerunnable = regexp.MustCompile(`(?i)^(UPDATE\s|INSERT INTO\s|DROP TABLE\s|PRAGMA\s|BEGIN\b|COMMIT\b|ALTER TABLE\s+\S+\s+(RENAME TO|ADD COLUMN)\s)`)
	// What no IF [NOT] EXISTS covers.
	unguardable = regexp.MustCompile(`(?i)\b(ADD CONSTRAINT|ADD FOREIGN KEY|ADD PRIMARY KEY|DROP CONSTRAINT|DROP FOREIGN KEY|RENAME)\b`)
)

// Guarded returns f with every statement made to skip what exists, for
// dialect (mariaDB: a MySQL dialect server that is MariaDB). It fails,
// naming the statement, when one cannot be. goForm: f becomes a Go
// migration, which on SQLite checks pragma_table_info before an ADD COLUMN
// (GoMigration.CheckColumns), so SQLite's ADD COLUMN is left as it is.
func Guarded(dialect string, mariaDB, goForm bool, f MigrationFile) (MigrationFile, error) {
	var guards []guardRule
	var rerun *regexp.Regexp
	switch {
	case dialect == dsn.Postgres:
		guards, rerun = pgGuards, pgRerunnable
	case dialect == dsn.MySQL && mariaDB:
		guards, rerun = mariaGuards, mariaRerunnable
	case dialect == dsn.MySQL:
		return f, errorf("MySQL has no ADD COLUMN IF NOT EXISTS (MariaDB has)")
	case goForm:
		guards, rerun = sqliteGuards, sqliteRerunnable
	default:
		return f, errorf("SQLite has no ADD COLUMN IF NOT EXISTS (a Go migration checks the column first: --format go)")
	}
	// Rewritten in place, part by part between the --bun:split lines,
	// so that the file keeps its layout (its header, its blank lines).
	parts := strings.Split(f.Body, "\n--bun:split\n")
	for i, part := range parts {
		at := 0
		for _, stmt := range statements(dialect, part) {
			if isCommentOnly(dialect, stmt) {
				continue
			}
			code := leadingCode(stmt)
			guarded, err := guardStatement(code, guards, rerun)
			if err != nil {
				return f, err
			}
			j := strings.Index(part[at:], code)
			if j < 0 {
				return f, errorf("cannot find the statement again: %s", firstLine(code))
			}
			part = part[:at+j] + guarded + part[at+j+len(code):]
			at += j + len(guarded)
		}
		parts[i] = part
	}
	g := f
	g.Body = strings.Join(parts, "\n--bun:split\n")
	return g, nil
}

// guardStatement is one statement, guarded.
func guardStatement(code string, guards []guardRule, rerun *regexp.Regexp) (string, error) {
	if rerun.MatchString(code) {
		return code, nil
	}
	if m := unguardable.FindString(code); m != "" {
		return "", errorf("%s cannot skip what exists (no IF NOT EXISTS for it): %s", strings.ToUpper(m), firstLine(code))
	}
	out, changed := code, false
	for _, g := range guards {
		if g.re.MatchString(out) {
			out, changed = g.re.ReplaceAllString(out, g.with), true
		}
	}
	if !changed {
		return "", errorf("this statement cannot be made to skip what exists: %s", firstLine(code))
	}
	return out, nil
}

// leadingCode is a statement without the comment and blank lines before
// it.
func leadingCode(stmt string) string {
	lines := strings.Split(stmt, "\n")
	i := 0
	for i < len(lines) && (strings.TrimSpace(lines[i]) == "" || strings.HasPrefix(strings.TrimSpace(lines[i]), "--")) {
		i++
	}
	return strings.Join(lines[i:], "\n")
}

func firstLine(s string) string {
	line, _, cut := strings.Cut(strings.TrimSpace(s), "\n")
	if cut {
		return line + " ..."
	}
	return line
}

// guardNote heads a guarded up migration.
func guardNote(f MigrationFile) MigrationFile {
	const note = "-- Guarded: the migrations build tables from today's models (NewCreateTable().Model), so a fresh\n" +
		"-- database has these changes already; each statement skips what exists.\n"
	header, rest, _ := strings.Cut(f.Body, "\n\n")
	f.Body = fmt.Sprintf("%s\n%s\n%s", header, note, rest)
	return f
}

// GuardedUp is Guarded with the note saying why, for an up migration.
func GuardedUp(dialect string, mariaDB, goForm bool, f MigrationFile) (MigrationFile, error) {
	g, err := Guarded(dialect, mariaDB, goForm, f)
	if err != nil {
		return g, err
	}
	return guardNote(g), nil
}

var sqliteAddColumn = regexp.MustCompile("(?is)^ALTER TABLE\\s+[`\"]?([^`\"\\s]+)[`\"]?\\s+ADD COLUMN\\s+[`\"]?([^`\"\\s]+)[`\"]?")

// SQLiteAddedColumn returns the table and column a SQLite ALTER TABLE ...
// ADD COLUMN statement adds (leading comment lines skipped), for the
// check that makes it skip a column that exists.
func SQLiteAddedColumn(stmt string) (table, column string, ok bool) {
	code := leadingCode(strings.TrimSpace(stmt))
	m := sqliteAddColumn.FindStringSubmatch(strings.TrimSpace(code))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// SQLiteColumnExists is the query telling whether table has column:
// its one argument pair is the table and the column.
const SQLiteColumnExists = "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"
