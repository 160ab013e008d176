package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDriftSQLitePathErrors: a SQLite path drift cannot use says why in
// plain words, not SQLite's "unable to open database file: out of memory
// (14)" or "disk I/O error", and a FIFO does not hang the run.
func TestDriftSQLitePathErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub.db")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.db"), "does not exist"},
		{sub, "cannot read SQLite file " + sub + ": it is a directory"},
		{fifo, "cannot read SQLite file " + fifo + ": it is not a regular file (a named pipe)"},
		{link, "it is not a regular file (a named pipe)"},
		{"/dev/null", "it is not a regular file (a character device)"},
	} {
		start := time.Now()
		r := runDrift(t, repoRoot, nil, "drift", "--dsn", "sqlite://"+tc.path, "--timeout", "5s")
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.want) || strings.Contains(r.Stderr, "out of memory") {
			t.Errorf("%s: exit %d, want 2 and %q\n%s%s", tc.path, r.Code, tc.want, r.Stdout, r.Stderr)
		}
		if elapsed := time.Since(start); elapsed > 4*time.Second {
			t.Errorf("%s took %v", tc.path, elapsed)
		}
	}
}

// TestDriftSQLiteUnreadable: a file the user may not read is "permission
// denied", not "out of memory (14)". Root reads anything, so as root the
// binary runs as nobody.
func TestDriftSQLiteUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// nobody must reach the directory (t.TempDir's parent is 0700).
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "secret.db")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o000); err != nil {
		t.Fatal(err)
	}
	closed := filepath.Join(dir, "closed")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	inClosed := filepath.Join(closed, "x.db")
	if err := os.WriteFile(inClosed, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{file, "permission denied: cannot read SQLite file " + file},
		{inClosed, "permission denied: cannot reach SQLite file " + inClosed},
	} {
		code, out := runUnprivileged(t, dir, "drift", "--dsn", "sqlite://"+tc.path, "--timeout", "5s")
		if code != 2 || !strings.Contains(out, tc.want) || strings.Contains(out, "out of memory") {
			t.Errorf("%s: exit %d, want 2 and %q\n%s", tc.path, code, tc.want, out)
		}
	}
}

// runUnprivileged runs the binary in dir, as nobody when the tests run as
// root (from a copy nobody may execute), and returns its exit code and
// output.
func runUnprivileged(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	exe := bin
	if os.Geteuid() == 0 {
		exe = filepath.Join(dir, "schemalint")
		if _, err := os.Stat(exe); err != nil {
			// schemalint runs schemalint-drift from beside itself.
			copyFile(t, filepath.Join(filepath.Dir(bin), "schemalint-drift"), filepath.Join(dir, "schemalint-drift"))
			copyFile(t, bin, exe)
		}
	}
	var out bytes.Buffer
	var cmd *exec.Cmd
	var err error
	// A parallel test that forks while the copy was open for writing
	// holds it open until its exec: "text file busy" (golang.org/issue/22315)
	// passes within moments.
	for try := 0; ; try++ {
		out.Reset()
		cmd = exec.CommandContext(ctx, exe, args...)
		if exe != bin {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+dir, "SCHEMALINT_CACHE_DIR="+filepath.Join(dir, "cache"))
		cmd.Stdout, cmd.Stderr = &out, &out
		err = cmd.Run()
		if !errors.Is(err, syscall.ETXTBSY) || try == 50 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = in.Close() }()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestDriftURLConnectTimeout: with a URL timeout shorter than --timeout,
// the driver gives up first, and the message names the timeout in force,
// not --timeout's.
func TestDriftURLConnectTimeout(t *testing.T) {
	t.Parallel()
	silent := listenSilently(t)
	for _, tc := range []struct{ url, want string }{
		{"postgres://u:" + mustNotLeak + "@" + silent + "/db?sslmode=disable&connect_timeout=1", "did not answer within 1s (connect_timeout in the URL)"},
		{"postgres://u:" + mustNotLeak + "@" + silent + "/db?sslmode=disable&connect_timeout=30", "did not answer within 2s (--timeout)"},
		// go-sql-driver's timeout bounds the dial only; this server
		// accepts, so --timeout ends the wait.
		{"mysql://u:" + mustNotLeak + "@" + silent + "/db?timeout=1s", "did not answer within 2s (--timeout)"},
	} {
		start := time.Now()
		r := runDrift(t, repoRoot, map[string]string{"SL_DSN": tc.url}, "drift", "--dsn-env", "SL_DSN", "--timeout", "2s")
		elapsed := time.Since(start)
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.want) || strings.Contains(r.Stderr, mustNotLeak) {
			t.Errorf("%s: exit %d, want 2 and %q\n%s%s", tc.url, r.Code, tc.want, r.Stdout, r.Stderr)
		}
		if elapsed > 4*time.Second {
			t.Errorf("%s took %v", tc.url, elapsed)
		}
	}
}
