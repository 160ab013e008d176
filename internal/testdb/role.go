package testdb

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// PostgresRole creates a PostgreSQL login role for the test on db's server,
// named prefix_<random>, with password and no attribute beyond LOGIN. It is
// dropped when the test ends, before db, with what it owns and was granted
// in db; a role that cannot be dropped fails the test rather than stay on
// the server.
//
// The test account makes itself a member of the role: DROP OWNED needs
// that unless the account is a superuser, which CI's is not (.ci/run gives
// it CREATEDB, CREATEROLE and pg_signal_backend only).
func PostgresRole(t testing.TB, db *DB, prefix, password string) string {
	t.Helper()
	role := prefix + "_" + randomSuffix()
	ctx := context.Background()
	for _, stmt := range []string{
		fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT", role, password),
		fmt.Sprintf("GRANT %s TO CURRENT_USER", role),
	} {
		if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		for _, stmt := range []string{"DROP OWNED BY " + role, "DROP ROLE " + role} {
			if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
				t.Errorf("%s (left on the server): %v", stmt, err)
				return
			}
		}
	})
	return role
}
