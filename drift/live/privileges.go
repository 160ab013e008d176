package live

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/internal/dsn"
)

// PrivilegeError reports that the connection's user cannot see all of
// what the inspection reads. The catalogues do not say "denied": they
// leave out what the user may not see, which would look like drift
// (every table missing, every foreign key missing), so Inspect checks
// first and returns this instead.
type PrivilegeError struct {
	// What the user cannot see, e.g. "the columns of 42 tables of schema
	// public (users, roles, ...)".
	What string
	// Grant is the statement that lets the user see it.
	Grant string
}

func (e *PrivilegeError) Error() string {
	return fmt.Sprintf("could not check: the user cannot see %s; grant it: %s", e.What, e.Grant)
}

// checkPrivileges returns a *PrivilegeError when the user of tx cannot see
// everything in the schema the inspection reads.
func checkPrivileges(ctx context.Context, tx *sql.Tx, dialect string, opts Options) error {
	switch dialect {
	case dsn.Postgres:
		return checkPGPrivileges(ctx, tx, opts)
	case dsn.MySQL:
		return checkMySQLPrivileges(ctx, tx, opts.Schema)
	}
	// SQLite has no privileges: who can read the file can read it all.
	return nil
}

// someNames lists up to four names, and how many more there are.
func someNames(names []string) string {
	if len(names) <= 4 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:4], ", "), len(names)-4)
}

