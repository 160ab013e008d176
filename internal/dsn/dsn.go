// Package dsn parses the database URLs schemalint accepts and opens them
// with the right database/sql driver and Bun dialect:
//
//	postgres://user:password@host:5432/dbname?sslmode=disable   (also postgresql://)
//	mysql://user:password@host:3306/dbname                       (also mariadb://)
//	mysql://user@/dbname?socket=/run/mysqld/mysqld.sock
//	sqlite://relative/path.db, sqlite:///absolute/path.db, sqlite://:memory:
//
// Nothing this package returns, errors included, contains the password.
package dsn

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"
	"github.com/uptrace/bun/schema"
)

// Dialect names, as Bun's dialect.Name().String() spells them.
const (
	Postgres = "pg"
	MySQL    = "mysql"
	SQLite   = "sqlite"
)

// DSN is a parsed database URL.
type DSN struct {
	// Dialect is Postgres, MySQL or SQLite.
	Dialect string
	// Driver is the database/sql driver name.
	Driver string
	// Database is the database name, or the file path for SQLite.
	Database string
	// Redacted is the URL with the password replaced by "xxxxx", for
	// messages and logs.
	Redacted string

	driverDSN string
	u         *url.URL // nil for SQLite
	readOnly  bool
}

// ErrUnknownScheme is returned for a URL whose scheme is not one of
// postgres, postgresql, mysql, mariadb or sqlite.
var ErrUnknownScheme = errors.New("unknown database URL scheme")

// Parse parses a database URL.
func Parse(raw string) (DSN, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DSN{}, errors.New("empty database URL")
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return DSN{}, fmt.Errorf("database URL %q has no scheme: want postgres://, mysql:// or sqlite://", Redact(raw))
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return parsePostgres(raw)
	case "mysql", "mariadb":
		return parseMySQL(raw)
	case "sqlite", "sqlite3", "file":
		return parseSQLite(rest)
	}
	return DSN{}, fmt.Errorf("%w %q in %s: want postgres://, mysql:// or sqlite://", ErrUnknownScheme, scheme, Redact(raw))
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error repeats the whole URL, password included: keep only
		// the reason.
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid database URL %s: %w", Redact(raw), err)
	}
	return u, nil
}

func parsePostgres(raw string) (DSN, error) {
	u, err := parseURL(raw)
	if err != nil {
		return DSN{}, err
	}
	u.Scheme = "postgres"
	d := DSN{
		Dialect:  Postgres,
		Driver:   "pgx",
		Database: strings.TrimPrefix(u.Path, "/"),
		u:        u,
	}
	d.finish()
	return d, nil
}

func parseMySQL(raw string) (DSN, error) {
	u, err := parseURL(raw)
	if err != nil {
		return DSN{}, err
	}
	u.Scheme = "mysql"
	d := DSN{
		Dialect:  MySQL,
		Driver:   "mysql",
		Database: strings.TrimPrefix(u.Path, "/"),
		u:        u,
	}
	d.finish()
	return d, nil
}

func parseSQLite(rest string) (DSN, error) {
	path, query, _ := strings.Cut(rest, "?")
	if path == "" {
		return DSN{}, errors.New("sqlite URL has no file path: want sqlite://path/to/file.db or sqlite:///absolute/path.db")
	}
	if _, err := url.ParseQuery(query); err != nil {
		return DSN{}, fmt.Errorf("invalid sqlite URL parameters %q: %w", query, err)
	}
	d := DSN{Dialect: SQLite, Driver: sqliteshim.ShimName, Database: path}
	d.driverDSN = query
	d.finish()
	return d, nil
}

// finish computes the driver DSN and the redacted form.
func (d *DSN) finish() {
	switch d.Dialect {
	case Postgres:
		d.Redacted = d.u.Redacted()
		d.driverDSN = d.u.String()
	case MySQL:
		d.Redacted = d.u.Redacted()
		d.driverDSN = mysqlDriverDSN(d.u)
	case SQLite:
		d.Redacted = "sqlite://" + d.Database
	}
}

