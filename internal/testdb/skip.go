package testdb

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

// EnvAllowSkip is the variable that, set to 1, lets a test run that could not reach a database
// (or lacks another prerequisite) pass, its skips listed by Main. Unset,
// such a run fails: a package must not print "ok" for tests that never ran.
const EnvAllowSkip = "SCHEMALINT_TEST_ALLOW_SKIP"

var (
	skipMu    sync.Mutex
	underMain bool
	// skipped counts the tests skipped per missing prerequisite; reasons
	// keeps the first reason given for each.
	skipped = map[string]int{}
	reasons = map[string]string{}
)

// Missing skips t because prerequisite (an environment variable, a
// file...) is missing for the reason msg, which says how to provide it.
// Under CI (CI=true) it fails t instead: CI must never pass by skipping.
// Outside CI, the package's TestMain must be Main, which lists the skips
// when the tests end and fails the package unless SCHEMALINT_TEST_ALLOW_SKIP=1.
func Missing(t testing.TB, prerequisite, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s\nUnder CI=true every database and plugin test must run (see .ci/run).", msg)
	}
	skipMu.Lock()
	ok := underMain
	if ok {
		skipped[prerequisite]++
		if reasons[prerequisite] == "" {
			reasons[prerequisite] = msg
		}
	}
	skipMu.Unlock()
	if !ok {
		t.Fatalf("%s\n(this package's TestMain must call testdb.Main, which reports skipped tests)", msg)
	}
	t.Skip(msg)
}

// Main runs the tests of a package that uses Missing (directly or
// through a database of this package), and returns the exit code for
// os.Exit: when tests were skipped it writes one line per missing
// prerequisite to standard error, and fails unless SCHEMALINT_TEST_ALLOW_SKIP=1.
func Main(m *testing.M) int {
	skipMu.Lock()
	underMain = true
	skipMu.Unlock()
	code := m.Run()
	skipMu.Lock()
	defer skipMu.Unlock()
	allowed := os.Getenv(EnvAllowSkip) == "1"
	if summarize(os.Stderr, allowed) && !allowed && code == 0 {
		return 1
	}
	return code
}

// summarize writes the skips to w, and reports whether there were any.
func summarize(w io.Writer, allowed bool) bool {
	if len(skipped) == 0 {
		return false
	}
	total := 0
	for _, n := range skipped {
		total += n
	}
	verdict := "failing the run: start what is missing, or set " + EnvAllowSkip + "=1 to accept the skips"
	if allowed {
		verdict = EnvAllowSkip + "=1 accepts them"
	}
	tests := "tests"
	if total == 1 {
		tests = "test"
	}
	fmt.Fprintf(w, "testdb: %d %s skipped (%s):\n", total, tests, verdict)
	for _, k := range slices.Sorted(maps.Keys(skipped)) {
		fmt.Fprintf(w, "  %d for %s: %s\n", skipped[k], k, strings.ReplaceAll(reasons[k], "\n", " "))
	}
	return true
}
