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
		if err != nil {
			t.Fatalf("exit: %v", err)
		}
		var out bytes.Buffer
		_, _ = io.Copy(&out, master) // ends with EIO once the slave is closed
		return strings.ReplaceAll(out.String(), "\r\n", "\n")
	}
	if out := onTTY(); strings.Count(out, progressLine) != 1 {
		t.Errorf("cold run on a terminal: want the progress line once, got %q", out)
	}
	if out := onTTY(); out != "" {
		t.Errorf("warm run on a terminal: want nothing, got %q", out)
	}
	r := runDrift(t, dir, map[string]string{"SCHEMALINT_CACHE_DIR": t.TempDir()}, args...)
	if r.code != 0 || r.stderr != "" {
		t.Errorf("cold run, standard error a pipe: exit %d, stderr %q", r.code, r.stderr)
	}
}
