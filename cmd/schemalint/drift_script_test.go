package main

import (
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/testdb"
)

// TestDriftScriptExitCode: `--format sql > fix.sql && sqlite3 db <
// fix.sql` never ran, because drift exits 1 on drift. With
// --issues-exit-code 0 the same script comes with exit 0, and applying it
// with the database's client (stopping at the first error) repairs the
// database; without it the exit code stays 1, and a code that means
// "could not check" is refused.
func TestDriftScriptExitCode(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	testdb.Reference(t, db)
	if _, err := db.SQL().ExecContext(t.Context(), "DROP INDEX idx_webhook_deliveries_status_next_attempt"); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SL_DSN": db.DSN.URL()}
	args := func(extra ...string) []string { return append(append([]string(nil), referenceArgs...), extra...) }
	failing := runDrift(t, repoRoot, env, args("--format", "sql")...)
	if failing.code != 1 || !strings.Contains(failing.stdout, "BEGIN;") {
		t.Fatalf("--format sql: exit %d, want 1 with the script\n%s\n%s", failing.code, failing.stdout, failing.stderr)
	}
	script := runDrift(t, repoRoot, env, args("--format", "sql", "--issues-exit-code", "0")...)
	if script.code != 0 || script.stdout != failing.stdout {
		t.Fatalf("--issues-exit-code 0: exit %d, want 0 with the same script\n%s\n%s", script.code, script.stdout, script.stderr)
	}
	if r := runDrift(t, repoRoot, env, args("--issues-exit-code", "3")...); r.code != 3 {
		t.Errorf("--issues-exit-code 3: exit %d\n%s", r.code, r.stderr)
	}
	if r := runDrift(t, repoRoot, env, args("--issues-exit-code", "2")...); r.code != 2 || !strings.Contains(r.stderr, "--issues-exit-code 2") {
		t.Errorf("--issues-exit-code 2: exit %d, want a usage error\n%s", r.code, r.stderr)
	}
	if out, err := testdb.RunScript(t, db, script.stdout, false); err != nil {
		t.Fatalf("the script failed: %v\n%s", err, out)
	}
	if r := runDrift(t, repoRoot, env, referenceArgs...); r.code != 0 || r.stdout != "" {
		t.Errorf("after the script: exit %d\n%s", r.code, r.stdout)
	}
}
