package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/clitest"
	"github.com/schemalint/schemalint/internal/testdb"
)

// The marker password: two stems that no encoding changes, around the
// characters that break URL parsing (/ # ? @ :) or that url.URL.String
// re-encodes (( ) !).
const (
	markerStem1 = "Sk1tq"
	markerStem2 = "Sk2tq"
	marker      = markerStem1 + "(x)!/#?@:" + markerStem2
)

// TestDriftSecretsNeverPrinted feeds the real binary a corpus of
// malformed and odd database URLs holding the marker password, through
// --dsn and --dsn-env, in every format, with and without -v, and finds
// neither stem of the marker in stdout or stderr. Each run fails (exit 2)
// with a message: some at parsing, some at connecting.
func TestDriftSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	enc := url.QueryEscape(marker)
	userinfo := url.UserPassword("u", marker).String()     // u:Sk1tq%28x%29%21%2F%23%3F%40%3ASk2tq
	reencoded := "u:" + markerStem1 + "(x)!" + markerStem2 // valid as is; url.String re-encodes it
	cases := []string{
		// The password as typed: / # ? @ : break parsing.
		"postgres://u:" + marker + "@127.0.0.1:1/db?sslmode=disable",
		"mysql://u:" + marker + "@127.0.0.1:1/db",
		"postgres://u:" + marker + "@[::1/db",
		"mysql://u:" + marker + "@127.0.0.1:99999999/db\x7f",
		"postgres//u:" + marker + "@127.0.0.1/db",
		"oracle://u:" + marker + "@127.0.0.1/db",
		"u:" + marker + "@tcp(127.0.0.1:1)/db",
		// Properly encoded, but nobody answers.
		"postgres://" + userinfo + "@127.0.0.1:1/db?sslmode=disable",
		"mysql://" + userinfo + "@127.0.0.1:1/db",
		"postgres://" + reencoded + "@127.0.0.1:1/db?sslmode=disable",
		"mysql://" + reencoded + "@127.0.0.1:1/db",
		// In the query.
		"postgres://u@127.0.0.1:1/db?sslmode=disable&password=" + enc,
		"postgres://u@127.0.0.1:1/db?sslmode=disable&sslpassword=" + enc,
		"mysql://u@127.0.0.1:1/db?password=" + enc,
		"sqlite:///nonexistent/dir/x.db?password=" + enc,
		"postgres://" + userinfo + "@127.0.0.1:1/db?options=-c%20x%3Dy",
		// libpq key=value.
		"host=127.0.0.1 port=1 user=u password=" + marker,
		"host=127.0.0.1 port=1 user=u password='" + marker + " x'",
		// Servers that answer: a database that does not exist, a password
		// that is wrong.
		"postgres://postgres:" + url.PathEscape(marker) + "@127.0.0.1:5432/sl_no_such_db?sslmode=disable",
		"mysql://root:" + url.PathEscape(marker) + "@127.0.0.1:3306/sl_no_such_db",
		"mysql://" + reencoded + "@127.0.0.1:3306/sl_no_such_db",
	}
	for _, raw := range cases {
		for _, via := range []string{"--dsn", "--dsn-env"} {
			for _, format := range driftFormats {
				for _, verbose := range []bool{false, true} {
					args := []string{"drift", "--models", "./schema", "--migrations", "./migrations", "--format", format, "--timeout", "5s"}
					if verbose {
						args = append(args, "-v")
					}
					var env map[string]string
					if via == "--dsn" {
						args = append(args, "--dsn", raw)
					} else {
						args = append(args, "--dsn-env", "SL_DSN")
						env = map[string]string{"SL_DSN": raw}
					}
					r := runDrift(t, repoRoot, env, args...)
					out := r.Stdout + r.Stderr
					if r.Code != 2 || r.Stderr == "" {
						t.Errorf("%q %s --format %s -v=%v: exit %d, want 2 and a message\n%s", raw, via, format, verbose, r.Code, out)
					}
					if strings.Contains(out, markerStem1) || strings.Contains(out, markerStem2) {
						t.Errorf("%q %s --format %s -v=%v prints the password:\n%s", raw, via, format, verbose, out)
					}
				}
			}
		}
	}
	// Migrations mode takes its dev database the same way.
	for _, raw := range cases[:12] {
		r := runDrift(t, repoRoot, map[string]string{"SL_DEV": raw}, "drift", "migrations",
			"--models", "./schema", "--migrations", "./migrations", "--dev-url-env", "SL_DEV", "-v", "--timeout", "5s")
		if out := r.Stdout + r.Stderr; r.Code != 2 || strings.Contains(out, markerStem1) || strings.Contains(out, markerStem2) {
			t.Errorf("drift migrations --dev-url-env %q: exit %d\n%s", raw, r.Code, out)
		}
	}
}

