package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// Hostile names: anyone who can name a constraint, an index or a column
// in the database must not get SQL of their own into the repair script.
const (
	hostileFK      = `fk"; DROP TABLE roles CASCADE; --`
	hostilePK      = `pk"; DROP TABLE apps CASCADE; --`
	hostileIndex   = `ix"; DROP TABLE apps CASCADE; -- ✓ ünï /*`
	hostileColumn  = `c"; DROP TABLE roles CASCADE; --`
	hostileMyFK    = "fk`; DROP TABLE audit_events; -- "
	hostileMyIndex = "ix`; DROP TABLE security_events; # ✓"
	hostileMyCol   = "c`; DROP TABLE webhook_deliveries; -- ';"
	// sqlite3 skips the rest of a line after an error: the quote ends
	// the name of an index that exists, so that what follows runs.
	hostileSQIndex = "idx_devices_app_id`; DROP TABLE apps; --"
	hostileSQIdx2  = `ix"; DROP TABLE roles; --`
	hostileSQCol   = "c`\"; DROP TABLE roles; --"
	// A name with a line break: written raw into a -- comment, its
	// second line would be SQL.
	hostileNewline = "ix\nDROP TABLE apps; --"
)

// TestDriftHostileNamesRepairSafely creates objects with hostile names in
// a migrated reference database, runs drift --format sql on the real
// binary, runs the repair script with the database's own client (which,
// like a user applying it, goes on after an error), destructive
// statements uncommented as a reviewer would, and checks that no table
// went missing, that the repairs did repair (MySQL's column comments
// included), and that the name with a line break got no SQL and is never
// printed raw. Each hostile name ends its quote early on the unfixed
// planner, and the database's client then runs the DROP TABLE after it.
func TestDriftHostileNamesRepairSafely(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		hostileNames(t, db, true)
	})
	// Without the name with a line break, SQLite's table rebuild (to drop
	// the hostile column) writes every hostile index name again.
	t.Run("sqlite-rebuild", func(t *testing.T) {
		t.Parallel()
		hostileNames(t, testdb.SQLite(t), false)
	})
}

