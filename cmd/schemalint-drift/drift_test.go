package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schemalint/schemalint/drift/live/benchschema"
	"github.com/schemalint/schemalint/internal/clitest"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// The repository root holds the reference models and migrations.
const repoRoot = "../.."

var (
	driftCacheOnce sync.Once
	driftCache     string
)

// driftCacheDir is the program cache all drift runs of the test binary
// share (removed with the binary by TestMain): the first run builds, the
// others reuse, as on a user's machine.
func driftCacheDir() string {
	driftCacheOnce.Do(func() { driftCache = filepath.Join(filepath.Dir(bin), "drift-cache") })
	return driftCache
}

// runDrift runs the binary in dir with extra environment variables,
// for at most five minutes.
func runDrift(t *testing.T, dir string, env map[string]string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	vars := []string{"SCHEMALINT_CACHE_DIR=" + driftCacheDir()}
	for k, v := range env {
		vars = append(vars, k+"="+v)
	}
	return clitest.Run(ctx, t, bin, dir, vars, args...)
}

// referenceArgs compare the reference models and migrations with the
// database in $SL_DSN.
var referenceArgs = []string{"drift", "--dsn-env", "SL_DSN", "--models", "./schema", "--migrations", "./migrations"}

// TestDriftReferenceIsSilent: the reference schema migrated by its own
// migrations shows no drift on any database, through the real binary:
// no output, exit 0.
func TestDriftReferenceIsSilent(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		testdb.Reference(t, db)
		r := runDrift(t, repoRoot, map[string]string{"SL_DSN": db.DSN.URL()}, referenceArgs...)
		if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
		}
	})
}

type driftJSON struct {
	Findings []struct {
		Rule     string `json:"rule"`
		Name     string `json:"name"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Subject  string `json:"subject"`
		Object   string `json:"object"`
		SQL      string `json:"sql"`
		Package  string `json:"package"`
		Position struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"position"`
	} `json:"findings"`
	Summary map[string]int `json:"summary"`
}

// TestDriftReportsDrift: a dropped column is reported in every format,
// with its position, repair SQL and exit code; --fail-on and baselines
// work as for lint.
func TestDriftReportsDrift(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		testdb.Reference(t, db)
		if _, err := db.SQL().ExecContext(t.Context(), "ALTER TABLE users DROP COLUMN image"); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{"SL_DSN": db.DSN.URL()}
		args := func(extra ...string) []string { return append(append([]string(nil), referenceArgs...), extra...) }

		r := runDrift(t, repoRoot, env, args("--format", "json")...)
		var out driftJSON
		if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil || r.Code != 1 {
			t.Fatalf("exit %d, %v\n%s\n%s", r.Code, err, r.Stdout, r.Stderr)
		}
		if len(out.Findings) != 1 {
			t.Fatalf("findings: %+v", out.Findings)
		}
		f := out.Findings[0]
		if f.Rule != "DR003" || f.Name != "column-missing" || f.Severity != "error" || f.Object != "users.image" ||
			f.Subject != "User.Image" || f.Position.File != "schema/user.go" || f.Position.Line != 28 ||
			f.Package != "github.com/schemalint/schemalint/schema" || !strings.Contains(strings.ToLower(f.SQL), "add column") {
			t.Errorf("finding %+v", f)
		}

		r = runDrift(t, repoRoot, env, args()...)
		if r.Code != 1 || !strings.HasPrefix(r.Stdout, "schema/user.go:28:2 (users.image): DR003 error: column users.image is missing") ||
			!strings.Contains(r.Stdout, "1 finding (1 error)") {
			t.Errorf("text: exit %d\n%s", r.Code, r.Stdout)
		}
		r = runDrift(t, repoRoot, env, args("--format", "sql")...)
		if r.Code != 1 || !strings.Contains(r.Stdout, "-- DR003 column-missing (error)") || !strings.Contains(strings.ToUpper(r.Stdout), "ADD COLUMN") {
			t.Errorf("sql: exit %d\n%s", r.Code, r.Stdout)
		}
		r = runDrift(t, repoRoot, env, args("--format", "github")...)
		if r.Code != 1 || !strings.Contains(r.Stdout, "::error file=schema/user.go,line=28") {
			t.Errorf("github: exit %d\n%s", r.Code, r.Stdout)
		}
		r = runDrift(t, repoRoot, env, args("--format", "sarif")...)
		if r.Code != 1 || !strings.Contains(r.Stdout, `"ruleId": "DR003"`) {
			t.Errorf("sarif: exit %d\n%s", r.Code, r.Stdout)
		} else if err := clitest.ValidSARIF(t, r.Stdout); err != nil {
			t.Errorf("drift's SARIF is not valid SARIF 2.1.0: %v", err)
		}

		baseline := filepath.Join(t.TempDir(), "drift-baseline.json")
		if r = runDrift(t, repoRoot, env, args("--baseline-write", baseline)...); r.Code != 0 || !strings.Contains(r.Stderr, "recorded 1 findings") {
			t.Errorf("baseline-write: exit %d %s", r.Code, r.Stderr)
		}
		if r = runDrift(t, repoRoot, env, args("--baseline", baseline)...); r.Code != 0 || r.Stdout != "" {
			t.Errorf("with the baseline: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
		}
	})
}

