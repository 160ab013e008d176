package main

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// The tests below run drift on the migrated reference schema as
// least-privilege users: with too little, the catalogue hides what the
// user may not see, which must be reported as "could not check" (exit 2)
// naming the grant, never as drift; with the README's grants, drift is
// silent.

// TestDriftMySQLGrants: MariaDB shows constraints only to a user with a
// privilege besides SELECT, so `GRANT SELECT ON app.*` alone made all 129
// foreign keys of the reference schema look missing. SELECT alone is now
// exit 2 naming the grant; the README's SELECT, SHOW VIEW is exit 0.
func TestDriftMySQLGrants(t *testing.T) {
	t.Parallel()
	db := testdb.Reference(t, testdb.MySQL(t))
	raw := mysqlUser(t, db.DSN.Database)
	u, _ := url.Parse(raw)
	account := "'" + u.User.Username() + "'@'%'"
	mustExec(t, db, "GRANT SELECT ON `"+db.DSN.Database+"`.* TO "+account)
	env := map[string]string{"SL_DSN": raw}
	r := runDrift(t, repoRoot, env, referenceArgs...)
	wantGrant := "GRANT SELECT, SHOW VIEW ON `" + db.DSN.Database + "`.* TO " + account
	if r.Code != 2 || r.Stdout != "" || !strings.Contains(r.Stderr, "could not check") || !strings.Contains(r.Stderr, wantGrant) {
		t.Errorf("SELECT only: exit %d, want 2 naming %q\nstdout:\n%s\nstderr:\n%s", r.Code, wantGrant, r.Stdout, r.Stderr)
	}
	// The README's grant; the URL carries the parameters a nightly job
	// might (they are on the allow-list).
	mustExec(t, db, "GRANT SHOW VIEW ON `"+db.DSN.Database+"`.* TO "+account)
	env["SL_DSN"] = withQuery(t, raw, "timeout=5s&charset=utf8mb4&readTimeout=30s")
	r = runDrift(t, repoRoot, env, referenceArgs...)
	if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Errorf("README grant: exit %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
	}

	// Per-table grants: MariaDB 10.11 shows no constraint to them, not
	// even with INSERT (tried), so SELECT, SHOW VIEW on every table is
	// still exit 2, found from what the catalogue hides.
	raw = mysqlUser(t, db.DSN.Database)
	u, _ = url.Parse(raw)
	account = "'" + u.User.Username() + "'@'%'"
	rows, err := db.SQL().QueryContext(t.Context(), "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", db.DSN.Database)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range tables {
		mustExec(t, db, "GRANT SELECT, SHOW VIEW ON `"+db.DSN.Database+"`.`"+name+"` TO "+account)
	}
	env["SL_DSN"] = raw
	r = runDrift(t, repoRoot, env, referenceArgs...)
	if r.Code != 2 || r.Stdout != "" || !strings.Contains(r.Stderr, "could not check") || !strings.Contains(r.Stderr, "SHOW VIEW ON `") {
		t.Errorf("SELECT, SHOW VIEW on each table: exit %d, want 2\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
	}
	// The README's grant through a default role: the privilege tables do
	// not list it under the user, the catalogue shows everything.
	role := "sl_drift_role_" + strings.TrimPrefix(u.User.Username(), "sl_drift_")
	mustExec(t, db, "CREATE ROLE "+role)
	t.Cleanup(func() { _, _ = db.SQL().ExecContext(context.Background(), "DROP ROLE "+role) })
	mustExec(t, db, "GRANT SELECT, SHOW VIEW ON `"+db.DSN.Database+"`.* TO "+role, "GRANT "+role+" TO "+account)
	// The account sets its own default role: FOR another user needs
	// write access to the mysql database, which CI's test account lacks.
	d, err := dsn.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	accountDB, err := d.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = accountDB.Close() }()
	if _, err := accountDB.ExecContext(t.Context(), "SET DEFAULT ROLE "+role); err != nil {
		t.Fatalf("SET DEFAULT ROLE %s as %s: %v", role, account, err)
	}
	r = runDrift(t, repoRoot, env, referenceArgs...)
	if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Errorf("README grant through a role: exit %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestDriftPostgresGrants: a role that may connect and use the schema but
// SELECT nothing saw no table (42 DR001 with CREATE TABLE repairs); one
// without USAGE on the schema got "schema missing". Both are exit 2
// naming the grant; the README's grants are exit 0.
func TestDriftPostgresGrants(t *testing.T) {
	t.Parallel()
	db := testdb.Reference(t, testdb.Postgres(t))
	role := pgRole(t, db, "sl_drift_grants",
		"ALTER ROLE %[1]s SET default_transaction_read_only = on",
		"REVOKE ALL ON DATABASE %[2]s FROM PUBLIC",
		"REVOKE ALL ON SCHEMA public FROM PUBLIC",
		"GRANT CONNECT ON DATABASE %[2]s TO %[1]s")
	env := map[string]string{"SL_DSN": withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, db.DSN.Database)}
	for _, step := range []struct {
		grant, want string
		code        int
	}{
		{"", `GRANT USAGE ON SCHEMA "public" TO "` + role + `"`, 2},
		{"GRANT USAGE ON SCHEMA public TO %[1]s", `GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "` + role + `"`, 2},
		{"GRANT SELECT ON ALL TABLES IN SCHEMA public TO %[1]s", "", 0},
	} {
		if step.grant != "" {
			pgRoleExec(t, db, role, step.grant)
		}
		for _, schema := range []string{"", "public"} {
			args := referenceArgs
			if schema != "" {
				args = append(append([]string(nil), referenceArgs...), "--schema", schema)
			}
			r := runDrift(t, repoRoot, env, args...)
			if r.Code != step.code || r.Stdout != "" || step.code == 0 && r.Stderr != "" ||
				step.code == 2 && (!strings.Contains(r.Stderr, "could not check") || !strings.Contains(r.Stderr, step.want)) {
				t.Errorf("after %q, --schema %q: exit %d, want %d naming %q\nstdout:\n%s\nstderr:\n%s",
					step.grant, schema, r.Code, step.code, step.want, r.Stdout, r.Stderr)
			}
		}
	}
}

// pgRoleExec runs a statement in which %[1]s is the role.
func pgRoleExec(t *testing.T, db *testdb.DB, role, stmt string) {
	t.Helper()
	mustExec(t, db, strings.ReplaceAll(stmt, "%[1]s", role))
}
