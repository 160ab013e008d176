//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// These tests look for the processes drift starts in /proc: every one of
// them (go build and the compilers it runs, the generated program) has
// the run's private cache directory in its command line, a marker no
// other process has.

// procsWith returns the live processes whose command line contains
// marker, each as "pid: command line", and whether any of them has arg as
// one of its arguments ("": whether there is any). Zombies have an empty command line: they are
// dead, only not yet reaped.
func procsWith(marker, arg string) (procs []string, hasArg bool) {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	self := strconv.Itoa(os.Getpid())
	for _, d := range dirs {
		if filepath.Base(d) == self {
			continue
		}
		b, err := os.ReadFile(filepath.Join(d, "cmdline"))
		if err != nil || !bytes.Contains(b, []byte(marker)) {
			continue
		}
		args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
		for _, a := range args {
			hasArg = hasArg || a == arg || arg == ""
		}
		procs = append(procs, filepath.Base(d)+": "+strings.Join(args, " "))
	}
	return procs, hasArg
}

// assertNoProcs fails when a process with marker in its command line
// survives the run (killing is asynchronous: it gets a moment).
func assertNoProcs(t *testing.T, marker string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		procs, _ := procsWith(marker, "")
		if len(procs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("processes outlived the run:\n%s", strings.Join(procs, "\n"))
			for _, p := range procs {
				if pid, err := strconv.Atoi(strings.SplitN(p, ":", 2)[0]); err == nil {
					_ = syscall.Kill(pid, syscall.SIGKILL)
				}
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// assertEmptyTMPDIR fails when the run's TMPDIR holds anything.
func assertEmptyTMPDIR(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) > 0 {
		t.Errorf("TMPDIR left behind: %v", names)
	}
}

// assertNoTmpEntries fails when the cache holds a temporary directory of
// a run (an unfinished build).
func assertNoTmpEntries(t *testing.T, cache string) {
	t.Helper()
	tmps, _ := filepath.Glob(filepath.Join(cache, "tmp-*"))
	if len(tmps) > 0 {
		t.Errorf("temporary directories left in the cache: %v", tmps)
	}
}

// assertSameTree fails when dir's files differ from before (a snapshot).
func assertSameTree(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := treeSnapshot(t, dir)
	for p, b := range after {
		if before[p] != b {
			t.Errorf("%s was written in the user's module", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s was removed from the user's module", p)
		}
	}
}

// treeSnapshot maps every file and directory under dir to its content
// ("dir" for a directory).
func treeSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[p] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// startedDrift is a drift run in the background.
type startedDrift struct {
	cmd            *exec.Cmd
	Stdout, Stderr bytes.Buffer
	done           chan error
}

// startDrift starts the binary in dir with the given cache and TMPDIR,
// and env (KEY=value) besides.
func startDrift(t *testing.T, dir, cache, tmp string, env []string, args ...string) *startedDrift {
	t.Helper()
	// t.Context: a run the test leaves behind is killed when it ends.
	s := &startedDrift{cmd: exec.CommandContext(t.Context(), bin, args...), done: make(chan error, 1)}
	s.cmd.Dir = dir
	s.cmd.Env = append(append(os.Environ(), "NO_COLOR=1", "SCHEMALINT_CACHE_DIR="+cache, "TMPDIR="+tmp), env...)
	s.cmd.Stdout, s.cmd.Stderr = &s.Stdout, &s.Stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	return s
}

// waitFor polls until a process with marker in its command line has arg
// as an argument, and fails if the run ends first.
func (s *startedDrift) waitFor(t *testing.T, marker, arg string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if _, ok := procsWith(marker, arg); ok {
			return
		}
		select {
		case err := <-s.done:
			t.Fatalf("the run ended (%v) before a %q process showed:\n%s%s", err, arg, s.Stdout.String(), s.Stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("no %q process within 3 minutes", arg)
}

// exit waits for the run to end within limit and returns its exit code.
func (s *startedDrift) exit(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case err := <-s.done:
		if ee, ok := errors.AsType[*exec.ExitError](err); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(limit):
		_ = s.cmd.Process.Kill()
		t.Fatalf("still running %v after the signal\n%s", limit, s.Stderr.String())
		return -1
	}
}

// TestDriftInterruptDuringBuild: SIGINT while drift builds its program
// (a fresh cache, so that it must) ends the run at once with exit 130,
// and leaves nothing behind: no process, nothing in the user's module,
// nothing in TMPDIR, no half-built cache entry.
func TestDriftInterruptDuringBuild(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	cache, tmp := t.TempDir(), t.TempDir()
	before := treeSnapshot(t, dir)
	d := startDrift(t, dir, cache, tmp, nil, "drift", "migrations", "--models", "./models", "--migrations", "./migrations")
	d.waitFor(t, cache, "build")
	if err := d.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	code := d.exit(t, 10*time.Second)
	if code != cli.ExitInterrupted || !strings.Contains(d.Stderr.String(), "schemalint: interrupted") {
		t.Errorf("exit %d after %v\n%s", code, time.Since(start), d.Stderr.String())
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the run took %v to end after SIGINT", took)
	}
	assertNoProcs(t, cache)
	assertSameTree(t, dir, before)
	assertEmptyTMPDIR(t, tmp)
	assertNoTmpEntries(t, cache)
}

// TestDriftInterruptDuringLoad: SIGINT while go/packages' go list
// compiles the models' dependencies (a fresh GOCACHE, so that it must)
// leaves no process and nothing in TMPDIR: the go command's work
// directory, which it cannot remove when killed, is inside drift's own.
func TestDriftInterruptDuringLoad(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	cache, tmp := t.TempDir(), t.TempDir()
	env := []string{"GOCACHE=" + t.TempDir(), "GOTMPDIR="}
	d := startDrift(t, dir, cache, tmp, env, "drift", "migrations", "--models", "./models", "--migrations", "./migrations")
	// The compiler's arguments name its work directory, in TMPDIR.
	d.waitFor(t, tmp, "")
	if err := d.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := d.exit(t, 10*time.Second); code != cli.ExitInterrupted {
		t.Errorf("exit %d\n%s", code, d.Stderr.String())
	}
	assertNoProcs(t, tmp)
	assertEmptyTMPDIR(t, tmp)
	assertNoTmpEntries(t, cache)
}

// TestDriftBlockingInit: a models package whose init never returns fails
// within --timeout, naming the step, in both modes, and the program is
// killed; SIGTERM while it blocks ends the run at once (exit 130), the
// program with it, and the scratch database is removed; SIGKILL takes the
// program along too.
func TestDriftBlockingInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/blockinit")); err != nil {
		t.Fatal(err)
	}
	cache, tmp := t.TempDir(), t.TempDir()
	before := treeSnapshot(t, dir)
	sqliteFile := filepath.Join(t.TempDir(), "live.db")
	if err := os.WriteFile(sqliteFile, nil, 0o600); err != nil { // an empty file is an empty SQLite database
		t.Fatal(err)
	}
	env := map[string]string{"SCHEMALINT_CACHE_DIR": cache, "TMPDIR": tmp}
	live := []string{"drift", "--dsn", "sqlite://" + sqliteFile, "--models", "./models", "--timeout", "2s"}
	// The first run builds the program (not bounded by --timeout), the
	// second finds it cached: the whole run then takes about --timeout.
	for i := range 2 {
		start := time.Now()
		r := runDrift(t, dir, env, live...)
		if r.Code != cli.ExitFailure || !strings.Contains(r.Stderr, "reflecting the models took longer than 2s (--timeout)") {
			t.Fatalf("live run %d: exit %d\n%s%s", i, r.Code, r.Stdout, r.Stderr)
		}
		if took := time.Since(start); i == 1 && took > 10*time.Second {
			t.Errorf("a cached run took %v with --timeout 2s", took)
		}
		assertNoProcs(t, cache)
	}

	migrations := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
	r := runDrift(t, dir, env, append(migrations, "--timeout", "2s")...)
	if r.Code != cli.ExitFailure || !strings.Contains(r.Stderr, "running the migrations took longer than 2s (--timeout)") {
		t.Fatalf("migrations: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	assertNoProcs(t, cache)
	assertEmptyTMPDIR(t, tmp)

	// The same program, cached now, blocking until SIGTERM.
	d := startDrift(t, dir, cache, tmp, nil, append(migrations, "--timeout", "5m")...)
	d.waitFor(t, cache, "migrate")
	if err := d.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if code := d.exit(t, 10*time.Second); code != cli.ExitInterrupted {
		t.Errorf("SIGTERM: exit %d\n%s", code, d.Stderr.String())
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the run took %v to end after SIGTERM", took)
	}
	assertNoProcs(t, cache)
	assertEmptyTMPDIR(t, tmp)
	assertNoTmpEntries(t, cache)
	assertSameTree(t, dir, before)

	// SIGKILL leaves drift no chance to clean up, but the program dies
	// with it (the parent-death signal): no orphan goes on migrating.
	d = startDrift(t, dir, cache, tmp, nil, append(migrations, "--timeout", "5m")...)
	d.waitFor(t, cache, "migrate")
	if err := d.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	d.exit(t, 10*time.Second)
	assertNoProcs(t, cache)
	assertSameTree(t, dir, before)
}

// TestDriftInterruptEmptiesDevDatabase: SIGINT while a migration blocks
// on a dev database kills the program running it (an orphan would go on
// writing) and empties the database again, so that the next run is not
// refused as "not empty".
func TestDriftInterruptEmptiesDevDatabase(t *testing.T) {
	t.Parallel()
	for _, d := range []string{dsn.Postgres, dsn.MySQL} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testdb.New(t, d)
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/slowmig")); err != nil {
				t.Fatal(err)
			}
			cache, tmp := t.TempDir(), t.TempDir()
			q := "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
			if d == dsn.MySQL {
				q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
			}
			tables := func() int {
				var n int
				if err := db.SQL().QueryRowContext(t.Context(), q).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			run := startDrift(t, dir, cache, tmp, []string{"SL_DEV=" + db.DSN.URL()}, "drift", "migrations", "--dev-url-env", "SL_DEV",
				"--models", "./models", "--migrations", "./migrations", "--timeout", "5m")
			run.waitFor(t, cache, "migrate")
			// Bun's two tables and the first migration's are there: the
			// second migration blocks.
			for deadline := time.Now().Add(time.Minute); tables() < 3; {
				if time.Now().After(deadline) {
					t.Fatalf("the migrations created no table\n%s", run.Stderr.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := run.cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			if code := run.exit(t, 30*time.Second); code != cli.ExitInterrupted {
				t.Errorf("exit %d\n%s", code, run.Stderr.String())
			}
			assertNoProcs(t, cache)
			if n := tables(); n != 0 {
				t.Errorf("%d tables left in the dev database", n)
			}
			assertEmptyTMPDIR(t, tmp)
		})
	}
}

// TestDriftSecondInterruptExitsAtOnce: after SIGINT, drift empties the
// dev database again; when that waits (another session holds a lock on a
// table it must drop), a second SIGINT exits at once, with exit 130.
func TestDriftSecondInterruptExitsAtOnce(t *testing.T) {
	t.Parallel()
	db := testdb.New(t, dsn.Postgres)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/slowmig")); err != nil {
		t.Fatal(err)
	}
	cache, tmp := t.TempDir(), t.TempDir()
	run := startDrift(t, dir, cache, tmp, []string{"SL_DEV=" + db.DSN.URL()}, "drift", "migrations", "--dev-url-env", "SL_DEV",
		"--models", "./models", "--migrations", "./migrations", "--timeout", "5m")
	run.waitFor(t, cache, "migrate")
	ctx := t.Context()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'accounts'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the migrations created no table\n%s", run.Stderr.String())
		}
	}
	// Hold a lock DROP TABLE waits for, until the test ends.
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, "LOCK TABLE accounts IN ACCESS SHARE MODE"); err != nil {
		t.Fatal(err)
	}
	if err := run.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-run.done:
		t.Fatalf("the run ended (%v) while the dev database could not be emptied:\n%s", err, run.Stderr.String())
	case <-time.After(2 * time.Second):
	}
	assertNoProcs(t, cache) // the program is gone already
	if err := run.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := run.exit(t, 2*time.Second); code != cli.ExitInterrupted || !strings.Contains(run.Stderr.String(), "interrupted again") {
		t.Errorf("second SIGINT: exit %d\n%s", code, run.Stderr.String())
	}
}