// TestDriftFailOn: an info finding fails only --fail-on info.
func TestDriftFailOn(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	testdb.Reference(t, db)
	if _, err := db.SQL().ExecContext(t.Context(), "CREATE TABLE legacy_things (id integer PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SL_DSN": db.DSN.URL()}
	r := runDrift(t, repoRoot, env, referenceArgs...)
	if r.Code != 0 || !strings.Contains(r.Stdout, "legacy_things: DR002 info") {
		t.Errorf("default --fail-on warning: exit %d\n%s", r.Code, r.Stdout)
	}
	if r = runDrift(t, repoRoot, env, append(referenceArgs, "--fail-on", "info")...); r.Code != 1 {
		t.Errorf("--fail-on info: exit %d", r.Code)
	}
	if r = runDrift(t, repoRoot, env, append(referenceArgs, "--exclude", "legacy_*")...); r.Code != 0 || r.Stdout != "" {
		t.Errorf("--exclude: exit %d\n%s", r.Code, r.Stdout)
	}
}

// TestDriftConfigFile: the drift section of .schemalint.yml supplies the
// settings; a flag overrides it.
func TestDriftConfigFile(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	testdb.Reference(t, db)
	if _, err := db.SQL().ExecContext(t.Context(), "CREATE TABLE legacy_things (id integer PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "drift.yml")
	content := fmt.Sprintf("drift:\n  dsn_env: SL_CONFIG_DSN\n  models: [%s/schema]\n  migrations: [%s/migrations]\n  fail_on: info\n  timeout: 20s\n", abs, abs)
	if err := os.WriteFile(cfg, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SL_CONFIG_DSN": db.DSN.URL()}
	if r := runDrift(t, repoRoot, env, "drift", "--config", cfg); r.Code != 1 || !strings.Contains(r.Stdout, "DR002") {
		t.Errorf("from the configuration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := runDrift(t, repoRoot, env, "drift", "--config", cfg, "--fail-on", "warning"); r.Code != 0 {
		t.Errorf("--fail-on overriding the configuration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// copyDriftMod copies the missing-migration fixture module to a
// temporary directory (the program is generated inside it).
func copyDriftMod(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/driftmod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDriftMigrations: the missing-migration check passes on a module
// whose migrations create what its models say, and fails (exit 1, the
// finding) once a model gains a field no migration adds.
func TestDriftMigrations(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	args := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
	if r := runDrift(t, dir, nil, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("unchanged models: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	file := filepath.Join(dir, "models", "models.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "\tEmail string `bun:\"email,notnull,unique\"`\n",
		"\tEmail string `bun:\"email,notnull,unique\"`\n\tName  string `bun:\"name,notnull\"`\n", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same check through the flag rather than the subcommand.
	flagArgs := []string{"drift", "--mode", "migrations", "--models", "./models", "--migrations", "./migrations"}
	r := runDrift(t, dir, nil, flagArgs...)
	if r.Code != 1 || !strings.Contains(r.Stdout, "models/models.go:14:2 (accounts.name): DR003 error: column accounts.name is missing") {
		t.Fatalf("a field without a migration: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "models")); len(entries) != 1 {
		t.Errorf("the generated program was left behind: %v", entries)
	}
}

// TestDriftMigrationsDevDatabase: with --dev-url the reference migrations
// run on an empty PostgreSQL or MySQL database, which compares clean and
// is emptied again; a database holding a table is refused.
func TestDriftMigrationsDevDatabase(t *testing.T) {
	t.Parallel()
	for _, d := range []string{dsn.Postgres, dsn.MySQL} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testdb.New(t, d)
			env := map[string]string{"SL_DEV": db.DSN.URL()}
			args := []string{"drift", "migrations", "--dev-url-env", "SL_DEV", "--models", "./schema", "--migrations", "./migrations"}
			if r := runDrift(t, repoRoot, env, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
				t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
			}
			var n int
			q := "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
			if d == dsn.MySQL {
				q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
			}
			if err := db.SQL().QueryRowContext(t.Context(), q).Scan(&n); err != nil || n != 0 {
				t.Errorf("%d tables left in the dev database (%v)", n, err)
			}
			if _, err := db.SQL().ExecContext(t.Context(), "CREATE TABLE somebody_elses (id integer)"); err != nil {
				t.Fatal(err)
			}
			r := runDrift(t, repoRoot, env, args...)
			if r.Code != 2 || !strings.Contains(r.Stderr, "is not empty (1 tables and views)") {
				t.Errorf("non-empty dev database: exit %d\n%s", r.Code, r.Stderr)
			}
		})
	}
}

// withCredentials returns the server URL of env with another user,
// password and database.
func withCredentials(t *testing.T, env, user, password, database string) string {
	t.Helper()
	u, err := url.Parse(testdb.AdminURL(env))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	u.Path = "/" + database
	return u.String() // the query (sslmode=disable) stays
}

func adminUser(t *testing.T, env string) string {
	t.Helper()
	u, err := url.Parse(testdb.AdminURL(env))
	if err != nil {
		t.Fatal(err)
	}
	return u.User.Username()
}

// mustNotLeak is the password the bad-input cases put in their URLs; it must
// never be printed.
const mustNotLeak = "Dr1ft-S3cr3t-pw"

// TestDriftBadInput is the catalogue of what drift cannot check: each is
// exit 2 and one line naming what failed, and the password of the URL
// appears nowhere.
func TestDriftBadInput(t *testing.T) {
	t.Parallel()
	silent := listenSilently(t)
	missingFile := filepath.Join(t.TempDir(), "nope.db")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
		// setup prepares a server-side case and returns the URL to use
		// (in $SL_DSN).
		setup func(t *testing.T) string
		dir   func(t *testing.T) string
	}{
		{name: "no database", args: []string{"drift", "--models", "./schema"},
			want: "no database: give --dsn URL or --dsn-env VARIABLE"},
		{name: "unset variable", args: []string{"drift", "--dsn-env", "SL_UNSET_VARIABLE"},
			want: "environment variable SL_UNSET_VARIABLE (--dsn-env) is empty or unset"},
		{name: "both --dsn and --dsn-env", args: []string{"drift", "--dsn", "sqlite://x.db", "--dsn-env", "SL_DSN"},
			env: map[string]string{"SL_DSN": "sqlite://y.db"}, want: "give --dsn or --dsn-env, not both"},
		{name: "unknown scheme", args: []string{"drift", "--dsn", "oracle://scott:" + mustNotLeak + "@db.example.com/orcl"},
			want: `unknown database URL scheme "oracle"`},
		{name: "bad URL", args: []string{"drift", "--dsn", "postgres://app:" + mustNotLeak + "@db.example.com:port/app"},
			want: `invalid postgres URL …@"db.example.com:port/app": invalid port ":port" after host`},
		{name: "connection refused", args: []string{"drift", "--dsn-env", "SL_DSN", "--timeout", "5s"},
			env:  map[string]string{"SL_DSN": "postgres://app:" + mustNotLeak + "@127.0.0.1:1/app?sslmode=disable"},
			want: "host unreachable: postgres://app:xxxxx@127.0.0.1:1/app?sslmode=disable refused the connection"},
		{name: "host does not answer", args: []string{"drift", "--dsn-env", "SL_DSN", "--timeout", "1s"},
			env:  map[string]string{"SL_DSN": "postgres://app:" + mustNotLeak + "@" + silent + "/app?sslmode=disable"},
			want: "did not answer within 1s (--timeout)"},
		{name: "SQLite file missing", args: []string{"drift", "--dsn", "sqlite://" + missingFile},
			want: "database missing: SQLite file " + missingFile + " does not exist"},
		{name: "PostgreSQL authentication", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: func(t *testing.T) string {
				return withCredentials(t, testdb.EnvPostgres, "sl_no_such_role", mustNotLeak, "postgres")
			}, want: "authentication failed for postgres://sl_no_such_role:xxxxx@"},
		{name: "MySQL authentication", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: func(t *testing.T) string {
				return withCredentials(t, testdb.EnvMySQL, adminUser(t, testdb.EnvMySQL), mustNotLeak, "")
			}, want: "authentication failed for mysql://"},
		{name: "PostgreSQL database missing", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: func(t *testing.T) string {
				return withCredentials(t, testdb.EnvPostgres, adminUser(t, testdb.EnvPostgres), pgAdminPassword(t), "sl_no_such_db")
			}, want: `database missing: `},
		{name: "MySQL database missing", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: func(t *testing.T) string {
				// A user without privileges on the database would be
				// told "access denied" (MySQL does not say which
				// databases exist): the name is one of those the test
				// account may create (sltest_*, see .ci/run).
				u, err := url.Parse(testdb.AdminURL(testdb.EnvMySQL))
				if err != nil {
					t.Fatal(err)
				}
				u.Path = "/sltest_no_such_db"
				return u.String()
			}, want: "database missing: "},
		{name: "PostgreSQL permission denied", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: pgNoConnect, want: "permission denied: "},
		{name: "MySQL permission denied", args: []string{"drift", "--dsn-env", "SL_DSN"},
			setup: mysqlNoGrant, want: "permission denied: "},
		{name: "schema missing", args: []string{"drift", "--dsn-env", "SL_DSN", "--schema", "sl_no_such_schema", "--models", "./schema"},
			setup: func(t *testing.T) string {
				return testdb.Postgres(t).DSN.URL()
			}, want: "schema missing: "},
		{name: "models do not compile", args: []string{"drift", "--dsn-env", "SL_DSN", "--models", "./models"},
			setup: func(t *testing.T) string { return "sqlite://" + sqliteFile(t) },
			dir: func(t *testing.T) string {
				dir := copyDriftMod(t)
				f := filepath.Join(dir, "models", "models.go")
				b, _ := os.ReadFile(f)
				if err := os.WriteFile(f, append(b, "\nvar broken = notDefined\n"...), 0o644); err != nil {
					t.Fatal(err)
				}
				return dir
			}, want: "models do not compile: models/models.go:16:14: undefined: notDefined"},
		{name: "no models", args: []string{"drift", "--dsn-env", "SL_DSN", "--models", "./migrations"},
			setup: func(t *testing.T) string { return "sqlite://" + sqliteFile(t) },
			dir:   copyDriftMod, want: "models: no Bun models in ./migrations"},
		{name: "unknown format", args: []string{"drift", "--dsn", "sqlite://x.db", "--format", "xml"},
			want: `--format "xml": want text, json, sarif, github, sql`},
		{name: "unknown severity", args: []string{"drift", "--dsn", "sqlite://x.db", "--fail-on", "fatal"},
			want: `--fail-on: unknown severity "fatal"`},
		{name: "bad timeout", args: []string{"drift", "--dsn", "sqlite://x.db", "--timeout", "-1s"},
			want: "--timeout must be positive"},
		{name: "argument", args: []string{"drift", "./schema"},
			want: `drift takes no arguments (got "./schema")`},
		{name: "migrations mode without migrations", args: []string{"drift", "migrations", "--models", "./schema"},
			want: "drift migrations needs --migrations PATTERN"},
		{name: "bad configuration", args: []string{"drift", "--dsn", "sqlite://x.db"},
			dir: func(t *testing.T) string {
				dir := copyDriftMod(t)
				cfg := "drift:\n  dsn: postgres://app:" + mustNotLeak + "@db/app\n"
				if err := os.WriteFile(filepath.Join(dir, ".schemalint.yml"), []byte(cfg), 0o644); err != nil {
					t.Fatal(err)
				}
				return dir
			}, want: `line 2: unknown key "dsn"`},
	}
	if len(cases) < 12 {
		t.Fatalf("the catalogue has %d cases, the issue asks for at least 12", len(cases))
	}
	for _, tc := range cases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			t.Parallel()
			env := maps.Clone(tc.env)
			if env == nil {
				env = map[string]string{}
			}
			if tc.setup != nil {
				env["SL_DSN"] = tc.setup(t)
			}
			dir := repoRoot
			if tc.dir != nil {
				dir = tc.dir(t)
			}
			start := time.Now()
			r := runDrift(t, dir, env, tc.args...)
			if r.Code != 2 || r.Stdout != "" || !strings.Contains(r.Stderr, tc.want) ||
				strings.Count(strings.TrimRight(r.Stderr, "\n"), "\n") != 0 || !strings.HasPrefix(r.Stderr, "schemalint: ") {
				t.Errorf("exit %d, want 2 and one line with %q\nstdout: %s\nstderr: %s", r.Code, tc.want, r.Stdout, r.Stderr)
			}
			for _, s := range []string{mustNotLeak, url.QueryEscape(mustNotLeak)} {
				if strings.Contains(r.Stdout+r.Stderr, s) {
					t.Errorf("the password is printed:\n%s%s", r.Stdout, r.Stderr)
				}
			}
			if elapsed := time.Since(start); tc.name == "host does not answer" && elapsed > 20*time.Second {
				t.Errorf("--timeout 1s took %v", elapsed)
			}
		})
	}
}

// listenSilently accepts TCP connections and never answers: a host that
// is up but does not speak, so only --timeout ends the attempt.
func listenSilently(t *testing.T) string {
	t.Helper()
	l, err := (&net.ListenConfig{}).Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return l.Addr().String()
}

func sqliteFile(t *testing.T) string {
	t.Helper()
	db := testdb.SQLite(t)
	return db.DSN.Database
}

func pgAdminPassword(t *testing.T) string {
	t.Helper()
	u, err := url.Parse(testdb.AdminURL(testdb.EnvPostgres))
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	return pw
}

// mysqlUser returns a URL of a fresh MySQL user (password mustNotLeak) for
// database name, dropped when the test ends.
func mysqlUser(t *testing.T, database string) string {
	t.Helper()
	admin := testdb.MySQL(t)
	user := fmt.Sprintf("sl_drift_%d", time.Now().UnixNano()%1e9)
	mustExec(t, admin, fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", user, mustNotLeak))
	t.Cleanup(func() { _, _ = admin.SQL().ExecContext(context.Background(), fmt.Sprintf("DROP USER '%s'@'%%'", user)) })
	return withCredentials(t, testdb.EnvMySQL, user, mustNotLeak, database)
}

// mysqlNoGrant is a user without any privilege on an existing database.
func mysqlNoGrant(t *testing.T) string {
	t.Helper()
	db := testdb.MySQL(t)
	return mysqlUser(t, db.DSN.Database)
}

// pgNoConnect is a role that may log in, on a database whose CONNECT
// privilege it lacks.
func pgNoConnect(t *testing.T) string {
	t.Helper()
	db := testdb.Postgres(t)
	role := pgRole(t, db, "sl_drift_noconn", "REVOKE ALL ON DATABASE %[2]s FROM PUBLIC")
	return withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, db.DSN.Database)
}

// pgRole creates a login role (password mustNotLeak, name from prefix)
// and runs setup statements, in which %[1]s is the role and %[2]s the
// database; the role and its grants go when the test ends, before testdb
// drops the database.
func pgRole(t *testing.T, db *testdb.DB, prefix string, setup ...string) string {
	t.Helper()
	role := testdb.PostgresRole(t, db, prefix, mustNotLeak)
	for _, s := range setup {
		if strings.Contains(s, "%[") {
			s = fmt.Sprintf(s, role, db.DSN.Database)
		}
		mustExec(t, db, s)
	}
	return role
}

func mustExec(t *testing.T, db *testdb.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.SQL().ExecContext(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestDriftBenchSchemaIsSilent: the benchmark's generated models and
// migrations (scripts/benchdrift, at a few tables) describe exactly the
// schema benchschema creates, on every database; the benchmark measures a
// run that reports nothing.
func TestDriftBenchSchemaIsSilent(t *testing.T) {
	t.Parallel()
	sum, err := os.ReadFile(filepath.Join(repoRoot, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		const n = 3
		if err := benchschema.Create(context.Background(), db.SQL(), db.Dialect(), n); err != nil {
			t.Fatal(err)
		}
		mod := t.TempDir()
		if err := benchschema.WriteModule(t.Context(), mod, db.Dialect(), n, sum); err != nil {
			t.Fatal(err)
		}
		r := runDrift(t, mod, map[string]string{"SL_DSN": db.DSN.URL()},
			"drift", "--dsn-env", "SL_DSN", "--models", "./models", "--migrations", "./migrations")
		if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
			t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
		}
	})
}

// TestDriftPasswordNeverPrinted: run with a password in the URL on a
// database that drifted, in every format and with -v, the password shows
// nowhere.
func TestDriftPasswordNeverPrinted(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	testdb.Reference(t, db)
	role := pgRole(t, db, "sl_drift_pw", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %[1]s")
	mustExec(t, db, "ALTER TABLE users DROP COLUMN image")
	env := map[string]string{"SL_DSN": withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, db.DSN.Database)}
	for _, format := range driftFormats {
		r := runDrift(t, repoRoot, env, append(referenceArgs, "-v", "--format", format)...)
		if r.Code != 1 || r.Stdout == "" {
			t.Errorf("--format %s: exit %d\n%s%s", format, r.Code, r.Stdout, r.Stderr)
		}
		if strings.Contains(r.Stdout+r.Stderr, mustNotLeak) {
			t.Errorf("--format %s prints the password:\n%s%s", format, r.Stdout, r.Stderr)
		}
	}
	// And with --dsn on the command line, when the connection fails.
	r := runDrift(t, repoRoot, nil, "drift", "--dsn", withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, "sl_no_such_db"))
	if r.Code != 2 || strings.Contains(r.Stdout+r.Stderr, mustNotLeak) || !strings.Contains(r.Stderr, ":xxxxx@") {
		t.Errorf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestDriftMigrationsDevDatabaseObjects: PostgreSQL migrations that
// create types, domains, functions, aggregates and sequences (as uptrace's
// do) can run again and again on one dev database: drift drops them with
// the tables. Such an object left by someone else makes the database
// non-empty, said with its name.
func TestDriftMigrationsDevDatabaseObjects(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	clitest.Write(t, filepath.Join(dir, "migrations", "20260101000001_accounts.go"), `package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		for _, q := range []string{
			"CREATE TYPE mood AS ENUM ('ok', 'meh')",
			"CREATE TYPE pair AS (a integer, b integer)",
			"CREATE DOMAIN email_text AS varchar CHECK (VALUE LIKE '%@%')",
			"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
			"CREATE AGGREGATE concat_all (text) (sfunc = textcat, stype = text)",
			"CREATE SEQUENCE invoice_numbers",
			"CREATE TABLE accounts (id bigserial PRIMARY KEY, email varchar NOT NULL UNIQUE)",
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
`)
	db := testdb.Postgres(t)
	env := map[string]string{"SL_DEV": db.DSN.URL()}
	args := []string{"drift", "migrations", "--dev-url-env", "SL_DEV", "--models", "./models", "--migrations", "./migrations"}
	for run := 1; run <= 2; run++ {
		if r := runDrift(t, dir, env, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
			t.Fatalf("run %d: exit %d\n%s%s", run, r.Code, r.Stdout, r.Stderr)
		}
	}
	if left, err := pgObjects(t.Context(), db.SQL(), ""); err != nil || len(left) > 0 {
		t.Errorf("left in the dev database: %v (%v)", left, err)
	}
	if _, err := db.SQL().ExecContext(t.Context(), "CREATE TYPE leftover AS ENUM ('x')"); err != nil {
		t.Fatal(err)
	}
	if r := runDrift(t, dir, env, args...); r.Code != 2 || !strings.Contains(r.Stderr, "is not empty (type leftover)") {
		t.Errorf("a leftover type: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
