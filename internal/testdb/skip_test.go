package testdb

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// childEnv makes TestSkippedDatabaseIsReported the test of a child run
// of this binary: one that asks for a server nobody listens on.
const childEnv = "SCHEMALINT_TESTDB_CHILD"

// TestSkippedDatabaseIsReported: a run that could not reach a database
// fails, saying which tests were skipped and why, unless the skips are
// accepted (then it passes and still says so); under CI=true the test
// itself fails. `go test` shows a passing package's output only with -v,
// so failing is what makes an unreachable server visible.
func TestSkippedDatabaseIsReported(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		Postgres(t)
		t.Error("Postgres returned a database from a closed port")
		return
	}
	run := func(env ...string) (string, int) {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestSkippedDatabaseIsReported$") //nolint:gosec // the test binary itself
		cmd.Env = append(os.Environ(), childEnv+"=1", "CI=", EnvAllowSkip+"=",
			EnvPostgres+"=postgres://nobody@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if cmd.ProcessState == nil {
			t.Fatal(err)
		}
		return string(out), cmd.ProcessState.ExitCode()
	}
	reason := "1 for " + EnvPostgres + ": database from " + EnvPostgres + " (postgres://nobody@127.0.0.1:1/postgres"
	out, code := run()
	if code != 1 || !strings.Contains(out, "testdb: 1 test skipped (failing the run: start what is missing, or set "+EnvAllowSkip+"=1") || !strings.Contains(out, reason) {
		t.Errorf("unreachable server: exit %d, want 1 with the summary\n%s", code, out)
	}
	out, code = run(EnvAllowSkip + "=1")
	if code != 0 || !strings.Contains(out, "testdb: 1 test skipped ("+EnvAllowSkip+"=1 accepts them)") || !strings.Contains(out, reason) {
		t.Errorf("unreachable server, skips accepted: exit %d, want 0 with the summary\n%s", code, out)
	}
	out, code = run("CI=true", EnvAllowSkip+"=1")
	if code != 1 || !strings.Contains(out, "--- FAIL: TestSkippedDatabaseIsReported") || strings.Contains(out, "tests skipped") {
		t.Errorf("unreachable server under CI: exit %d, want the test to fail\n%s", code, out)
	}
}
