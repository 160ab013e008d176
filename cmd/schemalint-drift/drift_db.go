package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"time"

	"ariga.io/atlas/sql/schema"
	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/internal/boundedread"
	"github.com/schemalint/schemalint/internal/dsn"
)

// dbCloser is an open database.
type dbCloser interface {
	SQL() *sql.DB
	Close() error
}

type openDB struct{ db *sql.DB }

func (o openDB) SQL() *sql.DB              { return o.db }
func (o openDB) Close() error              { return o.db.Close() }
func urlUnescape(s string) (string, error) { return url.PathUnescape(s) }

// connect opens d and checks, within timeout, that the server answers and
// lets us in; failures say which of these it was.
func connect(ctx context.Context, d dsn.DSN, timeout time.Duration) (dbCloser, error) {
	if d.Dialect == dsn.SQLite && d.Database != ":memory:" {
		// SQLite's own errors for a path it cannot use are misleading
		// ("unable to open database file: out of memory (14)" for an
		// unreadable file, "disk I/O error" for a directory), and
		// opening a FIFO blocks: check the path first.
		if err := checkSQLitePath(d.Database); err != nil {
			return nil, err
		}
	}
	db, err := d.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", d, err)
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := db.PingContext(cctx); err != nil {
		_ = db.Close()
		return nil, connectErr(cctx, d, timeout, err)
	}
	return openDB{db}, nil
}

// checkSQLitePath says why path cannot be read as a SQLite file, if it
// cannot.
func checkSQLitePath(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("database missing: SQLite file %s does not exist", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("permission denied: cannot reach SQLite file %s (a directory on the way is not searchable)", path)
	case err != nil:
		return fmt.Errorf("cannot read SQLite file %s: %w", path, err)
	case fi.IsDir():
		return fmt.Errorf("cannot read SQLite file %s: it is a directory", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("cannot read SQLite file %s: it is not a regular file (%s)", path, boundedread.Kind(fi.Mode()))
	}
	// A regular file: opening it cannot block.
	f, err := os.Open(path)
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("permission denied: cannot read SQLite file %s", path)
	}
	if err != nil {
		return fmt.Errorf("cannot read SQLite file %s: %w", path, err)
	}
	return f.Close()
}

// connectErr names what failed when connecting: the host, the login, the
// database, or the right to connect to it.
func connectErr(ctx context.Context, d dsn.DSN, timeout time.Duration, err error) error {
	var pgErr *pgconn.PgError
	var myErr *mysql.MySQLError
	var netErr net.Error
	switch {
	case errors.As(err, &pgErr):
		switch pgErr.Code {
		case "28P01", "28000":
			return fmt.Errorf("authentication failed for %s: %s", d, pgErr.Message)
		case "3D000":
			return fmt.Errorf("database missing: %s: %s", d, pgErr.Message)
		case "42501":
			return fmt.Errorf("permission denied: %s: %s", d, pgErr.Message)
		}
		return fmt.Errorf("cannot connect to %s: %s (SQLSTATE %s)", d, pgErr.Message, pgErr.Code)
	case errors.As(err, &myErr):
		switch myErr.Number {
		case 1045:
			return fmt.Errorf("authentication failed for %s: %s", d, myErr.Message)
		case 1049:
			return fmt.Errorf("database missing: %s: %s", d, myErr.Message)
		case 1044, 1142, 1227:
			return fmt.Errorf("permission denied: %s: %s", d, myErr.Message)
		}
		return fmt.Errorf("cannot connect to %s: %s (error %d)", d, myErr.Message, myErr.Number)
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		// The driver gives up first when the URL sets a shorter timeout:
		// name the one in force.
		if t, param := d.ConnectTimeout(); t > 0 && t < timeout && ctx.Err() == nil {
			return fmt.Errorf("host unreachable: %s did not answer within %v (%s in the URL)", d, t, param)
		}
		return fmt.Errorf("host unreachable: %s did not answer within %v (--timeout)", d, timeout)
	case isRefused(err):
		return fmt.Errorf("host unreachable: %s refused the connection (is the server running?)", d)
	}
	return fmt.Errorf("cannot connect to %s: %w", d, err)
}

func isRefused(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && strings.Contains(opErr.Err.Error(), "refused") ||
		strings.Contains(err.Error(), "connection refused")
}

// inspectErr names what failed while reading the schema.
func inspectErr(d dsn.DSN, schemaName string, timeout time.Duration, err error) error {
	var pgErr *pgconn.PgError
	var myErr *mysql.MySQLError
	var privErr *live.PrivilegeError
	switch {
	case errors.As(err, &privErr):
		// Not drift: what the user may not see looks missing.
		return fmt.Errorf("could not check %s: the user cannot see %s; grant it: %s", d, privErr.What, privErr.Grant)
	case schema.IsNotExistError(err):
		name := schemaName
		if name == "" {
			name = "of the connection"
		}
		return fmt.Errorf("schema missing: %s has no schema %s", d, name)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("reading the schema of %s took longer than %v (--timeout)", d, timeout)
	case errors.As(err, &pgErr) && pgErr.Code == "42501", errors.As(err, &myErr) && (myErr.Number == 1044 || myErr.Number == 1142):
		return fmt.Errorf("permission denied reading the schema of %s: %w", d, err)
	}
	return fmt.Errorf("reading the schema of %s: %w", d, err)
}