func mysqlDriverDSN(u *url.URL) string {
	cfg := mysql.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	q := u.Query()
	if sock := q.Get("socket"); sock != "" {
		cfg.Net, cfg.Addr = "unix", sock
		q.Del("socket")
	} else {
		cfg.Net, cfg.Addr = "tcp", u.Host
		if cfg.Addr == "" {
			cfg.Addr = "127.0.0.1:3306"
		} else if u.Port() == "" {
			cfg.Addr += ":3306"
		}
	}
	cfg.ParseTime = true
	cfg.Params = map[string]string{}
	for k, vs := range q {
		switch k {
		case "parseTime":
		case "timeout":
			if t, err := time.ParseDuration(vs[0]); err == nil {
				cfg.Timeout = t
			}
		default:
			cfg.Params[k] = vs[len(vs)-1]
		}
	}
	return cfg.FormatDSN()
}

// WithDatabase returns a copy of d that names another database (another
// file for SQLite).
func (d DSN) WithDatabase(name string) DSN {
	if d.u != nil {
		u := *d.u
		u.Path = "/" + name
		d.u = &u
	}
	d.Database = name
	d.finish()
	return d
}

// ReadOnly returns a copy of d that opens the database read-only where the
// driver can enforce it: SQLite files are opened with mode=ro. PostgreSQL and
// MySQL need a read-only transaction, which is the caller's to start.
func (d DSN) ReadOnly() DSN {
	d.readOnly = true
	return d
}

// String returns the redacted URL.
func (d DSN) String() string { return d.Redacted }

// URL returns the URL with the password, to hand to another schemalint
// process. Never print it.
func (d DSN) URL() string {
	if d.u != nil {
		return d.u.String()
	}
	s := "sqlite://" + d.Database
	if d.driverDSN != "" {
		s += "?" + d.driverDSN
	}
	return s
}

// DriverDSN returns the data source name the database/sql driver takes
// (a postgres:// URL for pgx, a go-sql-driver/mysql DSN, "file:path?..."
// for SQLite), password included, to hand to another process through its
// environment. Never print it.
func (d DSN) DriverDSN() string {
	if d.Dialect == SQLite {
		return d.sqliteDriverDSN()
	}
	return d.driverDSN
}

// Open opens the database with its database/sql driver. Like sql.Open it
// does not connect; call PingContext to find out whether the server
// answers.
func (d DSN) Open() (*sql.DB, error) {
	db, err := sql.Open(d.Driver, d.DriverDSN())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", d.Redacted, err)
	}
	if d.Dialect == SQLite && d.Database == ":memory:" {
		// Every new connection to :memory: is a new empty database.
		db.SetMaxOpenConns(1)
	}
	return db, nil
}

func (d DSN) sqliteDriverDSN() string {
	q, _ := url.ParseQuery(d.driverDSN)
	if !q.Has("_pragma") {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "busy_timeout(5000)")
	}
	if d.readOnly {
		q.Set("mode", "ro")
	}
	name := d.Database
	if name != ":memory:" {
		name = "file:" + name
	}
	if enc := q.Encode(); enc != "" {
		return name + "?" + enc
	}
	return name
}

// BunDialect returns a new Bun dialect for d.
func (d DSN) BunDialect() schema.Dialect {
	switch d.Dialect {
	case Postgres:
		return pgdialect.New()
	case MySQL:
		return mysqldialect.New()
	default:
		return sqlitedialect.New()
	}
}

// OpenBun opens the database and wraps it in a *bun.DB of the right
// dialect. MySQL's dialect asks the server its version on creation, so this
// connects for MySQL.
func (d DSN) OpenBun() (*bun.DB, error) {
	sqldb, err := d.Open()
	if err != nil {
		return nil, err
	}
	return bun.NewDB(sqldb, d.BunDialect()), nil
}

// Redact returns raw with any password replaced by "xxxxx". It works on
// strings that do not parse as URLs too, so it is safe for error messages.
func Redact(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	prefix := scheme + "://"
	if !ok {
		// No scheme ("postgres//u:pw@h/db", "u:pw@tcp(h)/db"): it may
		// still hold a password; hide it all the same.
		prefix, rest = "", raw
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return raw
	}
	// Take everything up to the last @ as user info, even when the @ might
	// belong to the path: hiding too much is harmless, showing a password
	// that contains / or @ is not.
	userinfo := rest[:at]
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return prefix + user + ":xxxxx@" + rest[at+1:]
	}
	return raw
}
