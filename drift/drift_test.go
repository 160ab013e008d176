package drift_test

import (
	"context"
	"database/sql"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/load"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
	"github.com/schemalint/schemalint/schema"
)

// root is the module root: the reference schema's models and migrations.
const root = ".."

var (
	refOnce     sync.Once
	refDeclared *declared.Schema
	refSources  *drift.Sources
	errRef      error
)

// reference returns what the reference migrations declare and where the
// reference models are, read once per test binary (the extraction takes
// seconds).
func reference(t *testing.T) (*declared.Schema, *drift.Sources) {
	t.Helper()
	refOnce.Do(func() {
		ctx := context.Background()
		if refDeclared, errRef = declared.Load(ctx, root, "./migrations"); errRef != nil {
			return
		}
		refSources, errRef = load.Sources(ctx, root, "./schema")
	})
	if errRef != nil {
		t.Fatal(errRef)
	}
	return refDeclared, refSources
}

// compareReference compares db with the reference models and migrations.
func compareReference(t *testing.T, db *testdb.DB) *drift.Result {
	t.Helper()
	decl, src := reference(t)
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	opts := drift.Options{Declared: drift.FromDeclared(decl, db.Dialect(), abs), Sources: src}
	res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), opts, schema.Models()...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func logFindings(t *testing.T, fs []drift.Finding) {
	t.Helper()
	for i := range fs {
		f := &fs[i]
		t.Errorf("%s %s %s %s [%s %s at %s]: %s\n%s", f.Kind.ID(), f.Kind, f.Severity, f.Object, f.Model, f.Field, f.Position, f.Message, f.SQL)
	}
}

// TestReferenceHasNoDrift: the reference schema, migrated by its own
// migrations, matches its models on every database: no finding, no note.
func TestReferenceHasNoDrift(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		testdb.Reference(t, db)
		res := compareReference(t, db)
		logFindings(t, res.Findings)
		for _, n := range res.Notes {
			t.Errorf("note: %s", n)
		}
	})
}

// injection is one kind of drift made by hand on a freshly migrated
// reference database.
type injection struct {
	name     string
	kind     drift.Kind
	severity config.Severity
	// object is the finding's Object on every dialect, or per dialect.
	object   string
	objectBy map[string]string
	model    string // short model name, "" for none
	field    string
	// file is the position's file (relative to the module root) and
	// line a text the line there holds; both empty for no position.
	file, line string
	// sql makes the drift, per dialect: statements, or a function for
	// what needs looking up (MySQL's foreign-key names) or a table
	// rebuild (SQLite cannot alter columns or constraints). A dialect
	// without an entry lacks the case, as the test says.
	sql     map[string][]string
	sqlFunc map[string]func(t *testing.T, db *sql.DB) []string
	// noSQL is set when the repair is the Go change only.
	noSQL bool
}

const (
	pg, my, lite = dsn.Postgres, dsn.MySQL, dsn.SQLite
)