// hostileNames is one database's case: with newline, an index whose name
// holds a line break is among the hostile objects.
func hostileNames(t *testing.T, db *testdb.DB, newline bool) {
	testdb.Reference(t, db)
	q := func(name string) string {
		if db.Dialect() == dsn.MySQL {
			return "`" + strings.ReplaceAll(name, "`", "``") + "`"
		}
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
	var setup, repaired []string
	switch db.Dialect() {
	case dsn.Postgres:
		setup = []string{
			// Differs (no ON DELETE CASCADE): dropped and added again.
			"ALTER TABLE devices DROP CONSTRAINT devices_user_id_fkey",
			"ALTER TABLE devices ADD CONSTRAINT " + q(hostileFK) + " FOREIGN KEY (user_id) REFERENCES users (id)",
			// Differs (two columns): dropped and added on id.
			"ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey",
			"ALTER TABLE audit_events ADD CONSTRAINT " + q(hostilePK) + " PRIMARY KEY (id, created_at)",
			"CREATE INDEX " + q(hostileIndex) + " ON devices (fingerprint)",
			"ALTER TABLE devices ADD COLUMN " + q(hostileColumn) + " integer",
			"CREATE INDEX " + q(hostileNewline) + " ON devices (created_at)",
		}
		repaired = []string{hostileFK, hostilePK, hostileIndex, hostileColumn}
	case dsn.MySQL:
		var fk string
		if err := db.SQL().QueryRowContext(t.Context(),
			`SELECT constraint_name FROM information_schema.referential_constraints
			 WHERE constraint_schema = DATABASE() AND table_name = 'devices' AND referenced_table_name = 'users'`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		setup = []string{
			"ALTER TABLE devices DROP FOREIGN KEY " + q(fk),
			"ALTER TABLE devices ADD CONSTRAINT " + q(hostileMyFK) + " FOREIGN KEY (user_id) REFERENCES users (id)",
			"CREATE INDEX " + q(hostileMyIndex) + " ON devices (fingerprint)",
			"ALTER TABLE devices ADD COLUMN " + q(hostileMyCol) + " int",
			// Atlas keeps a comment that looks quoted as it is: this
			// one would open a string that the next one closes.
			`ALTER TABLE devices MODIFY COLUMN browser varchar(64) NOT NULL COMMENT '\'x\\\''`,
			`ALTER TABLE devices MODIFY COLUMN os varchar(64) NOT NULL COMMENT '\'; DROP TABLE email_otps; -- \''`,
			"CREATE INDEX " + q(hostileNewline) + " ON devices (created_at)",
		}
		repaired = []string{hostileMyFK, hostileMyIndex, hostileMyCol, "devices.browser", "devices.os"}
	case dsn.SQLite:
		setup = []string{
			"CREATE INDEX `" + strings.ReplaceAll(hostileSQIndex, "`", "``") + "` ON devices (fingerprint)",
			"CREATE INDEX " + q(hostileSQIdx2) + " ON devices (name)",
			// The CHECK names the column: SQLite's DROP COLUMN refuses
			// it, so drift rebuilds the table to drop it.
			"ALTER TABLE devices ADD COLUMN " + q(hostileSQCol) + " integer CHECK (" + q(hostileSQCol) + " >= 0)",
			"CREATE INDEX " + q(hostileNewline) + " ON devices (created_at)",
		}
		repaired = []string{hostileSQIndex, hostileSQIdx2, hostileSQCol}
		if newline {
			// Dropping the column rebuilds the table, indexes
			// included: the one with a line break refuses it.
			repaired = repaired[:2]
		}
	}
	for _, stmt := range setup {
		if !newline && strings.Contains(stmt, q(hostileNewline)) {
			continue
		}
		if _, err := db.SQL().ExecContext(t.Context(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	before := tableNames(t, db)
	for _, must := range []string{"apps", "roles", "devices", "users"} {
		if !slices.Contains(before, must) {
			t.Fatalf("no table %s in %v", must, before)
		}
	}

	env := map[string]string{"SL_DSN": db.DSN.URL()}
	args := func(extra ...string) []string { return append(append([]string(nil), referenceArgs...), extra...) }
	script := runDrift(t, repoRoot, env, args("--format", "sql")...)
	if script.Code == 2 || !strings.HasPrefix(script.Stdout, "-- Repair script") {
		t.Fatalf("exit %d\n%s\n%s", script.Code, script.Stdout, script.Stderr)
	}
	text := runDrift(t, repoRoot, env, args()...)
	js := runDrift(t, repoRoot, env, args("--format", "json")...)
	for name, out := range map[string]string{"sql": script.Stdout, "text": text.Stdout, "json": js.Stdout,
		"stderr": script.Stderr + text.Stderr + js.Stderr} {
		if strings.Contains(out, hostileNewline) || strings.Contains(out, "\nDROP TABLE") {
			t.Errorf("%s output holds the name with a line break raw:\n%s", name, out)
		}
	}
	if newline && !strings.Contains(text.Stdout, `index "ix\nDROP TABLE apps; --" (created_at) on devices`) {
		t.Errorf("the text output does not show the name with a line break quoted:\n%s", text.Stdout)
	}
	var report driftJSON
	if err := json.Unmarshal([]byte(js.Stdout), &report); err != nil {
		t.Fatalf("%v\n%s", err, js.Stdout)
	}
	refused := false
	for i := range report.Findings {
		f := &report.Findings[i]
		if strings.Contains(f.Object, `ix\nDROP TABLE apps`) {
			refused = true
			if !strings.Contains(f.Message, "contains control or invisible characters") ||
				!strings.HasPrefix(f.SQL, "-- ") || strings.Count(f.SQL, "\n") > 1 {
				t.Errorf("the name with a line break: %+v", f)
			}
		}
	}
	if !refused && newline {
		t.Errorf("no finding for the index with a line break in %s", js.Stdout)
	}
	t.Logf("repair script:\n%s", script.Stdout)

	runScript(t, db, uncommentDestructive(script.Stdout))

	after := tableNames(t, db)
	for _, name := range before {
		if !slices.Contains(after, name) {
			t.Errorf("table %s is gone after the repair script", name)
		}
	}
	// The repairs did what they say: the hostile objects are repaired
	// (the next run no longer reports them).
	again := runDrift(t, repoRoot, env, args("--format", "json")...)
	var next driftJSON
	if err := json.Unmarshal([]byte(again.Stdout), &next); err != nil {
		t.Fatalf("%v\n%s\n%s", err, again.Stdout, again.Stderr)
	}
	for i := range next.Findings {
		f := &next.Findings[i]
		for _, name := range repaired {
			if strings.Contains(f.Message, name) || strings.Contains(f.Object, name) {
				t.Errorf("still reported after the repair: %s %s: %s\n%s", f.Rule, f.Object, f.Message, f.SQL)
			}
		}
	}
	if db.Dialect() == dsn.MySQL {
		// The comments survived the repair, unchanged.
		for col, want := range map[string]string{"browser": `'x\'`, "os": `'; DROP TABLE email_otps; -- '`} {
			var got string
			if err := db.SQL().QueryRowContext(t.Context(), `SELECT column_comment FROM information_schema.columns
				WHERE table_schema = DATABASE() AND table_name = 'devices' AND column_name = ?`, col).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("comment of devices.%s is %q after the repair, want %q", col, got, want)
			}
		}
	}
}

// uncommentDestructive uncomments the destructive statements of a repair
// script, as a reviewer who accepts them would.
func uncommentDestructive(script string) string {
	var out []string
	in := false
	for line := range strings.SplitSeq(script, "\n") {
		switch {
		case line == "-- destructive, review before running:":
			in = true
			continue
		case in && strings.HasPrefix(line, "-- "):
			line = strings.TrimPrefix(line, "-- ")
		default:
			in = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// runScript runs a repair script with the database's command-line client,
// which goes on after a failing statement (psql, mariadb --force,
// sqlite3), as a script applied by hand would.
func runScript(t *testing.T, db *testdb.DB, script string) {
	t.Helper()
	out, err := testdb.RunScript(t, db, script, true)
	t.Logf("%v\n%s", err, out)
}

// tableNames lists the database's tables.
func tableNames(t *testing.T, db *testdb.DB) []string {
	t.Helper()
	query := map[string]string{
		dsn.Postgres: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
		dsn.MySQL:    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
		dsn.SQLite:   "SELECT name FROM sqlite_master WHERE type = 'table'",
	}[db.Dialect()]
	rows, err := db.SQL().QueryContext(t.Context(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
