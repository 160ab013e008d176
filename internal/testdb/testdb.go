// Package testdb gives a test its own fresh, empty database on PostgreSQL,
// MySQL/MariaDB or SQLite, and removes it when the test ends.
//
// The servers are named by environment variables holding an administrator
// URL (one that may CREATE and DROP DATABASE):
//
//	SCHEMALINT_TEST_POSTGRES  default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
//	SCHEMALINT_TEST_MYSQL     default mysql://root@127.0.0.1:3306/
//
// When a server cannot be reached the test is skipped with a message naming
// the variable, except under CI (CI=true), where it fails: CI must never
// pass by skipping the database tests. A package using these databases
// has Main as its TestMain, which lists the skips and fails the run unless
// SCHEMALINT_TEST_ALLOW_SKIP=1.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Environment variables naming the test servers.
const (
	EnvPostgres = "SCHEMALINT_TEST_POSTGRES"
	EnvMySQL    = "SCHEMALINT_TEST_MYSQL"
)

const (
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	defaultMySQL    = "mysql://root@127.0.0.1:3306/"
)

// DB is a fresh database for one test.
type DB struct {
	// Bun is the database, with the dialect of the server.
	Bun *bun.DB
	// DSN names the fresh database; DSN.URL() gives it to a subprocess.
	DSN dsn.DSN
}

// Dialect returns dsn.Postgres, dsn.MySQL or dsn.SQLite.
func (db *DB) Dialect() string { return db.DSN.Dialect }

// Dialects lists the dialects Each runs on, in order.
var Dialects = []string{dsn.Postgres, dsn.MySQL, dsn.SQLite}

// Each runs fn as a subtest on a fresh database of every dialect.
func Each(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) {
			fn(t, New(t, d))
		})
	}
}

// New returns a fresh database of the given dialect.
func New(t testing.TB, dialect string) *DB {
	t.Helper()
	switch dialect {
	case dsn.Postgres:
		return Postgres(t)
	case dsn.MySQL:
		return MySQL(t)
	case dsn.SQLite:
		return SQLite(t)
	}
	t.Fatalf("testdb: unknown dialect %q", dialect)
	return nil
}

// Postgres returns a fresh PostgreSQL database.
func Postgres(t testing.TB) *DB {
	t.Helper()
	return server(t, EnvPostgres, `CREATE DATABASE %s`, `DROP DATABASE IF EXISTS %s WITH (FORCE)`)
}

// MySQL returns a fresh MySQL/MariaDB database.
func MySQL(t testing.TB) *DB {
	t.Helper()
	return server(t, EnvMySQL,
		"CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "DROP DATABASE IF EXISTS %s")
}

// SQLite returns a fresh SQLite database in a file under t.TempDir().
func SQLite(t testing.TB) *DB {
	t.Helper()
	d, err := dsn.Parse("sqlite://" + filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	return open(t, d)
}

// AdminURL returns the administrator URL for a server variable.
func AdminURL(env string) string {
	if v := strings.TrimSpace(os.Getenv(env)); v != "" {
		return v
	}
	switch env {
	case EnvPostgres:
		return defaultPostgres
	case EnvMySQL:
		return defaultMySQL
	}
	return ""
}

// Unavailable skips t (see Missing), or fails it under CI, because a
// server is missing.
func Unavailable(t testing.TB, env string, err error) {
	t.Helper()
	Missing(t, env, fmt.Sprintf("database from %s (%s) is not available: %v; start the server or set %s", env, dsn.Redact(AdminURL(env)), err, env))
}

func server(t testing.TB, env, create, drop string) *DB {
	t.Helper()
	admin, err := dsn.Parse(AdminURL(env))
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	adminDB, err := admin.Open()
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	defer func() { _ = adminDB.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := adminDB.PingContext(ctx); err != nil {
		Unavailable(t, env, err)
	}
	name := "sltest_" + randomSuffix()
	if _, err := adminDB.ExecContext(ctx, fmt.Sprintf(create, name)); err != nil {
		t.Fatalf("create test database %s: %v", name, err)
	}
	t.Cleanup(func() {
		db, err := admin.Open()
		if err != nil {
			t.Errorf("drop test database %s: %v", name, err)
			return
		}
		defer func() { _ = db.Close() }()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, fmt.Sprintf(drop, name)); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	return open(t, admin.WithDatabase(name))
}

func open(t testing.TB, d dsn.DSN) *DB {
	t.Helper()
	bdb, err := d.OpenBun()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = bdb.Close() })
	if err := bdb.PingContext(context.Background()); err != nil {
		t.Fatalf("connect to %s: %v", d, err)
	}
	return &DB{Bun: bdb, DSN: d}
}

// SQL returns the underlying *sql.DB.
func (db *DB) SQL() *sql.DB { return db.Bun.DB }

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
