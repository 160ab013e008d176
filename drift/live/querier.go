package live

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// errWrite is returned when the inspector tries to run a statement through
// ExecContext. Atlas's inspection only reads; refusing here keeps a future
// Atlas version from writing through us unnoticed.
var errWrite = errors.New("live: inspection tried to execute a statement; it may only read")

// querier is the schema.ExecQuerier that Atlas's inspector runs on. Every
// query goes to the read-only transaction as Atlas wrote it, except the ones
// a shortcut recognises: those are answered faster with the same rows.
type querier struct {
	// ctx is the inspection's context, for queries Atlas sends without one
	// (it opens its driver with context.Background()).
	ctx       context.Context
	tx        *sql.Tx
	shortcuts []shortcut

	mu   sync.Mutex
	used map[string]int // shortcut name → times it answered; for tests
}

// A shortcut answers one of Atlas's catalogue queries faster than Atlas's
// own SQL does, with exactly the rows that SQL returns, in the same order.
type shortcut struct {
	// name identifies the shortcut in tests and error messages.
	name string
	// answer returns the rows for query, or ok=false when query is not the
	// Atlas query this shortcut replaces (or when it cannot answer it, in
	// which case the query runs as Atlas wrote it).
	answer func(ctx context.Context, tx *sql.Tx, query string, args []any) (rows *sql.Rows, ok bool, err error)
}

func newQuerier(ctx context.Context, tx *sql.Tx, shortcuts []shortcut) *querier {
	return &querier{ctx: ctx, tx: tx, shortcuts: shortcuts, used: map[string]int{}}
}

// QueryContext implements schema.ExecQuerier.
func (q *querier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if ctx.Done() == nil {
		ctx = q.ctx
	}
	for _, s := range q.shortcuts {
		rows, ok, err := s.answer(ctx, q.tx, query, args)
		if !ok {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		q.mu.Lock()
		q.used[s.name]++
		q.mu.Unlock()
		return rows, nil
	}
	return q.tx.QueryContext(ctx, query, args...)
}

// ExecContext implements schema.ExecQuerier and refuses every statement.
func (q *querier) ExecContext(context.Context, string, ...any) (sql.Result, error) {
	return nil, errWrite
}

// inListShortcut replaces an Atlas query that lists names (of tables, or
// of schemas) as `IN (<one placeholder per name>)` after a fixed number of
// leading arguments (the schema name, none, once or twice).
//
// atlas is Atlas's query template, verbatim, with %s where the placeholder
// list goes; placeholders writes that list as Atlas does for n names
// starting after the leading arguments. build returns the replacement query
// and its arguments.
func inListShortcut(name, atlas string, leading int, placeholders func(leading, n int) string,
	build func(leading []any, names []string) (string, []any)) shortcut {
	prefix, suffix, _ := strings.Cut(atlas, "%s")
	return shortcut{
		name: name,
		answer: func(ctx context.Context, tx *sql.Tx, query string, args []any) (*sql.Rows, bool, error) {
			n := len(args) - leading
			if n < 1 || !strings.HasPrefix(query, prefix) || !strings.HasSuffix(query, suffix) ||
				len(query) < len(prefix)+len(suffix) ||
				query[len(prefix):len(query)-len(suffix)] != placeholders(leading, n) {
				return nil, false, nil
			}
			names := make([]string, n)
			for i, a := range args[leading:] {
				s, isString := a.(string)
				if !isString {
					return nil, false, nil
				}
				names[i] = s
			}
			fast, fastArgs := build(args[:leading], names)
			rows, err := tx.QueryContext(ctx, fast, fastArgs...)
			return rows, true, err
		},
	}
}