var injections = []injection{
	{name: "drop a table", kind: drift.TableMissing, severity: config.Error, object: "webhook_deliveries",
		model: "WebhookDelivery", file: "schema/webhook_delivery.go", line: "type WebhookDelivery struct",
		sql: all("DROP TABLE webhook_deliveries")},
	{name: "create a table", kind: drift.TableExtra, severity: config.Info, object: "legacy_things",
		sql: all("CREATE TABLE legacy_things (id integer PRIMARY KEY)")},
	{name: "drop a column", kind: drift.ColumnMissing, severity: config.Error, object: "users.image",
		model: "User", field: "Image", file: "schema/user.go", line: "Image",
		sql: all("ALTER TABLE users DROP COLUMN image")},
	{name: "add a nullable column", kind: drift.ColumnExtra, severity: config.Info, object: "users.nickname",
		model: "User", file: "schema/user.go", line: "type User struct",
		sql: all("ALTER TABLE users ADD COLUMN nickname varchar(50)")},
	{name: "add a NOT NULL column without default", kind: drift.ColumnExtra, severity: config.Error, object: "users.legacy_code",
		model: "User", file: "schema/user.go", line: "type User struct",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ADD COLUMN legacy_code integer NOT NULL"},
			my: {"ALTER TABLE users ADD COLUMN legacy_code integer NOT NULL"},
		},
		sqlFunc: rebuild("users", `"id" varchar(20) NOT NULL, `, `"id" varchar(20) NOT NULL, "legacy_code" INTEGER NOT NULL, `)},
	{name: "narrow a column's type", kind: drift.ColumnType, severity: config.Error, object: "users.name",
		model: "User", field: "Name", file: "schema/user.go", line: "Name ",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ALTER COLUMN name TYPE varchar(100)"},
			my: {"ALTER TABLE users MODIFY name varchar(100) NOT NULL DEFAULT ''"},
		},
		// SQLite ignores lengths: change the type's affinity instead.
		sqlFunc: rebuild("users", `"name" varchar(255) NOT NULL`, `"name" INTEGER NOT NULL`)},
	{name: "make a pointer field's column NOT NULL", kind: drift.ColumnNullability, severity: config.Error, object: "users.phone",
		model: "User", field: "Phone", file: "schema/user.go", line: "Phone",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ALTER COLUMN phone SET NOT NULL"},
			my: {"ALTER TABLE users MODIFY phone varchar(32) NOT NULL"},
		},
		sqlFunc: rebuild("users", `"phone" varchar(32),`, `"phone" varchar(32) NOT NULL,`)},
	{name: "let a notnull column be NULL", kind: drift.ColumnNullability, severity: config.Warning, object: "users.email",
		model: "User", field: "Email", file: "schema/user.go", line: "Email ",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ALTER COLUMN email DROP NOT NULL"},
			my: {"ALTER TABLE users MODIFY email varchar(255) NULL"},
		},
		sqlFunc: rebuild("users", `"email" varchar(255) NOT NULL`, `"email" varchar(255)`)},
	{name: "drop a default the model relies on", kind: drift.ColumnDefault, severity: config.Error, object: "users.status",
		model: "User", field: "Status", file: "schema/user.go", line: "Status",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ALTER COLUMN status DROP DEFAULT"},
			my: {"ALTER TABLE users ALTER COLUMN status DROP DEFAULT"},
		}},
	{name: "change a default", kind: drift.ColumnDefault, severity: config.Warning, object: "users.status",
		model: "User", field: "Status", file: "schema/user.go", line: "Status",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ALTER COLUMN status SET DEFAULT 'banned'"},
			my: {"ALTER TABLE users ALTER COLUMN status SET DEFAULT 'banned'"},
		},
		// On SQLite Bun writes the default itself, so a missing one is
		// only a warning too.
		sqlFunc: rebuild("users", `"status" varchar(20) NOT NULL DEFAULT 'active'`, `"status" varchar(20) NOT NULL`)},
	{name: "drop a primary key", kind: drift.PrimaryKey, severity: config.Error, object: "webhook_deliveries:PRIMARY KEY",
		model: "WebhookDelivery", file: "schema/webhook_delivery.go", line: "type WebhookDelivery struct",
		sql: map[string][]string{
			pg: {"ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_pkey"},
			my: {"ALTER TABLE webhook_deliveries DROP PRIMARY KEY"},
		},
		sqlFunc: rebuild("webhook_deliveries", `PRIMARY KEY ("id"), `, ``)},
	{name: "drop a unique constraint of a tag", kind: drift.Unique, severity: config.Warning, object: "app_invitations:(token_hash)",
		model: "AppInvitation", field: "TokenHash", file: "schema/app_invitation.go", line: "TokenHash",
		sql: map[string][]string{
			pg: {"ALTER TABLE app_invitations DROP CONSTRAINT app_invitations_token_hash_key"},
			my: {"ALTER TABLE app_invitations DROP INDEX token_hash"},
		},
		sqlFunc: rebuild("app_invitations", `, UNIQUE ("token_hash")`, ``)},
	{name: "drop a declared index", kind: drift.IndexMissing, severity: config.Warning,
		object: "webhook_deliveries:idx_webhook_deliveries_status_next_attempt", model: "WebhookDelivery",
		file: "migrations/20260101000011_notifications.go", line: "idx_webhook_deliveries_status_next_attempt",
		sql: map[string][]string{
			pg:   {"DROP INDEX idx_webhook_deliveries_status_next_attempt"},
			my:   {"DROP INDEX idx_webhook_deliveries_status_next_attempt ON webhook_deliveries"},
			lite: {"DROP INDEX idx_webhook_deliveries_status_next_attempt"},
		}},
	{name: "create an index", kind: drift.IndexExtra, severity: config.Info, object: "users:idx_extra_users_name",
		model: "User", file: "schema/user.go", line: "type User struct",
		sql: all("CREATE INDEX idx_extra_users_name ON users (name)")},
	{name: "recreate an index on other columns", kind: drift.IndexDifferent, severity: config.Warning,
		object: "webhook_deliveries:idx_webhook_deliveries_status_next_attempt", model: "WebhookDelivery",
		file: "migrations/20260101000011_notifications.go", line: "idx_webhook_deliveries_status_next_attempt",
		sql: map[string][]string{
			pg: {"DROP INDEX idx_webhook_deliveries_status_next_attempt",
				"CREATE INDEX idx_webhook_deliveries_status_next_attempt ON webhook_deliveries (status)"},
			my: {"DROP INDEX idx_webhook_deliveries_status_next_attempt ON webhook_deliveries",
				"CREATE INDEX idx_webhook_deliveries_status_next_attempt ON webhook_deliveries (status)"},
			lite: {"DROP INDEX idx_webhook_deliveries_status_next_attempt",
				"CREATE INDEX idx_webhook_deliveries_status_next_attempt ON webhook_deliveries (status)"},
		}},
	{name: "drop a declared foreign key", kind: drift.FKMissing, severity: config.Warning, object: "webhook_deliveries:(webhook_id)",
		model: "WebhookDelivery", field: "WebhookID", file: "migrations/20260101000011_notifications.go", line: "(webhook_id) REFERENCES webhooks",
		sql: map[string][]string{pg: {"ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_webhook_id_fkey"}},
		sqlFunc: merge(
			mysqlFK("webhook_deliveries", "webhook_id", func(name string) []string {
				return []string{"ALTER TABLE webhook_deliveries DROP FOREIGN KEY " + name}
			}),
			rebuild("webhook_deliveries", `, FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE`, ``))},
	{name: "add a foreign key", kind: drift.FKExtra, severity: config.Info, objectBy: map[string]string{
		pg: "users:users_phone_fk", my: "users:users_phone_fk", lite: "users:(phone)"},
		model: "User", field: "", file: "schema/user.go", line: "type User struct",
		sql: map[string][]string{
			pg: {"ALTER TABLE users ADD CONSTRAINT users_phone_fk FOREIGN KEY (phone) REFERENCES users (id)"},
			my: {"ALTER TABLE users ADD CONSTRAINT users_phone_fk FOREIGN KEY (phone) REFERENCES users (id)"},
		},
		sqlFunc: rebuild("users", `PRIMARY KEY ("id"), `, `PRIMARY KEY ("id"), FOREIGN KEY (phone) REFERENCES users (id), `)},
	{name: "change a foreign key's ON DELETE", kind: drift.FKDifferent, severity: config.Warning,
		objectBy: map[string]string{pg: "sessions:sessions_user_id_fkey", lite: "sessions:(user_id)"},
		model:    "Session", field: "UserID", file: "migrations/20260101000002_core.go", line: "(user_id) REFERENCES users",
		sql: map[string][]string{pg: {
			"ALTER TABLE sessions DROP CONSTRAINT sessions_user_id_fkey",
			"ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE NO ACTION"}},
		sqlFunc: merge(
			mysqlFK("sessions", "user_id", func(name string) []string {
				return []string{"ALTER TABLE sessions DROP FOREIGN KEY " + name,
					"ALTER TABLE sessions ADD CONSTRAINT " + name + " FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE NO ACTION"}
			}),
			rebuild("sessions", `FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE`, `FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE NO ACTION`))},
}

