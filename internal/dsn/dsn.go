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
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
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

// schemeName is what a URL scheme looks like; anything else before "://"
// is not echoed in messages (it may be part of a password).
var schemeName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{0,19}$`)

// Parse parses a database URL. Its errors never contain the password, nor
// any other part of the user info.
func Parse(raw string) (DSN, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DSN{}, errors.New("empty database URL")
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		// Not echoed: a libpq "host=h password=pw" string or a
		// go-sql-driver "u:pw@tcp(h)/db" DSN holds the password in a form
		// no masking can be sure to catch.
		return DSN{}, errors.New("database URL has no scheme: want postgres://, mysql:// or sqlite:// (key=value and driver-specific DSNs are not accepted)")
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return parsePostgres(raw)
	case "mysql", "mariadb":
		return parseMySQL(raw)
	case "sqlite", "sqlite3", "file":
		return parseSQLite(rest)
	}
	if !schemeName.MatchString(scheme) {
		return DSN{}, fmt.Errorf("%w: want postgres://, mysql:// or sqlite://", ErrUnknownScheme)
	}
	return DSN{}, fmt.Errorf("%w %q: want postgres://, mysql:// or sqlite://", ErrUnknownScheme, scheme)
}

func parseURL(raw, dialect string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid %s URL%s; percent-encode / # ? @ : %% and spaces in the user name and password (as %%2F %%23 %%3F %%40 %%3A %%25 %%20)",
			dialect, parseFailure(raw, err))
	}
	if u.Opaque != "" || u.Host == "" && u.User != nil && u.Path == "" {
		return nil, fmt.Errorf("invalid %s URL: want %s://user:password@host:port/database", dialect, dialect)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("invalid %s URL parameters: percent-encode & = %% in their values", dialect)
	}
	d := map[string]string{"postgres": Postgres, "mysql": MySQL}[dialect]
	if err := checkParams(d, q); err != nil {
		return nil, err
	}
	return u, nil
}

// quoted finds what an error message quotes.
var quoted = regexp.MustCompile(`"([^"]*)"`)

// parseFailure describes why url.Parse rejected raw without showing any
// part of the user info. url.Parse quotes the part it choked on
// (`invalid port ":pw" after host` when the password holds a / # or ?),
// which is often the password: its reason is kept only when all it quotes
// lies after the last @ and nowhere before it, and the URL is shown from
// its last @ on.
func parseFailure(raw string, err error) string {
	at := strings.LastIndex(raw, "@")
	if at < 0 {
		return ": it does not parse as a URL"
	}
	head, tail := raw[:at], raw[at+1:]
	where := " …@" + strings.ToValidUTF8(strconv.QuoteToASCII(Redact(tail)), "")
	ue, ok := errors.AsType[*url.Error](err)
	if !ok {
		return where + ": it does not parse as a URL"
	}
	reason := ue.Err.Error()
	for _, m := range quoted.FindAllStringSubmatch(reason, -1) {
		if m[1] == "" || !strings.Contains(tail, m[1]) || strings.Contains(head, m[1]) {
			return where + ": it does not parse as a URL"
		}
	}
	return where + ": " + reason
}

func parsePostgres(raw string) (DSN, error) {
	u, err := parseURL(raw, "postgres")
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
	if name := u.Query().Get("dbname"); name != "" {
		// pgx prefers the parameter to the path.
		d.Database = name
	}
	d.finish()
	return d, nil
}

func parseMySQL(raw string) (DSN, error) {
	u, err := parseURL(raw, "mysql")
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
	if d.driverDSN, err = mysqlDriverDSN(u); err != nil {
		return DSN{}, err
	}
	d.finish()
	return d, nil
}

func parseSQLite(rest string) (DSN, error) {
	path, query, _ := strings.Cut(rest, "?")
	if path == "" {
		return DSN{}, errors.New("sqlite URL has no file path: want sqlite://path/to/file.db or sqlite:///absolute/path.db")
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return DSN{}, errors.New("invalid sqlite URL parameters: percent-encode & = % in their values")
	}
	if err := checkParams(SQLite, q); err != nil {
		return DSN{}, err
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
		d.Redacted = redactURL(d.u)
		d.driverDSN = d.u.String()
	case MySQL:
		d.Redacted = redactURL(d.u)
		d.driverDSN, _ = mysqlDriverDSN(d.u) // checked by parseMySQL
	case SQLite:
		d.Redacted = "sqlite://" + d.Database
	}
}

// redactURL returns u with the password of its user info and of its
// parameters replaced by "xxxxx".
func redactURL(u *url.URL) string {
	r := *u
	if _, has := r.User.Password(); has {
		r.User = url.UserPassword(r.User.Username(), "xxxxx")
	}
	q := r.Query()
	masked := false
	for _, k := range secretParams {
		if q.Has(k) {
			q.Set(k, "xxxxx")
			masked = true
		}
	}
	if masked {
		r.RawQuery = q.Encode()
	}
	return r.String()
}

