//go:build linux

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/schemalint/schemalint/internal/testdb"
)

const progressLine = "schemalint: building a helper from your models (first run only)..."

// openPTY opens a pseudo-terminal: the master to read, the slave to give
// a process as its standard error.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	var unlock, n int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 { //nolint:gosec // ioctl takes a pointer
		t.Fatal(errno)
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); errno != 0 { //nolint:gosec // ioctl takes a pointer
		t.Fatal(errno)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return m, s
}

// runOnTTY runs schemalint in dir with a terminal as its standard error,
// and returns what it wrote there.
func runOnTTY(t *testing.T, dir, cache string, args ...string) (string, error) {
	t.Helper()
	master, slave := openPTY(t)
	defer func() { _ = master.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "SCHEMALINT_CACHE_DIR="+cache)
	cmd.Stderr = slave
	err := cmd.Run()
	_ = slave.Close()
	var out bytes.Buffer
	_, _ = io.Copy(&out, master) // ends with EIO once the slave is closed
	return strings.ReplaceAll(out.String(), "\r\n", "\n"), err
}

// TestDriftProgressLine: a cold run whose standard error is a terminal
// says that it builds the helper program, once; a warm run does not, nor
// does a cold run whose standard error is a pipe (scripts, CI logs).
func TestDriftProgressLine(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "tagonlymod")
	db := testdb.SQLite(t)
	execSQL(t, db, "CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR NOT NULL)")
	args := []string{"drift", "--dsn", "sqlite://" + db.DSN.Database, "--models", "./models"}
	cache := t.TempDir()
	onTTY := func() string {
		out, err := runOnTTY(t, dir, cache, args...)
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, out)
		}
		return out
	}
	if out := onTTY(); strings.Count(out, progressLine) != 1 {
		t.Errorf("cold run on a terminal: want the progress line once, got %q", out)
	}
	if out := onTTY(); out != "" {
		t.Errorf("warm run on a terminal: want nothing, got %q", out)
	}
	r := runDrift(t, dir, map[string]string{"SCHEMALINT_CACHE_DIR": t.TempDir()}, args...)
	if r.Code != 0 || r.Stderr != "" {
		t.Errorf("cold run, standard error a pipe: exit %d, stderr %q", r.Code, r.Stderr)
	}
}

// TestDriftMigrationsProgress: migrations still running after a second
// are announced, once, on a terminal; --quiet silences every progress line
// (the helper build's too), not the error. The second migration blocks,
// so the run ends at --timeout.
func TestDriftMigrationsProgress(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/slowmig")); err != nil {
		t.Fatal(err)
	}
	const migrating = "schemalint: running the migrations..."
	args := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations", "--timeout", "3s"}
	out, err := runOnTTY(t, dir, t.TempDir(), args...)
	if err == nil || strings.Count(out, migrating) != 1 || !strings.Contains(out, "took longer than 3s") {
		t.Errorf("on a terminal: want the progress line once, then the timeout\nexit: %v\n%s", err, out)
	}
	out, err = runOnTTY(t, dir, t.TempDir(), append(args, "--quiet")...)
	if err == nil || strings.Contains(out, migrating) || strings.Contains(out, progressLine) || !strings.Contains(out, "took longer than 3s") {
		t.Errorf("--quiet on a terminal: want the timeout only\nexit: %v\n%s", err, out)
	}
}

// TestDriftInspectionProgress: an inspection still running after a second
// (here waiting for a sequence another session has locked) is announced
// on a terminal.
func TestDriftInspectionProgress(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "tagonlymod")
	db := testdb.Postgres(t)
	execSQL(t, db, "CREATE TABLE people (id bigserial PRIMARY KEY, name varchar NOT NULL)",
		"CREATE TABLE counters (n integer GENERATED ALWAYS AS IDENTITY)")
	args := []string{"drift", "--dsn", db.DSN.URL(), "--models", "./models"}
	runDrift(t, dir, nil, args...) // builds the helper: only the inspection is slow below
	tx, err := db.SQL().BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	// drift reads the identity column's last value, which waits for this.
	if _, err := tx.ExecContext(t.Context(), "ALTER SEQUENCE counters_n_seq RESTART WITH 5"); err != nil {
		t.Fatal(err)
	}
	release := time.AfterFunc(2500*time.Millisecond, func() { _ = tx.Rollback() })
	defer release.Stop()
	out, _ := runOnTTY(t, dir, driftCacheDir(), args...) // exit 1: counters is not a model
	if want := "schemalint: reading the database's schema..."; strings.Count(out, want) != 1 {
		t.Errorf("want %q once on the terminal, got:\n%s", want, out)
	}
}
