package live

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// assertOneLine fails unless err is a single line that starts by naming
// the inspection and contains every one of parts.
func assertOneLine(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error spans lines: %q", msg)
	}
	if !strings.HasPrefix(msg, "live: inspect ") {
		t.Errorf("error does not say what failed: %q", msg)
	}
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("error %q does not mention %q", msg, p)
		}
	}
}

func TestInspectErrors(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		d := db.Dialect()
		createFeatures(t, db)

		t.Run("CancelledContext", func(t *testing.T) {
			ctx, cancel := context.WithCancel(ctx)
			cancel()
			_, err := Inspect(ctx, db.SQL(), d, Options{})
			assertOneLine(t, err, "context canceled")
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error does not wrap context.Canceled: %v", err)
			}
		})

		t.Run("ExpiredDeadline", func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, -time.Second)
			defer cancel()
			_, err := Inspect(ctx, db.SQL(), d, Options{})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error does not wrap context.DeadlineExceeded: %v", err)
			}
		})

		t.Run("MissingSchema", func(t *testing.T) {
			_, err := Inspect(ctx, db.SQL(), d, Options{Schema: "no_such_schema"})
			assertOneLine(t, err, `"no_such_schema"`, "not found")
			if !schema.IsNotExistError(err) {
				t.Errorf("schema.IsNotExistError is false for %v", err)
			}
		})

		t.Run("NamedSchema", func(t *testing.T) {
			// Naming the default schema explicitly gives the same result.
			name := map[string]string{dsn.Postgres: "public", dsn.MySQL: db.DSN.Database, dsn.SQLite: "main"}[d]
			named, err := Inspect(ctx, db.SQL(), d, Options{Schema: name})
			if err != nil {
				t.Fatal(err)
			}
			if named.Name != name || len(named.Tables) == 0 {
				t.Errorf("got schema %q with %d tables", named.Name, len(named.Tables))
			}
		})

		t.Run("ClosedDB", func(t *testing.T) {
			closed, err := db.DSN.Open()
			if err != nil {
				t.Fatal(err)
			}
			if err := closed.Close(); err != nil {
				t.Fatal(err)
			}
			_, err = Inspect(ctx, closed, d, Options{})
			assertOneLine(t, err, "database is closed")
		})
	})
}

// TestInspectCancelledWhileWaiting holds a lock the inspection has to wait
// for and checks that Inspect returns when its context ends, not when the
// lock goes: SQLite's busy wait ignores the context for up to busy_timeout
// (5 s), PostgreSQL waits for a lock on a sequence as long as it is
// held. (MariaDB's information_schema reads take no lock another session
// can hold for long, so there is nothing to wait for.)
func TestInspectCancelledWhileWaiting(t *testing.T) {
	t.Parallel()
	locks := map[string][]string{
		dsn.SQLite: {"BEGIN EXCLUSIVE"},
		// Inspect reads the identity columns' last_value, which locks
		// their sequence; ALTER SEQUENCE holds a conflicting lock until
		// the transaction ends. (Not a catalogue lock: CI's test role is
		// no superuser.)
		dsn.Postgres: {"BEGIN", "ALTER SEQUENCE kinds_ident_seq RESTART WITH 10"},
	}
	for _, d := range []string{dsn.Postgres, dsn.SQLite} {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			createFeatures(t, db)
			inspector, err := db.DSN.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = inspector.Close() }()
			// Connect before the lock: a new PostgreSQL session reads
			// pg_index while it starts.
			if err := inspector.PingContext(ctx); err != nil {
				t.Fatal(err)
			}
			holder, err := db.SQL().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = holder.Close() }()
			for _, s := range locks[d] {
				if _, err := holder.ExecContext(ctx, s); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
			}
			defer func() { _, _ = holder.ExecContext(ctx, "ROLLBACK") }() // releases the lock

			timeout, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err = Inspect(timeout, inspector, d, Options{})
			elapsed := time.Since(start)
			assertOneLine(t, err, "context deadline exceeded")
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error does not wrap context.DeadlineExceeded: %v", err)
			}
			if elapsed > 2*time.Second {
				t.Errorf("Inspect returned %v after its context ended", elapsed)
			}
		})
	}
}

func TestInspectBadArguments(t *testing.T) {
	_, err := Inspect(context.Background(), nil, dsn.Postgres, Options{})
	assertOneLine(t, err, "no database")
	_, err = Inspect(context.Background(), &sql.DB{}, "oracle", Options{})
	assertOneLine(t, err, `unknown dialect "oracle"`)
}

// TestInspectErrorHidesPassword connects with a password to a database that
// does not exist (PostgreSQL) or with a wrong password (MySQL): the error
// must say why without the password.
func TestInspectErrorHidesPassword(t *testing.T) {
	t.Parallel()
	const secret = "s3cret-Pa55word"
	for _, d := range []string{dsn.Postgres, dsn.MySQL} {
		t.Run(d, func(t *testing.T) {
			env := map[string]string{dsn.Postgres: testdb.EnvPostgres, dsn.MySQL: testdb.EnvMySQL}[d]
			admin := testdb.New(t, d) // skips, or fails under CI, without a server
			u, err := url.Parse(admin.DSN.URL())
			if err != nil {
				t.Fatal(err)
			}
			u.User = url.UserPassword(u.User.Username(), secret)
			if d == dsn.Postgres {
				u.Path = "/no_such_database_" + randomName(t)
			}
			parsed, err := dsn.Parse(u.String())
			if err != nil {
				t.Fatalf("%s: %v", env, err)
			}
			conn, err := parsed.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = conn.Close() }()
			_, err = Inspect(context.Background(), conn, d, Options{})
			assertOneLine(t, err, "begin read-only transaction")
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}
