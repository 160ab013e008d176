package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/testdb"
)

// envPGLog names the PostgreSQL server log the read-only proof reads;
// by default the Debian cluster's, /var/log/postgresql/postgresql-*-main.log.
const envPGLog = "SCHEMALINT_TEST_POSTGRES_LOG"

// pgLogFile returns the server log, or skips (fails under CI) when it
// cannot be read.
func pgLogFile(t *testing.T) string {
	t.Helper()
	path := os.Getenv(envPGLog)
	if path == "" {
		matches, _ := filepath.Glob("/var/log/postgresql/postgresql-*-main.log")
		if len(matches) > 0 {
			path = matches[len(matches)-1]
		}
	}
	if f, err := os.Open(path); err == nil {
		_ = f.Close()
		return path
	}
	testdb.Missing(t, envPGLog, fmt.Sprintf("PostgreSQL's server log %q cannot be read; set %s", path, envPGLog))
	return ""
}

// writeRE matches statements that would change something: data,
// schema, privileges, or settings beyond the transaction.
var writeRE = regexp.MustCompile(`(?i)^\s*(INSERT|UPDATE|DELETE|MERGE|UPSERT|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE|COMMENT|SECURITY|VACUUM|ANALYZE|REINDEX|CLUSTER|REFRESH|LOCK|COPY|CALL|DO|IMPORT|LISTEN|NOTIFY|PREPARE TRANSACTION|SET (SESSION|ROLE)|RESET|DISCARD)\b`)

// TestDriftIsReadOnlyOnPostgres runs schemalint drift as a role that may
// only connect, use the schema and SELECT, with default_transaction_read_only
// on, and has the server log every statement the role sends: the run
// succeeds, and the log holds reads only (in a READ ONLY transaction).
func TestDriftIsReadOnlyOnPostgres(t *testing.T) {
	t.Parallel()
	logPath := pgLogFile(t)
	db := testdb.Postgres(t)
	testdb.Reference(t, db)
	role := pgRole(t, db, "sl_drift_reader",
		"ALTER ROLE %[1]s SET default_transaction_read_only = on",
		"ALTER ROLE %[1]s SET log_statement = 'all'",
		"REVOKE ALL ON DATABASE %[2]s FROM PUBLIC",
		"GRANT CONNECT ON DATABASE %[2]s TO %[1]s",
		"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
		"GRANT USAGE ON SCHEMA public TO %[1]s",
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO %[1]s",
	)
	info, err := os.Stat(logPath)
	if err != nil {
		t.Fatal(err)
	}
	offset := info.Size()

	url := withCredentials(t, testdb.EnvPostgres, role, mustNotLeak, db.DSN.Database)
	r := runDrift(t, repoRoot, map[string]string{"SL_DSN": url}, referenceArgs...)
	if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("as the read-only role: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	// The server writes the log asynchronously: wait for the role's
	// disconnection to be there, or at least for its statements.
	var stmts []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		stmts = roleStatements(t, logPath, offset, role+"@"+db.DSN.Database)
		if len(stmts) > 0 && (strings.Contains(strings.ToUpper(strings.Join(stmts, "\n")), "ROLLBACK") || time.Now().After(deadline)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no statement of %s in %s after %v: is log_statement honoured?", role, logPath, 10*time.Second)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var begin, catalogue bool
	for _, s := range stmts {
		if writeRE.MatchString(s) {
			t.Errorf("drift sent a statement that writes: %s", s)
		}
		up := strings.ToUpper(s)
		// pgx spells it "begin isolation level repeatable read, read only"
		// without the comma.
		begin = begin || strings.HasPrefix(up, "BEGIN") && strings.Contains(up, "READ ONLY")
		catalogue = catalogue || strings.Contains(up, "PG_CATALOG") || strings.Contains(up, "INFORMATION_SCHEMA")
	}
	if !begin || !catalogue || len(stmts) < 5 {
		t.Errorf("the log does not show a read-only inspection (%d statements, BEGIN ... READ ONLY %v, catalogue reads %v):\n%s",
			len(stmts), begin, catalogue, strings.Join(stmts, "\n"))
	}
	t.Logf("%d statements logged for %s, none writes", len(stmts), role)
}

// roleStatements returns the statements the server logged for user@db
// after offset: "statement: ..." and "execute <name>: ..." entries, with
// their continuation lines.
func roleStatements(t *testing.T, path string, offset int64, who string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if _, err := f.Seek(offset, 0); err != nil {
		t.Fatal(err)
	}
	var out []string
	current := -1
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "\t"); ok {
			if current >= 0 {
				out[current] += "\n" + rest
			}
			continue
		}
		current = -1
		if !strings.Contains(line, " "+who+" ") {
			continue
		}
		for _, marker := range []string{"LOG:  statement: ", "LOG:  execute "} {
			_, stmt, found := strings.Cut(line, marker)
			if !found {
				continue
			}
			if marker == "LOG:  execute " {
				// "execute <name>: SELECT ..."
				if _, rest, ok := strings.Cut(stmt, ": "); ok {
					stmt = rest
				}
			}
			out = append(out, stmt)
			current = len(out) - 1
		}
	}
	return out
}
