package live

import (
	"context"
	"database/sql"
	"fmt"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Queries listing the views of a schema and their columns in order, one
// row per column. Atlas's open-source inspector reads no views; drift only
// needs to know that a view a model maps to exists and which columns it
// has.
const (
	pgViews = `SELECT c.relname, a.attname
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('v', 'm') AND n.nspname = COALESCE(NULLIF($1, ''), current_schema())
ORDER BY c.relname, a.attnum`
	mysqlViews = `SELECT c.TABLE_NAME, c.COLUMN_NAME
FROM information_schema.COLUMNS c
JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE())
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`
	sqliteViews = `SELECT m.name, p.name
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type = 'view'
ORDER BY m.name, p.cid`
)

// inspectViews adds the schema's views to s.Views: name and column names
// only (no types, no definition).
func inspectViews(ctx context.Context, tx *sql.Tx, dialect, name string, s *schema.Schema) error {
	var (
		rows *sql.Rows
		err  error
	)
	switch dialect {
	case dsn.Postgres:
		rows, err = tx.QueryContext(ctx, pgViews, name)
	case dsn.MySQL:
		rows, err = tx.QueryContext(ctx, mysqlViews, name)
	default:
		rows, err = tx.QueryContext(ctx, sqliteViews)
	}
	if err != nil {
		return fmt.Errorf("views: %w", err)
	}
	defer func() { _ = rows.Close() }()
	var last *schema.View
	for rows.Next() {
		var view, column string
		if err := rows.Scan(&view, &column); err != nil {
			return fmt.Errorf("views: %w", err)
		}
		if last == nil || last.Name != view {
			last = &schema.View{Name: view, Schema: s}
			s.Views = append(s.Views, last)
		}
		last.Columns = append(last.Columns, &schema.Column{Name: column})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("views: %w", err)
	}
	return nil
}