func all(stmts ...string) map[string][]string {
	return map[string][]string{pg: stmts, my: stmts, lite: stmts}
}

func merge(fs ...map[string]func(*testing.T, *sql.DB) []string) map[string]func(*testing.T, *sql.DB) []string {
	out := map[string]func(*testing.T, *sql.DB) []string{}
	for _, f := range fs {
		maps.Copy(out, f)
	}
	return out
}

// mysqlFK looks up the name MySQL gave the foreign key on table.column
// (Bun's migrations leave naming to the server: <table>_ibfk_<n>).
func mysqlFK(table, column string, stmts func(name string) []string) map[string]func(*testing.T, *sql.DB) []string {
	return map[string]func(*testing.T, *sql.DB) []string{my: func(t *testing.T, db *sql.DB) []string {
		var name string
		err := db.QueryRowContext(t.Context(), `SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE
			WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL`, table, column).Scan(&name)
		if err != nil {
			t.Fatalf("foreign key of %s.%s: %v", table, column, err)
		}
		return stmts(name)
	}}
}

// rebuild recreates an (empty) SQLite table with its CREATE statement
// edited, and its indexes: SQLite's ALTER TABLE cannot change a column or
// a constraint.
func rebuild(table, old, replacement string) map[string]func(*testing.T, *sql.DB) []string {
	return map[string]func(*testing.T, *sql.DB) []string{lite: func(t *testing.T, db *sql.DB) []string {
		var create string
		if err := db.QueryRowContext(t.Context(), `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&create); err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(create, old, replacement, 1)
		if edited == create {
			t.Fatalf("%q is not in %s", old, create)
		}
		rows, err := db.QueryContext(t.Context(), `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, table)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = rows.Close() }()
		stmts := []string{"PRAGMA foreign_keys = OFF", "DROP TABLE " + table, edited}
		for rows.Next() {
			var ix string
			if err := rows.Scan(&ix); err != nil {
				t.Fatal(err)
			}
			stmts = append(stmts, ix)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return append(stmts, "PRAGMA foreign_keys = ON")
	}}
}