// mysqlDriverDSN writes u as a go-sql-driver/mysql DSN. Every parameter
// goes to a field of the driver's Config; none is left in Config.Params,
// which the driver would run as `SET` statements.
func mysqlDriverDSN(u *url.URL) (string, error) {
	cfg := mysql.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	q := u.Query()
	if sock := q.Get("socket"); sock != "" {
		cfg.Net, cfg.Addr = "unix", sock
	} else {
		cfg.Net, cfg.Addr = "tcp", u.Host
		if cfg.Addr == "" {
			cfg.Addr = "127.0.0.1:3306"
		} else if u.Port() == "" {
			cfg.Addr += ":3306"
		}
	}
	q.Del("socket")
	q.Del("parseTime") // always on: Atlas scans times
	cfg.ParseTime = true
	base := cfg.FormatDSN()
	if len(q) > 0 {
		base += "&" + q.Encode()
	}
	// Let the driver read the parameters it knows, as it will when
	// connecting, to fail now on a bad value.
	parsed, err := mysql.ParseDSN(base)
	if err != nil {
		return "", fmt.Errorf("invalid mysql URL parameters: %s", Redact(err.Error()))
	}
	if len(parsed.Params) > 0 {
		for k := range parsed.Params {
			return "", &ParamError{Dialect: MySQL, Param: k}
		}
	}
	return base, nil
}

// WithDatabase returns a copy of d that names another database (another
// file for SQLite).
func (d DSN) WithDatabase(name string) DSN {
	if d.u != nil {
		u := *d.u
		u.Path = "/" + name
		if q := u.Query(); q.Has("dbname") {
			// It would win over the path.
			q.Del("dbname")
			u.RawQuery = q.Encode()
		}
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
	if d.Dialect == Postgres {
		if err := checkPGRuntimeParams(d.driverDSN); err != nil {
			return nil, err
		}
	}
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
	if !slices.ContainsFunc(q["_pragma"], func(p string) bool {
		return strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), "busy_timeout")
	}) {
		q.Add("_pragma", "busy_timeout(5000)")
	}
	q.Add("_pragma", "foreign_keys(1)")
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

// checkPGRuntimeParams refuses settings pgx would send in the startup
// packet beyond the application name: besides the URL (checked by Parse),
// pgx reads them from PGOPTIONS, PGSERVICE's file and other PG*
// environment variables.
func checkPGRuntimeParams(driverDSN string) error {
	cfg, err := pgconn.ParseConfig(driverDSN)
	if err != nil {
		return fmt.Errorf("invalid postgres URL: %s", Redact(err.Error()))
	}
	for k := range cfg.RuntimeParams {
		if k != "application_name" && k != "client_encoding" {
			return fmt.Errorf("postgres run-time setting %q (from the URL or a PG* environment variable such as PGOPTIONS) is not allowed: drift only reads", k)
		}
	}
	return nil
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

// Redact returns raw with any password replaced by "xxxxx": the one in
// the user info, the values of password parameters (?password=,
// &sslpassword=) and of libpq's key=value form (password=pw,
// password='p w'). It works on strings that do not parse as URLs too, so
// it is safe for error messages.
func Redact(raw string) string {
	return redactUserinfo(secretValue.ReplaceAllString(raw, "${1}xxxxx"))
}

// secretValue matches the value of a password parameter, in a URL query
// or a key=value string.
var secretValue = regexp.MustCompile(`(?i)((?:^|[?&;\s])(?:ssl)?(?:password|passwd|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^&;\s]*)`)

func redactUserinfo(raw string) string {
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

// Secrets returns the passwords raw holds, each in every form a message
// might show it: as written, percent-decoded, and re-encoded the ways
// net/url writes user info, paths and queries (url.URL.String turns
// "pw(x)!" into "pw%28x%29%21"). Callers mask each in whatever they print
// that did not come from this package. Longest first, so that masking one
// never leaves a tail of another.
func Secrets(raw string) []string {
	var found []string
	if _, rest, ok := strings.Cut(raw, "://"); ok {
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok {
				found = append(found, pw)
			}
		}
	}
	for _, m := range secretValue.FindAllStringSubmatch(raw, -1) {
		found = append(found, strings.Trim(m[2], "'"))
	}
	var out []string
	add := func(s string) {
		if s != "" && s != "xxxxx" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, pw := range found {
		add(pw)
		forms := []string{pw}
		if dec, err := url.PathUnescape(pw); err == nil {
			add(dec)
			forms = append(forms, dec)
		}
		if dec, err := url.QueryUnescape(pw); err == nil {
			add(dec)
			forms = append(forms, dec)
		}
		for _, f := range forms {
			add(url.QueryEscape(f))
			add(url.PathEscape(f))
			userinfo := url.UserPassword("", f).String()
			add(strings.TrimPrefix(userinfo, ":"))
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}
