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
	if failing.Code != 1 || !strings.Contains(failing.Stdout, "BEGIN;") {
		t.Fatalf("--format sql: exit %d, want 1 with the script\n%s\n%s", failing.Code, failing.Stdout, failing.Stderr)
	}
	script := runDrift(t, repoRoot, env, args("--format", "sql", "--issues-exit-code", "0")...)
	if script.Code != 0 || script.Stdout != failing.Stdout {
		t.Fatalf("--issues-exit-code 0: exit %d, want 0 with the same script\n%s\n%s", script.Code, script.Stdout, script.Stderr)
	}
	if r := runDrift(t, repoRoot, env, args("--issues-exit-code", "3")...); r.Code != 3 {
		t.Errorf("--issues-exit-code 3: exit %d\n%s", r.Code, r.Stderr)
	}
	if r := runDrift(t, repoRoot, env, args("--issues-exit-code", "2")...); r.Code != 2 || !strings.Contains(r.Stderr, "--issues-exit-code 2") {
		t.Errorf("--issues-exit-code 2: exit %d, want a usage error\n%s", r.Code, r.Stderr)
	}
	if out, err := testdb.RunScript(t, db, script.Stdout, false); err != nil {
		t.Fatalf("the script failed: %v\n%s", err, out)
	}
	if r := runDrift(t, repoRoot, env, referenceArgs...); r.Code != 0 || r.Stdout != "" {
		t.Errorf("after the script: exit %d\n%s", r.Code, r.Stdout)
	}
}
