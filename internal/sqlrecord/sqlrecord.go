// Package sqlrecord is a database/sql connector for tests that records the
// statements Bun sends instead of running them, so a test can compare what
// Bun would execute with what schemalint reads statically. Queries are
// refused except the version query Bun's MySQL dialect sends on start-up,
// answered as MySQL 8.0.
package sqlrecord

import (
	"context"
	"database/sql/driver"
	"io"
	"sync"
)

// Recorder records every statement executed through connections it makes.
// Use it with sql.OpenDB.
type Recorder struct {
	mu   sync.Mutex
	all  []string
	seen int
}

var _ driver.Connector = (*Recorder)(nil)

// Take returns the statements recorded since the last Take.
func (r *Recorder) Take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.all[r.seen:]
	r.seen = len(r.all)
	return out
}

// All returns every statement recorded.
func (r *Recorder) All() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.all...)
}

// Connect returns a recording connection.
func (r *Recorder) Connect(context.Context) (driver.Conn, error) { return &conn{r}, nil }

// Driver is unused by sql.OpenDB's callers here.
func (r *Recorder) Driver() driver.Driver { return nil }

type conn struct{ r *Recorder }

func (c *conn) ExecContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Result, error) {
	c.r.mu.Lock()
	defer c.r.mu.Unlock()
	c.r.all = append(c.r.all, query)
	return driver.RowsAffected(0), nil
}

func (c *conn) QueryContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Rows, error) {
	if query == "SELECT version()" {
		return &versionRows{}, nil
	}
	return nil, io.ErrUnexpectedEOF
}

func (c *conn) Prepare(string) (driver.Stmt, error) { return nil, driver.ErrSkip }
func (c *conn) Close() error                        { return nil }
func (c *conn) Begin() (driver.Tx, error)           { return c, nil }
func (c *conn) Commit() error                       { return nil }
func (c *conn) Rollback() error                     { return nil }

// versionRows answers SELECT version() as a MySQL 8.0 server.
type versionRows struct{ done bool }

func (v *versionRows) Columns() []string { return []string{"version"} }
func (v *versionRows) Close() error      { return nil }
func (v *versionRows) Next(dest []driver.Value) error {
	if v.done {
		return io.EOF
	}
	v.done = true
	dest[0] = "8.0.36"
	return nil
}
