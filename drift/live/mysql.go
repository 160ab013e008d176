package live

import "strings"

// MySQL and MariaDB: Atlas's inspection is fast except for its foreign-key
// query, 1.3 s of its 1.6 s with 1,000 tables and 2,000 foreign keys on
// MariaDB 10.11. That query joins KEY_COLUMN_USAGE with
// REFERENTIAL_CONSTRAINTS on the constraint name alone and filters both on
// BINARY schema comparisons, which MariaDB cannot use to pick the schema to
// read: EXPLAIN shows "Scanned all databases", and the block nested-loop
// join reads REFERENTIAL_CONSTRAINTS, opening every table of every
// database, once per join-buffer fill. The replacement reads
// REFERENTIAL_CONSTRAINTS of the one schema once, into a derived table (the
// LIMIT keeps the optimizer from merging it back), and adds plain schema
// comparisons next to the BINARY ones, which the information_schema
// optimisation can use: 0.06 s, same rows, same order.

// mysqlArgs writes n "?" placeholders as Atlas's MySQL nArgs does.
func mysqlArgs(_, n int) string {
	return strings.Repeat("?, ", n-1) + "?"
}

// mysqlShortcuts returns the MySQL/MariaDB shortcuts.
func mysqlShortcuts() []shortcut {
	return []shortcut{
		inListShortcut("mysql foreign keys", atlasMySQLFKsQuery, 2, mysqlArgs,
			func(leading []any, tables []string) (string, []any) {
				// Atlas passes the table schema, then the constraint schema.
				tableSchema, constraintSchema := leading[0], leading[1]
				args := []any{constraintSchema, constraintSchema, tableSchema, tableSchema}
				for _, t := range tables {
					args = append(args, t)
				}
				return strings.Replace(mysqlFKsQuery, "%s", mysqlArgs(0, len(tables)), 1), args
			}),
	}
}

// mysqlFKsQuery replaces Atlas's fksQuery; %s is the table placeholders.
const mysqlFKsQuery = `
SELECT
	t1.CONSTRAINT_NAME,
	t1.TABLE_NAME,
	t1.COLUMN_NAME,
	t1.TABLE_SCHEMA,
	t1.REFERENCED_TABLE_NAME,
	t1.REFERENCED_COLUMN_NAME,
	t1.REFERENCED_TABLE_SCHEMA,
	t2.UPDATE_RULE,
	t2.DELETE_RULE
FROM
	INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS t1
	JOIN (
		SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
		FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS
		WHERE CONSTRAINT_SCHEMA = ? AND BINARY CONSTRAINT_SCHEMA = ?
		LIMIT 18446744073709551615
	) AS t2
	ON t1.CONSTRAINT_NAME = t2.CONSTRAINT_NAME
WHERE
	t1.REFERENCED_COLUMN_NAME IS NOT NULL
	AND t1.TABLE_SCHEMA = ? AND BINARY t1.TABLE_SCHEMA = ?
	AND t1.TABLE_NAME IN (%s)
ORDER BY
	BINARY t1.TABLE_NAME,
	BINARY t1.CONSTRAINT_NAME,
	t1.ORDINAL_POSITION`
