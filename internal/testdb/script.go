package testdb

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/dsn"
)

// RunScript runs a SQL script on db with the database's own command-line
// client, as a user applying a repair script would: psql, mariadb (or
// mysql), sqlite3. With keepGoing the client goes on after a failing
// statement (psql's default, mariadb --force, sqlite3's default);
// without it the client stops at the first error (psql -v
// ON_ERROR_STOP=1, mariadb's default, sqlite3 -bail) and the error is
// returned. The client's output is returned either way. A missing client
// fails the test rather than proving nothing.
func RunScript(t testing.TB, db *DB, script string, keepGoing bool) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var cmd *exec.Cmd
	switch db.Dialect() {
	case dsn.Postgres:
		file := filepath.Join(t.TempDir(), "script.sql")
		if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
			t.Fatal(err)
		}
		args := []string{"-X", "-q", "-d", db.DSN.URL(), "-f", file}
		if !keepGoing {
			args = append(args, "-v", "ON_ERROR_STOP=1")
		}
		cmd = exec.CommandContext(ctx, client(t, "psql"), args...)
	case dsn.MySQL:
		u, err := url.Parse(db.DSN.URL())
		if err != nil {
			t.Fatal(err)
		}
		pw, _ := u.User.Password()
		args := []string{"--no-defaults", "-h", u.Hostname(), "-P", u.Port(), "-u", u.User.Username()}
		if keepGoing {
			args = append(args, "--force")
		}
		cmd = exec.CommandContext(ctx, client(t, "mariadb", "mysql"), append(args, strings.TrimPrefix(u.Path, "/"))...)
		cmd.Env = append(os.Environ(), "MYSQL_PWD="+pw)
		cmd.Stdin = strings.NewReader(script)
	case dsn.SQLite:
		var args []string
		if !keepGoing {
			args = append(args, "-bail")
		}
		cmd = exec.CommandContext(ctx, client(t, "sqlite3"), append(args, db.DSN.Database)...)
		// Applications open SQLite with foreign keys on; the CLI does
		// not.
		cmd.Stdin = strings.NewReader("PRAGMA foreign_keys = ON;\n" + script)
	default:
		t.Fatalf("testdb: unknown dialect %q", db.Dialect())
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// client finds a database's command-line client.
func client(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Fatalf("no %s on PATH: the test runs SQL scripts with it", strings.Join(names, " or "))
	return ""
}
