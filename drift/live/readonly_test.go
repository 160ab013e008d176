package live

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// asUser returns db's database opened as user with password instead of the
// administrator.
func asUser(t *testing.T, db *testdb.DB, user, password string) *sql.DB {
	t.Helper()
	u, err := url.Parse(db.DSN.URL())
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	d, err := dsn.Parse(u.String())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := d.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// exec runs statements as db's administrator.
func exec(t *testing.T, db *sql.DB, statements ...string) {
	t.Helper()
	for _, s := range statements {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// assertSameAsAtlasOn inspects conn with Inspect and with Atlas, both as
// conn's user, and fails unless the results are the same.
func assertSameAsAtlasOn(t *testing.T, conn *sql.DB, dialect string) {
	t.Helper()
	ours, err := Inspect(context.Background(), conn, dialect, Options{})
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	drv, err := openAtlas(dialect, conn)
	if err != nil {
		t.Fatal(err)
	}
	atlas, err := drv.InspectSchema(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	assertEqualSchemas(t, dialect, atlas, ours)
	if len(ours.Tables) != 44 {
		t.Errorf("got %d tables, want the 44 of the reference schema", len(ours.Tables))
	}
}

// readOnlyChecks hold, per dialect, a check that Inspect works read-only
// on db, which holds the reference schema. The SQLite check closes db.
var readOnlyChecks = map[string]func(t *testing.T, db *testdb.DB){
	dsn.Postgres: inspectAsReadOnlyRole,
	dsn.MySQL:    inspectAsSelectOnlyUser,
	dsn.SQLite:   inspectReadOnlyFile,
}

// inspectAsReadOnlyRole runs Inspect as a PostgreSQL role that may connect,
// use the schema and SELECT, nothing else, and whose transactions are
// read-only by default: any write would fail.
func inspectAsReadOnlyRole(t *testing.T, db *testdb.DB) {
	role := testdb.PostgresRole(t, db, "sl_reader", "reader-pw")
	admin := db.SQL()
	exec(t, admin,
		fmt.Sprintf(`ALTER ROLE %s SET default_transaction_read_only = on`, role),
		fmt.Sprintf(`REVOKE ALL ON DATABASE %s FROM PUBLIC`, db.DSN.Database),
		fmt.Sprintf(`GRANT CONNECT ON DATABASE %s TO %s`, db.DSN.Database, role),
		fmt.Sprintf(`GRANT USAGE ON SCHEMA public TO %s`, role),
		fmt.Sprintf(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s`, role),
	)
	conn := asUser(t, db, role, "reader-pw")
	var readOnly string
	if err := conn.QueryRowContext(context.Background(), "SHOW default_transaction_read_only").Scan(&readOnly); err != nil {
		t.Fatal(err)
	}
	if readOnly != "on" {
		t.Fatalf("default_transaction_read_only = %s for the reader", readOnly)
	}
	assertSameAsAtlasOn(t, conn, dsn.Postgres)
	if err := conn.Close(); err != nil { // so that no session of the role is left for DROP ROLE
		t.Fatal(err)
	}
}

// inspectAsSelectOnlyUser runs Inspect as a MySQL user that may only
// SELECT and SHOW VIEW in the database (MariaDB hides constraints from a
// user with SELECT alone; see checkMySQLPrivileges).
func inspectAsSelectOnlyUser(t *testing.T, db *testdb.DB) {
	user := "sl_reader_" + randomName(t)
	admin := db.SQL()
	exec(t, admin,
		fmt.Sprintf(`CREATE USER '%s'@'%%' IDENTIFIED BY 'reader-pw'`, user),
		fmt.Sprintf("GRANT SELECT, SHOW VIEW ON `%s`.* TO '%s'@'%%'", db.DSN.Database, user),
	)
	t.Cleanup(func() { exec(t, admin, fmt.Sprintf(`DROP USER '%s'@'%%'`, user)) })
	assertSameAsAtlasOn(t, asUser(t, db, user, "reader-pw"), dsn.MySQL)
}

// inspectReadOnlyFile inspects a SQLite file opened read-only (mode=ro)
// and checks that the file's bytes did not change.
func inspectReadOnlyFile(t *testing.T, db *testdb.DB) {
	if err := db.Bun.Close(); err != nil { // no other connection may write meanwhile
		t.Fatal(err)
	}
	before := fileSum(t, db.DSN.Database)
	conn, err := db.DSN.ReadOnly().Open()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	if _, err := conn.ExecContext(context.Background(), "CREATE TABLE probe (id int)"); err == nil {
		t.Fatal("the read-only connection could write: the test proves nothing")
	}
	assertSameAsAtlasOn(t, conn, dsn.SQLite)
	if after := fileSum(t, db.DSN.Database); !bytes.Equal(before, after) {
		t.Error("the database file changed during inspection")
	}
}

func fileSum(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return s[:]
}

// TestQuerierRefusesStatements checks the last line of defence: whatever
// Atlas's inspector would execute, the querier refuses.
func TestQuerierRefusesStatements(t *testing.T) {
	q := newQuerier(context.Background(), nil, nil)
	if _, err := q.ExecContext(context.Background(), "DROP TABLE users"); !errors.Is(err, errWrite) {
		t.Fatalf("ExecContext returned %v, want errWrite", err)
	}
}

// randomName returns a short random suffix for server-wide names (roles,
// users) that parallel test runs must not share.
func randomName(t *testing.T) string {
	t.Helper()
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