// pgIdent quotes a PostgreSQL identifier for a GRANT the user copies.
func pgIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// checkPGPrivileges: PostgreSQL's current_schema() skips schemas the role
// has no USAGE on (so Atlas finds no schema), and information_schema
// leaves out the columns of tables the role holds no privilege on (so
// every table looks missing). The role needs USAGE on the schema and,
// unless it owns them, a privilege on every column of every table
// (table-level SELECT gives that).
func checkPGPrivileges(ctx context.Context, tx *sql.Tx, opts Options) error {
	var role string
	var current sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT current_user, current_schema()`).Scan(&role, &current); err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	name := opts.Schema
	if name == "" {
		if !current.Valid {
			// No schema on the search path is usable: say which exist
			// but lack USAGE.
			var denied []string
			rows, err := tx.QueryContext(ctx, `
				SELECT n.nspname FROM pg_catalog.pg_namespace n
				WHERE n.nspname = ANY (current_schemas(false)::text[] || string_to_array(replace(replace(current_setting('search_path'), ' ', ''), '"', ''), ','))
				  AND NOT has_schema_privilege(n.oid, 'USAGE')
				ORDER BY n.nspname`)
			if err != nil {
				return fmt.Errorf("check privileges: %w", err)
			}
			defer func() { _ = rows.Close() }()
			for rows.Next() {
				var s string
				if err := rows.Scan(&s); err != nil {
					return fmt.Errorf("check privileges: %w", err)
				}
				denied = append(denied, s)
			}
			if err := rows.Err(); err != nil {
				return fmt.Errorf("check privileges: %w", err)
			}
			if len(denied) > 0 {
				return &PrivilegeError{
					What:  fmt.Sprintf("schema %s of its search_path (no USAGE)", denied[0]),
					Grant: fmt.Sprintf("GRANT USAGE ON SCHEMA %s TO %s", pgIdent(denied[0]), pgIdent(role)),
				}
			}
			return nil // no schema at all: Atlas reports it missing
		}
		name = current.String
	}
	var exists, usage bool
	err := tx.QueryRowContext(ctx, `
		SELECT true, has_schema_privilege(n.oid, 'USAGE') FROM pg_catalog.pg_namespace n WHERE n.nspname = $1`, name).Scan(&exists, &usage)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // Atlas reports the schema missing
	}
	if err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	if !usage {
		return &PrivilegeError{
			What:  fmt.Sprintf("schema %s (no USAGE)", name),
			Grant: fmt.Sprintf("GRANT USAGE ON SCHEMA %s TO %s", pgIdent(name), pgIdent(role)),
		}
	}
	kinds := "'r', 'p'"
	if opts.Views {
		kinds += ", 'v', 'm'"
	}
	// The same test information_schema.columns applies to each column.
	rows, err := tx.QueryContext(ctx, `
		SELECT c.relname FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = $1 AND c.relkind IN (`+kinds+`) AND NOT c.relispartition
		  AND NOT pg_has_role(c.relowner, 'USAGE')
		  AND EXISTS (
			SELECT 1 FROM pg_catalog.pg_attribute a
			WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			  AND NOT has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))
		ORDER BY c.relname`, name)
	if err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	defer func() { _ = rows.Close() }()
	var hidden []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return fmt.Errorf("check privileges: %w", err)
		}
		hidden = append(hidden, t)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	if len(hidden) > 0 {
		return &PrivilegeError{
			What:  fmt.Sprintf("all columns of %d tables of schema %s (%s)", len(hidden), name, someNames(hidden)),
			Grant: fmt.Sprintf("GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s", pgIdent(name), pgIdent(role)),
		}
	}
	return nil
}

// checkMySQLPrivileges: MariaDB shows TABLE_CONSTRAINTS,
// REFERENTIAL_CONSTRAINTS (and so Atlas's primary, unique, foreign-key and
// check constraints) only to users holding a privilege on the table other
// than SELECT, while KEY_COLUMN_USAGE and CHECK_CONSTRAINTS show them with
// SELECT alone: with only SELECT every foreign key looks missing. When the
// key columns or checks name a constraint the constraint tables leave out,
// the user cannot see them all. SHOW VIEW is the least privilege that
// shows them and lets the user read nothing more (view definitions).
func checkMySQLPrivileges(ctx context.Context, tx *sql.Tx, schemaName string) error {
	var user, current sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT CURRENT_USER(), DATABASE()`).Scan(&user, &current); err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	name := schemaName
	if name == "" {
		if !current.Valid {
			return nil // no database: Atlas reports it
		}
		name = current.String
	}
	// Reading the constraint tables opens every table of the schema (0.3 s
	// for 1,000 tables): first look for a grant known to show them all,
	// on all databases or on this one (per-table grants show none on
	// MariaDB 10.11, whatever the privilege).
	account := myAccount(user.String)
	var granted bool
	if err := tx.QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.USER_PRIVILEGES
			WHERE GRANTEE = ? AND PRIVILEGE_TYPE IN (`+myTableACLs+`))
		OR EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SCHEMA_PRIVILEGES
			WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA AND PRIVILEGE_TYPE IN (`+myTableACLs+`))`,
		account, account, name).Scan(&granted); err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	if granted {
		return nil
	}
	// Grants per table, or through roles: see what is hidden. Each query
	// names the schema with a plain comparison, which MariaDB's
	// information_schema uses to open that schema's tables only.
	keys, err := stringSet(ctx, tx, `
		SELECT DISTINCT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
		WHERE TABLE_SCHEMA = ?`, name)
	if err != nil {
		return err
	}
	fks, err := stringSet(ctx, tx, `
		SELECT DISTINCT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
		WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL`, name)
	if err != nil {
		return err
	}
	checks, err := stringSet(ctx, tx, `
		SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`, name)
	if err != nil {
		return err
	}
	constraints, err := stringSet(ctx, tx, `
		SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
		WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE <> 'CHECK'`, name)
	if err != nil {
		return err
	}
	checkConstraints, err := stringSet(ctx, tx, `
		SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
		WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE = 'CHECK'`, name)
	if err != nil {
		return err
	}
	referential, err := stringSet(ctx, tx, `
		SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS
		WHERE CONSTRAINT_SCHEMA = ?`, name)
	if err != nil {
		return err
	}
	tables := map[string]bool{}
	for k := range keys {
		if !constraints[k] {
			tables[strings.SplitN(k, ".", 2)[0]] = true
		}
	}
	for k := range fks {
		if !referential[k] {
			tables[strings.SplitN(k, ".", 2)[0]] = true
		}
	}
	hiddenChecks := 0
	for c := range checks {
		if !checkConstraints[c] {
			hiddenChecks++
		}
	}
	if len(tables) == 0 && hiddenChecks == 0 {
		return nil
	}
	what := fmt.Sprintf("the check constraints of schema %s", name)
	if len(tables) > 0 {
		names := make([]string, 0, len(tables))
		for t := range tables {
			names = append(names, t)
		}
		slices.Sort(names)
		what = fmt.Sprintf("the constraints and foreign keys of %d tables of schema %s (%s): MariaDB shows them only with a privilege besides SELECT",
			len(names), name, someNames(names))
	}
	return &PrivilegeError{What: what, Grant: fmt.Sprintf("GRANT SELECT, SHOW VIEW ON %s.* TO %s", myIdent(name), account)}
}

// myTableACLs are the table privileges besides SELECT, each of which
// makes MariaDB 10.11 show a table's constraints (tried one by one; LOCK
// TABLES, EXECUTE, EVENT and the routine privileges do not).
const myTableACLs = `'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'REFERENCES', 'INDEX', 'ALTER',
	'CREATE VIEW', 'SHOW VIEW', 'TRIGGER', 'DELETE HISTORY'`

// myIdent quotes a MySQL identifier for a GRANT the user copies.
func myIdent(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// myAccount writes CURRENT_USER()'s user@host as 'user'@'host'.
func myAccount(s string) string {
	at := strings.LastIndex(s, "@")
	if at < 0 {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	q := func(p string) string { return "'" + strings.ReplaceAll(p, "'", "''") + "'" }
	return q(s[:at]) + "@" + q(s[at+1:])
}

func stringSet(ctx context.Context, tx *sql.Tx, query string, args ...any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("check privileges: %w", err)
	}
	defer func() { _ = rows.Close() }()
	set := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("check privileges: %w", err)
		}
		set[s] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check privileges: %w", err)
	}
	return set, nil
}
