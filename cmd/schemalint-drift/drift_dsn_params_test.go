package main

import (
	"context"
	"database/sql"
	"maps"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// withQuery returns raw with query parameters added.
func withQuery(t *testing.T, raw, query string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if u.RawQuery != "" {
		u.RawQuery += "&"
	}
	u.RawQuery += query
	return u.String()
}

// loginWorks connects with raw and pings.
func loginWorks(t *testing.T, raw string) error {
	t.Helper()
	d, err := dsn.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	db, err := d.Open()
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

func queryString(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	var s sql.NullString
	if err := db.QueryRowContext(t.Context(), q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s.String
}

// TestDriftRefusesSessionParamsOnMySQL: go-sql-driver/mysql runs every
// URL parameter it does not know as `SET name=value` when it connects,
// outside the read-only transaction; `?password='changed'` used to change
// the account's password. Each hostile parameter is refused (exit 2,
// naming it), and the account is as it was: same password hash, and the
// password still logs in.
func TestDriftRefusesSessionParamsOnMySQL(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	base := mysqlUser(t, db.DSN.Database)
	u, _ := url.Parse(base)
	user := u.User.Username()
	mustExec(t, db, "GRANT SELECT ON `"+db.DSN.Database+"`.* TO '"+user+"'@'%'")
	hash := func() string {
		return queryString(t, db.SQL(), "SELECT CONCAT(authentication_string, '|', plugin) FROM mysql.user WHERE user = ?", user)
	}
	before := hash()
	globalMode := queryString(t, db.SQL(), "SELECT @@GLOBAL.sql_mode")
	for _, tc := range []struct{ query, param string }{
		{"password=%27changed%27", `"password"`},
		{"sql_mode=%27ANSI_QUOTES%27", `"sql_mode"`},
		{"autocommit=1", `"autocommit"`},
		{"charset=utf8mb4%2Cpassword%3D%27changed%27", `"charset"`},
		{"collation=utf8mb4_bin%20password", `"collation"`},
		{"allowAllFiles=true", `"allowAllFiles"`},
	} {
		for _, via := range []string{"--dsn", "--dsn-env"} {
			raw := withQuery(t, base, tc.query)
			args := []string{"drift", "--models", "./schema", "--migrations", "./migrations"}
			var env map[string]string
			if via == "--dsn" {
				args = append(args, "--dsn", raw)
			} else {
				args = append(args, "--dsn-env", "SL_DSN")
				env = map[string]string{"SL_DSN": raw}
			}
			r := runDrift(t, repoRoot, env, args...)
			if r.Code != 2 || !strings.Contains(r.Stderr, tc.param) || r.Stdout != "" {
				t.Errorf("%s ?%s: exit %d, want 2 naming %s\nstdout:\n%s\nstderr:\n%s", via, tc.query, r.Code, tc.param, r.Stdout, r.Stderr)
			}
			if strings.Contains(r.Stdout+r.Stderr, mustNotLeak) || strings.Contains(r.Stdout+r.Stderr, "changed") {
				t.Errorf("%s ?%s prints a secret:\n%s%s", via, tc.query, r.Stdout, r.Stderr)
			}
		}
	}
	if after := hash(); after != before {
		t.Errorf("the account's password changed: %q → %q", before, after)
	}
	if err := loginWorks(t, base); err != nil {
		t.Errorf("the account's password no longer logs in: %v", err)
	}
	if after := queryString(t, db.SQL(), "SELECT @@GLOBAL.sql_mode"); after != globalMode {
		t.Errorf("global sql_mode changed: %q → %q", globalMode, after)
	}
}

// TestDriftRefusesSessionParamsOnPostgres: pgx sends URL parameters it
// does not know, and PGOPTIONS, as run-time settings in the startup
// packet (`options=-c default_transaction_read_only=off` lifts the
// reader's read-only default). They are refused before connecting (exit
// 2, naming them); the role's attributes and settings are unchanged, its
// password still logs in, and the server never saw the role log in.
func TestDriftRefusesSessionParamsOnPostgres(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	role := pgRole(t, db, "sl_drift_params",
		"ALTER ROLE %[1]s SET default_transaction_read_only = on",
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO %[1]s")
	base := withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, db.DSN.Database)
	// pg_roles, not pg_authid: CI's test role is no superuser, so it reads
	// no password hash; loginWorks below shows the password unchanged.
	state := func() string {
		return queryString(t, db.SQL(), `SELECT r::text || '|' || coalesce(array_to_string(s.setconfig, ','), '')
			FROM pg_roles r LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid WHERE r.rolname = $1`, role)
	}
	before := state()
	for _, tc := range []struct {
		query, param string
		env          map[string]string
	}{
		{query: "options=-c%20default_transaction_read_only%3Doff", param: `"options"`},
		{query: "search_path=evil", param: `"search_path"`},
		{query: "default_transaction_read_only=off", param: `"default_transaction_read_only"`},
		{query: "service=evil", param: `"service"`},
		{param: `"options"`, env: map[string]string{"PGOPTIONS": "-c default_transaction_read_only=off"}},
	} {
		raw := base
		if tc.query != "" {
			raw = withQuery(t, base, tc.query)
		}
		env := map[string]string{"SL_DSN": raw}
		maps.Copy(env, tc.env)
		r := runDrift(t, repoRoot, env, referenceArgs...)
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.param) || r.Stdout != "" {
			t.Errorf("?%s %v: exit %d, want 2 naming %s\nstdout:\n%s\nstderr:\n%s", tc.query, tc.env, r.Code, tc.param, r.Stdout, r.Stderr)
		}
		if strings.Contains(r.Stdout+r.Stderr, mustNotLeak) {
			t.Errorf("?%s prints the password:\n%s%s", tc.query, r.Stdout, r.Stderr)
		}
	}
	if after := state(); after != before {
		t.Errorf("the role changed: %q → %q", before, after)
	}
	if err := loginWorks(t, base); err != nil {
		t.Errorf("the role no longer logs in: %v", err)
	}
}
