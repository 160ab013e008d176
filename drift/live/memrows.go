package live

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// memRows hands rows already held in memory to code that wants *sql.Rows.
//
// Atlas's SQLite inspector asks for each table's columns, indexes, index
// columns and foreign keys one query at a time, and takes the answers as
// *sql.Rows, a type only database/sql can make. The shortcuts read all of
// them in four queries instead and serve the per-table answers through a
// private database/sql connector whose "queries" are keys of result sets
// registered a moment before. Nothing is registered globally; each
// inspection has its own.
type memRows struct {
	db *sql.DB

	mu      sync.Mutex
	pending map[string]memResult
	next    int
}

// memResult is one result set: column names and rows of driver values as
// the real driver returned them, so that Scan converts them exactly as it
// would have converted the real driver's.
type memResult struct {
	columns []string
	rows    [][]driver.Value
}

func newMemRows() *memRows {
	m := &memRows{pending: map[string]memResult{}}
	m.db = sql.OpenDB(memConnector{m})
	return m
}

// Rows returns r as *sql.Rows.
func (m *memRows) Rows(ctx context.Context, r memResult) (*sql.Rows, error) {
	m.mu.Lock()
	m.next++
	key := strconv.Itoa(m.next)
	m.pending[key] = r
	m.mu.Unlock()
	return m.db.QueryContext(ctx, key)
}

// Close releases the connector's database handle.
func (m *memRows) Close() error { return m.db.Close() }

func (m *memRows) take(key string) (memResult, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.pending[key]
	delete(m.pending, key)
	return r, ok
}

var errMemUnsupported = errors.New("live: in-memory rows only answer queries")

type memConnector struct{ m *memRows }

func (c memConnector) Connect(context.Context) (driver.Conn, error) { return memConn(c), nil }
func (c memConnector) Driver() driver.Driver                        { return memDriver{} }

type memDriver struct{}

func (memDriver) Open(string) (driver.Conn, error) { return nil, errMemUnsupported }

type memConn struct{ m *memRows }

func (memConn) Prepare(string) (driver.Stmt, error) { return nil, errMemUnsupported }
func (memConn) Close() error                        { return nil }
func (memConn) Begin() (driver.Tx, error)           { return nil, errMemUnsupported }

// QueryContext implements driver.QueryerContext.
func (c memConn) QueryContext(_ context.Context, key string, _ []driver.NamedValue) (driver.Rows, error) {
	r, ok := c.m.take(key)
	if !ok {
		return nil, fmt.Errorf("live: no in-memory result %q", key)
	}
	return &memCursor{r: r}, nil
}

type memCursor struct {
	r memResult
	i int
}

func (c *memCursor) Columns() []string { return c.r.columns }
func (c *memCursor) Close() error      { return nil }

func (c *memCursor) Next(dest []driver.Value) error {
	if c.i >= len(c.r.rows) {
		return io.EOF
	}
	copy(dest, c.r.rows[c.i])
	c.i++
	return nil
}
