package live

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"
)

// SQLite: Atlas asks for every table's columns, indexes and foreign keys,
// and for every index's columns, one query each: 6,000 queries for 1,000
// tables with three indexes each. Most are quick (about 0.1 ms through
// modernc); the index-list query is not. It joins pragma_index_list('t')
// with sqlite_master on the index name, and SQLite's plan scans
// sqlite_master in the outer loop (it has no index on name) and runs the
// pragma once per sqlite_master row: 5,000 pragma calls per table, 5 million
// for the schema, 18.6 of Atlas's 21.6 s.
//
// The shortcuts read each kind of information for all tables at once, the
// first time Atlas asks for it, in one query per kind over sqlite_master and
// the pragma table functions, and then answer Atlas's per-table queries from
// memory (see memRows), with the rows and the row order those queries
// return.

// sqlitePerTable describes one per-table (or per-index) Atlas query and how
// to read its answers for every table at once.
type sqlitePerTable struct {
	// name identifies the shortcut.
	name string
	// atlas is Atlas's query, with %s for the table or index name.
	atlas string
	// columns are the result columns of Atlas's query.
	columns []string
	// keys lists the names this shortcut can answer for: the tables, or the
	// indexes of the tables. A name it cannot answer for goes to SQLite.
	keys string
	// bulk returns the name the row belongs to, then the columns of Atlas's
	// query, ordered as Atlas's query orders each name's rows.
	bulk string
}

const sqliteTableKeys = `SELECT name FROM sqlite_master WHERE type = 'table'`

var sqlitePerTables = []sqlitePerTable{
	{
		name:    "sqlite columns",
		atlas:   atlasSQLiteColumnsQuery,
		columns: []string{"name", "type", "nullable", "dflt_value", "pk", "hidden"},
		keys:    sqliteTableKeys,
		bulk: `
SELECT m.name, x.name, x.type, (NOT x."notnull") AS nullable, x.dflt_value, (x.pk <> 0) AS pk, x.hidden
FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS x
WHERE m.type = 'table'
ORDER BY m.rowid, x.cid`,
	},
	{
		// Atlas's query scans sqlite_master in the outer loop, so each
		// table's indexes come in sqlite_master order (m.rowid).
		name:    "sqlite indexes",
		atlas:   atlasSQLiteIndexesQuery,
		columns: []string{"name", "unique", "origin", "partial", "sql"},
		keys:    sqliteTableKeys,
		bulk: `
SELECT t.name, il.name, il."unique", il.origin, il.partial, m.sql
FROM sqlite_master AS t
	JOIN pragma_index_list(t.name) AS il
	JOIN sqlite_master AS m ON m.name = il.name
WHERE t.type = 'table'
ORDER BY t.rowid, m.rowid`,
	},
	{
		name:    "sqlite index columns",
		atlas:   atlasSQLiteIndexColumnsQuery,
		columns: []string{"name", "desc"},
		keys: `
SELECT il.name
FROM sqlite_master AS t JOIN pragma_index_list(t.name) AS il
WHERE t.type = 'table'`,
		bulk: `
SELECT il.name, x.name, x."desc"
FROM sqlite_master AS t
	JOIN pragma_index_list(t.name) AS il
	JOIN pragma_index_xinfo(il.name) AS x
WHERE t.type = 'table' AND x."key" = 1
ORDER BY il.name, x.seqno`,
	},
	{
		name:    "sqlite foreign keys",
		atlas:   atlasSQLiteFKsQuery,
		columns: []string{"id", "from", "to", "table", "on_update", "on_delete"},
		keys:    sqliteTableKeys,
		bulk: `
SELECT m.name, f.id, f."from", f."to", f."table", f.on_update, f.on_delete
FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
WHERE m.type = 'table'
ORDER BY m.rowid, f.id, f.seq`,
	},
}

// sqliteShortcuts returns the SQLite shortcuts, which serve rows through
// mem.
func sqliteShortcuts(mem *memRows) []shortcut {
	s := make([]shortcut, len(sqlitePerTables))
	for i, p := range sqlitePerTables {
		s[i] = p.shortcut(mem)
	}
	return s
}

func (p sqlitePerTable) shortcut(mem *memRows) shortcut {
	prefix, suffix, _ := strings.Cut(p.atlas, "%s")
	var (
		once    sync.Once
		byName  map[string][][]driver.Value
		loadErr error
	)
	return shortcut{
		name: p.name,
		answer: func(ctx context.Context, tx *sql.Tx, query string, _ []any) (*sql.Rows, bool, error) {
			if len(query) < len(prefix)+len(suffix) || !strings.HasPrefix(query, prefix) || !strings.HasSuffix(query, suffix) {
				return nil, false, nil
			}
			name := query[len(prefix) : len(query)-len(suffix)]
			once.Do(func() { byName, loadErr = p.load(ctx, tx) })
			if loadErr != nil {
				return nil, true, loadErr
			}
			rows, ok := byName[name]
			if !ok {
				return nil, false, nil
			}
			r, err := mem.Rows(ctx, memResult{columns: p.columns, rows: rows})
			return r, true, err
		},
	}
}

// load reads the answers for every name p covers.
func (p sqlitePerTable) load(ctx context.Context, tx *sql.Tx) (map[string][][]driver.Value, error) {
	byName := map[string][][]driver.Value{}
	if err := scanAll(ctx, tx, p.keys, 1, func(v []driver.Value) error {
		name, ok := v[0].(string)
		if !ok {
			return fmt.Errorf("unexpected name %v (%T)", v[0], v[0])
		}
		byName[name] = nil
		return nil
	}); err != nil {
		return nil, err
	}
	if err := scanAll(ctx, tx, p.bulk, 1+len(p.columns), func(v []driver.Value) error {
		name, ok := v[0].(string)
		if !ok {
			return fmt.Errorf("unexpected name %v (%T)", v[0], v[0])
		}
		byName[name] = append(byName[name], v[1:])
		return nil
	}); err != nil {
		return nil, err
	}
	return byName, nil
}

// scanAll runs query and calls fn with each row's values as the driver
// returned them (database/sql copies byte slices).
func scanAll(ctx context.Context, tx *sql.Tx, query string, n int, fn func([]driver.Value) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		vals := make([]any, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		dv := make([]driver.Value, n)
		for i, v := range vals {
			dv[i] = v
		}
		if err := fn(dv); err != nil {
			return err
		}
	}
	return rows.Err()
}