// TestDriftSecretsNeverPrintedByMigrations: a migration that panics with
// its database URL (first, before the fixture's SQLite-only one), which
// url.URL.String re-encodes ("(x)!" as
// "%28x%29%21"), prints neither form of the dev database's password.
func TestDriftSecretsNeverPrintedByMigrations(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	clitest.Write(t, filepath.Join(dir, "migrations", "20250101000000_leak.go"), `package migrations

import (
	"context"
	"os"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		panic("cannot migrate " + os.Getenv("SCHEMALINT_DRIFT_DSN"))
	}, nil)
}
`)
	db := testdb.Postgres(t)
	pw := markerStem1 + "(x)!" + markerStem2
	role := pgRole(t, db, "sl_drift_mig", "ALTER ROLE %[1]s PASSWORD '"+pw+"'", "GRANT CREATE ON SCHEMA public TO %[1]s")
	// As a user types it: "(x)!" unencoded, which url.URL.String encodes.
	dev := strings.Replace(withCredentials(t, testdb.EnvPostgres, role, pw, db.DSN.Database),
		url.UserPassword("", pw).String()[1:], pw, 1)
	if !strings.Contains(dev, ":"+pw+"@") {
		t.Fatalf("dev URL %s does not hold the password as typed", dev)
	}
	// A cache of its own, so that every file the run writes there can be
	// searched, and a go wrapper first in PATH that records the command
	// lines of the go commands drift starts; the helper program's own
	// command lines are read from /proc while the run lasts.
	cache := t.TempDir()
	wrap := t.TempDir()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	argvLog := filepath.Join(wrap, "argv.log")
	clitest.Write(t, filepath.Join(wrap, "go"), "#!/bin/sh\nprintf '%s\\n' \"$*\" >> "+argvLog+"\nexec "+goBin+" \"$@\"\n")
	if err := os.Chmod(filepath.Join(wrap, "go"), 0o755); err != nil {
		t.Fatal(err)
	}
	var argvs []string
	for _, verbose := range []bool{false, true} {
		args := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations", "--dev-url-env", "SL_DEV"}
		if verbose {
			args = append(args, "-v")
		}
		// Not runDrift, which fails on any "panic:": the migration's panic
		// is expected, reported by drift as an error.
		cmd := exec.CommandContext(t.Context(), bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "SCHEMALINT_CACHE_DIR="+cache, "SL_DEV="+dev,
			"PATH="+wrap+string(os.PathListSeparator)+os.Getenv("PATH"))
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		stop := watchCommandLines(cache)
		_ = cmd.Run()
		argvs = append(argvs, stop()...)
		r := result{Code: cmd.ProcessState.ExitCode()}
		out := buf.String()
		if strings.Contains(out, "goroutine ") {
			t.Errorf("schemalint itself panicked:\n%s", out)
		}
		if r.Code != 2 || !strings.Contains(out, "cannot migrate") {
			t.Errorf("-v=%v: exit %d, want 2 and the migration's panic\n%s", verbose, r.Code, out)
		}
		for _, form := range []string{markerStem1, markerStem2} {
			if strings.Contains(out, form) {
				t.Errorf("-v=%v prints the password as %q:\n%s", verbose, form, out)
			}
		}
	}
	logged, err := os.ReadFile(argvLog)
	if err != nil || !strings.Contains(string(logged), "build") {
		t.Fatalf("the go wrapper recorded no go build (%v):\n%s", err, logged)
	}
	if len(argvs) == 0 {
		t.Error("no command line of the helper program was seen in /proc")
	}
	lines := string(logged) + strings.Join(argvs, "\n")
	var files int
	err = filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		for _, form := range []string{markerStem1, markerStem2} {
			if bytes.Contains(b, []byte(form)) {
				t.Errorf("the cache file %s holds the password", p)
			}
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Errorf("searched %d cache files: %v", files, err)
	}
	for _, form := range []string{markerStem1, markerStem2} {
		if strings.Contains(lines, form) {
			t.Errorf("a child's command line holds the password:\n%s", lines)
		}
	}
}

// watchCommandLines records, until the returned func is called, the
// command lines of the processes that mention needle (the run's private
// cache, which holds the helper program), polling /proc.
func watchCommandLines(needle string) (stop func() []string) {
	done := make(chan struct{})
	out := make(chan []string)
	go func() {
		seen := map[string]bool{}
		var lines []string
		for {
			entries, _ := os.ReadDir("/proc")
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
				if err != nil {
					continue
				}
				line := strings.ReplaceAll(string(b), "\x00", " ")
				if strings.Contains(line, needle) && !seen[line] {
					seen[line] = true
					lines = append(lines, line)
				}
			}
			select {
			case <-done:
				out <- lines
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() []string {
		close(done)
		return <-out
	}
}
