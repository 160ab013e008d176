package dsn

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Connection URL parameters are an allow-list per driver. Drivers turn
// parameters they do not know into session settings: go-sql-driver/mysql
// runs `SET <name>=<value>` for each one when it connects, outside any
// read-only transaction (`?password=%27x%27` changes the account's
// password); pgx sends them in the startup packet as run-time settings
// (`?options=-c default_transaction_read_only=off`,
// `?search_path=...`); modernc's SQLite runs `PRAGMA <value>` for each
// `_pragma` (journal_mode=WAL writes to the file). Drift promises never to
// write, so only parameters that set up the connection itself are let
// through.

// allowedParams lists, per dialect, the query parameters a URL may carry.
var allowedParams = map[string][]string{
	Postgres: {
		"application_name", "connect_timeout", "dbname", "host", "password", "port",
		"sslcert", "sslkey", "sslmode", "sslpassword", "sslrootcert", "sslsni",
		"target_session_attrs", "user",
	},
	MySQL: {
		"allowCleartextPasswords", "allowNativePasswords", "charset", "collation", "loc",
		"parseTime", "readTimeout", "socket", "timeout", "tls", "writeTimeout",
	},
	SQLite: {"_pragma", "immutable", "mode"},
}

// secretParams are the parameters whose values are passwords, masked in
// every message.
var secretParams = []string{"password", "sslpassword", "passwd", "pwd"}

// ParamError reports a URL parameter drift does not accept. Its message
// names the parameter, never its value.
type ParamError struct {
	Dialect string
	Param   string
	// Reason is why the value is refused; empty when the parameter
	// itself is not allowed.
	Reason string
}

func (e *ParamError) Error() string {
	name := map[string]string{Postgres: "postgres", MySQL: "mysql", SQLite: "sqlite"}[e.Dialect]
	if e.Reason != "" {
		return fmt.Sprintf("%s URL parameter %q: %s", name, e.Param, e.Reason)
	}
	return fmt.Sprintf("%s URL parameter %q is not allowed: drift only reads, and a parameter the driver does not handle itself may change the session or the database; allowed: %s",
		name, printable(e.Param), strings.Join(allowedParams[e.Dialect], ", "))
}

// printable keeps a parameter name readable and short in a message.
func printable(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

var (
	// mysqlName is a character set or collation name. The driver pastes
	// them into `SET NAMES <charset> COLLATE <collation>`.
	mysqlName = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)
	// safePragma is a PRAGMA a SQLite URL may set: each only changes how
	// this connection behaves (waits for a lock, enforces foreign keys,
	// syncs and journals what it writes), none changes the file, which a
	// read-only run opens with mode=ro anyway. journal_mode(WAL) is left
	// out: it is recorded in the file. The scratch database of the
	// missing-migration check uses the last two for speed.
	safePragma = regexp.MustCompile(`^(?i)\s*(busy_timeout\s*\(\s*[0-9]{1,9}|foreign_keys\s*\(\s*(0|1|on|off|true|false)|synchronous\s*\(\s*(off|normal|full|0|1|2)|journal_mode\s*\(\s*memory)\s*\)\s*$`)
)

// checkParams refuses any parameter of q not allowed for dialect, and
// values that would reach SQL text or make the connection writable.
func checkParams(dialect string, q url.Values) error {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(allowedParams[dialect], k) {
			return &ParamError{Dialect: dialect, Param: k}
		}
		for _, v := range q[k] {
			if reason := checkValue(dialect, k, v); reason != "" {
				return &ParamError{Dialect: dialect, Param: k, Reason: reason}
			}
		}
	}
	return nil
}

func checkValue(dialect, k, v string) string {
	switch dialect + "/" + k {
	case MySQL + "/charset":
		for cs := range strings.SplitSeq(v, ",") {
			if !mysqlName.MatchString(cs) {
				return "want character set names (letters, digits, _), comma-separated"
			}
		}
	case MySQL + "/collation":
		if !mysqlName.MatchString(v) {
			return "want a collation name (letters, digits, _)"
		}
	case MySQL + "/timeout", MySQL + "/readTimeout", MySQL + "/writeTimeout":
		if d, err := time.ParseDuration(v); err != nil || d < 0 {
			return "want a duration such as 5s"
		}
	case Postgres + "/connect_timeout":
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			return "want a whole number of seconds"
		}
	case SQLite + "/_pragma":
		if !safePragma.MatchString(v) {
			return "only busy_timeout(N), foreign_keys(1|0), synchronous(...) and journal_mode(MEMORY) are allowed: other PRAGMAs can change the file"
		}
	case SQLite + "/mode":
		if v != "ro" {
			return `only mode=ro is allowed: drift opens SQLite files read-only`
		}
	case SQLite + "/immutable":
		if v != "0" && v != "1" {
			return "want 0 or 1"
		}
	}
	return ""
}

// ConnectTimeout returns the connection timeout the URL sets for the
// driver (PostgreSQL connect_timeout, MySQL timeout), and the parameter's
// name; zero when it sets none. A run that gives up sooner than --timeout
// says so.
func (d DSN) ConnectTimeout() (time.Duration, string) {
	if d.u == nil {
		return 0, ""
	}
	q := d.u.Query()
	switch d.Dialect {
	case Postgres:
		// libpq and pgx: seconds; 0 means wait forever.
		if n, err := strconv.Atoi(q.Get("connect_timeout")); err == nil && n > 0 {
			return time.Duration(n) * time.Second, "connect_timeout"
		}
	case MySQL:
		if t, err := time.ParseDuration(q.Get("timeout")); err == nil && t > 0 {
			return t, "timeout"
		}
	}
	return 0, ""
}
