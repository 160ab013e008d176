package main

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// PostgreSQL migrations create more than tables: enum and composite
// types, domains, functions and aggregates, standalone sequences (uptrace
// creates all of these). Left in the dev database, they make the next run
// fail ("type ... already exists"), so drift migrations counts them as
// content when it checks that the dev database is empty, and drops what
// it finds after the run. Objects that belong to an extension are the
// extension's, and left alone.

// pgObject is a schema object other than a table or view: its kind as
// DROP names it, and its name as DROP takes it.
type pgObject struct{ kind, name string }

func (o pgObject) String() string { return strings.ToLower(o.kind) + " " + o.name }

// pgObjectsQuery lists them in the schema ($1, or the current schema),
// functions with their argument types (regprocedure), types by name.
const pgObjectsQuery = `
WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = COALESCE(NULLIF($1, ''), current_schema()))
SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.oid::regprocedure::text
  FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text
  FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM ns)
   AND (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
UNION ALL
SELECT 'SEQUENCE', c.oid::regclass::text
  FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind = 'S'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
ORDER BY 1, 2`

// pgObjects lists the schema's types, functions and standalone sequences.
func pgObjects(ctx context.Context, db *sql.DB, schemaName string) ([]pgObject, error) {
	rows, err := db.QueryContext(ctx, pgObjectsQuery, schemaName)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []pgObject
	for rows.Next() {
		var o pgObject
		if err := rows.Scan(&o.kind, &o.name); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// dropPGObjects drops them, functions first (a function may use a type),
// each with CASCADE and IF EXISTS: an earlier drop may have taken a later
// one with it.
func dropPGObjects(ctx context.Context, db *sql.DB, objs []pgObject) error {
	for _, pass := range [][]string{{"FUNCTION", "AGGREGATE", "PROCEDURE"}, {"DOMAIN", "TYPE", "SEQUENCE"}} {
		for _, o := range objs {
			if !slices.Contains(pass, o.kind) {
				continue
			}
			// The name comes from the catalogue's own quoting
			// (regprocedure, regtype, regclass).
			if _, err := db.ExecContext(ctx, "DROP "+o.kind+" IF EXISTS "+o.name+" CASCADE"); err != nil {
				return fmt.Errorf("empty the dev database again: drop %s: %w", o, err)
			}
		}
	}
	return nil
}

// describeObjects names up to three objects for a message.
func describeObjects(objs []pgObject) string {
	var names []string
	for i, o := range objs {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(objs)-3))
			break
		}
		names = append(names, o.String())
	}
	return strings.Join(names, ", ")
}