// TestInjectedDrift makes each kind of drift on a freshly migrated
// reference database and expects exactly that finding, with its kind,
// severity, object, model, field, place in the code and repair SQL.
// Which cases a dialect lacks: SQLite has no DEFAULT the model can rely
// on (Bun writes the default: tag's expression into the INSERT there), so
// dropping one is the "change a default" warning case on SQLite; MySQL
// keeps its FK-backing indexes, so the dropped index is one no foreign
// key needs.
func TestInjectedDrift(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			for _, inj := range injections {
				stmts, hasSQL := inj.sql[d]
				fn, hasFunc := inj.sqlFunc[d]
				if !hasSQL && !hasFunc {
					continue
				}
				t.Run(strings.ReplaceAll(inj.name, " ", "_"), func(t *testing.T) {
					db := testdb.New(t, d)
					testdb.Reference(t, db)
					if hasFunc {
						stmts = fn(t, db.SQL())
					}
					execAll(t, db.SQL(), stmts)
					res := compareReference(t, db)
					checkInjection(t, d, inj, res)
					if len(res.Findings) != 1 || res.Findings[0].SQL == "" {
						return
					}
					// The repair repairs: run it (drops included, on this
					// throw-away database) and nothing is left.
					execAll(t, db.SQL(), splitSQL(res.Findings[0].SQL))
					after := compareReference(t, db)
					if len(after.Findings) > 0 {
						t.Errorf("after the repair SQL:")
						logFindings(t, after.Findings)
					}
				})
			}
		})
	}
}

func execAll(t *testing.T, db *sql.DB, stmts []string) {
	t.Helper()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	for _, s := range stmts {
		if _, err := conn.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// splitSQL splits a repair into its statements (one per line, each
// ending with a semicolon).
func splitSQL(s string) []string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), ";")); line != "" && !strings.HasPrefix(line, "--") {
			out = append(out, line)
		}
	}
	return out
}

func checkInjection(t *testing.T, dialect string, inj injection, res *drift.Result) {
	t.Helper()
	if len(res.Findings) != 1 {
		t.Errorf("%d findings, want exactly one %s", len(res.Findings), inj.kind)
		logFindings(t, res.Findings)
		return
	}
	f := res.Findings[0]
	t.Logf("%s\n%s", f.Message, f.ReportSQL())
	object := inj.object
	if o, ok := inj.objectBy[dialect]; ok {
		object = o
	}
	model := ""
	if f.Model != "" {
		model = f.Model[strings.LastIndexByte(f.Model, '.')+1:]
	}
	if f.Kind != inj.kind || f.Severity != inj.severity || (object != "" && f.Object != object) || model != inj.model || f.Field != inj.field {
		t.Errorf("got %s %s %s model %q field %q, want %s %s %s model %q field %q\n%s",
			f.Kind, f.Severity, f.Object, model, f.Field, inj.kind, inj.severity, object, inj.model, inj.field, f.Message)
	}
	switch {
	case inj.file == "" && f.Position.IsValid():
		t.Errorf("position %s, want none", f.Position)
	case inj.file != "":
		if f.Position.File != inj.file {
			t.Errorf("position %s, want %s", f.Position, inj.file)
		} else if line := sourceLine(t, f.Position); !strings.Contains(line, inj.line) {
			t.Errorf("position %s holds %q, want a line with %q", f.Position, line, inj.line)
		}
	}
	if inj.noSQL != (f.SQL == "") || strings.HasPrefix(f.SQL, "--") && !strings.HasPrefix(f.SQL, "-- backfill, review the value") {
		t.Errorf("repair SQL %q", f.SQL)
	}
	if res.Findings[0].Message == "" {
		t.Error("no message")
	}
}

func sourceLine(t *testing.T, p drift.Position) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, p.File))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		t.Fatalf("position %s is past the end of the file", p)
	}
	return lines[p.Line-1]
}
