package drift_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// The repair tests' models: a table per repair kind, so that each repair
// is proved on its own table, with rows in it; rp_add_nn, rp_combo and
// rp_mixed hold two repairs each, which must build on each other.
type (
	RpParent struct {
		bun.BaseModel `bun:"table:rp_parent"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Name          string `bun:"name,notnull"`
	}
	// A NOT NULL column without a default is missing (backfilled '').
	RpAddNN struct {
		bun.BaseModel `bun:"table:rp_add_nn"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Name          string `bun:"name,notnull"`
		Bio           string `bun:"bio,notnull"`
		Visits        int64  `bun:"visits,notnull"`
	}
	// A NOT NULL column with a default is missing.
	RpAddDef struct {
		bun.BaseModel `bun:"table:rp_add_def"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Name          string `bun:"name,notnull"`
		Status        string `bun:"status,notnull,default:'new'"`
	}
	// The database has an extra column.
	RpDrop struct {
		bun.BaseModel `bun:"table:rp_drop"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Name          string `bun:"name,notnull"`
	}
	// The database has an extra column that a CHECK names: SQLite
	// rebuilds the table.
	RpDropCk struct {
		bun.BaseModel `bun:"table:rp_drop_ck"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Name          string `bun:"name,notnull"`
	}
	// The database's type is narrower (varchar(10)).
	RpType struct {
		bun.BaseModel `bun:"table:rp_type"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Code          string `bun:"code,type:varchar(40),notnull"`
	}
	// The database holds integers (SQLite rebuilds the table).
	RpType2 struct {
		bun.BaseModel `bun:"table:rp_type2"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Code          string `bun:"code,type:varchar(40),notnull"`
	}
	// Two repairs of one column: the type is narrower and NULL is
	// allowed (MySQL writes the whole column in each MODIFY COLUMN).
	RpCombo struct {
		bun.BaseModel `bun:"table:rp_combo"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Code          string `bun:"code,type:varchar(40),notnull"`
	}
	// The database allows NULL, and holds one.
	RpNull struct {
		bun.BaseModel `bun:"table:rp_null"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Nick          string `bun:"nick,notnull"`
	}
	// A declared index is missing.
	RpIdx struct {
		bun.BaseModel `bun:"table:rp_idx"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Email         string `bun:"email,type:varchar(100),notnull"`
	}
	// An index nothing declares exists.
	RpIdxExtra struct {
		bun.BaseModel `bun:"table:rp_idx_extra"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Email         string `bun:"email,type:varchar(100),notnull"`
	}
	// A declared foreign key is missing (SQLite rebuilds the table).
	RpFK struct {
		bun.BaseModel `bun:"table:rp_fk"`
		ID            int64 `bun:"id,pk,autoincrement"`
		ParentID      int64 `bun:"parent_id,notnull"`
	}
	// A foreign key nothing declares exists.
	RpFKExtra struct {
		bun.BaseModel `bun:"table:rp_fk_extra"`
		ID            int64 `bun:"id,pk,autoincrement"`
		ParentID      int64 `bun:"parent_id,notnull"`
	}
	// An extra column and a missing foreign key on one table: on SQLite
	// the key's rebuild copies the column, so the DROP COLUMN must come
	// after it.
	RpMixed struct {
		bun.BaseModel `bun:"table:rp_mixed"`
		ID            int64 `bun:"id,pk,autoincrement"`
		ParentID      int64 `bun:"parent_id,notnull"`
	}
	// Another DEFAULT.
	RpDefault struct {
		bun.BaseModel `bun:"table:rp_default"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Status        string `bun:"status,notnull,default:'new'"`
	}
	// A unique tag without its constraint.
	RpUnique struct {
		bun.BaseModel `bun:"table:rp_unique"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Email         string `bun:"email,type:varchar(100),notnull,unique"`
	}
	// A declared index on other columns.
	RpIdxDiff struct {
		bun.BaseModel `bun:"table:rp_idx_diff"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Email         string `bun:"email,type:varchar(100),notnull"`
		Name          string `bun:"name,type:varchar(100),notnull"`
	}
	// A declared foreign key with another ON DELETE (SQLite rebuilds).
	RpFKDiff struct {
		bun.BaseModel `bun:"table:rp_fk_diff"`
		ID            int64 `bun:"id,pk,autoincrement"`
		ParentID      int64 `bun:"parent_id,notnull"`
	}
	// No primary key in the database (SQLite rebuilds).
	RpPK struct {
		bun.BaseModel `bun:"table:rp_pk"`
		ID            int64  `bun:"id,pk"`
		Name          string `bun:"name,notnull"`
	}
	// A table is missing.
	RpMissing struct {
		bun.BaseModel `bun:"table:rp_missing"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Body          string `bun:"body"`
	}
	// A NOT NULL time column without a default is missing: no safe zero
	// value, so the repair needs a backfill.
	RpBorn struct {
		bun.BaseModel `bun:"table:rp_born"`
		ID            int64     `bun:"id,pk,autoincrement"`
		Name          string    `bun:"name,notnull"`
		BornAt        time.Time `bun:"born_at,notnull"`
	}
)

// The tables as the database has them before the repair.
type (
	rpBase struct {
		ID   int64  `bun:"id,pk,autoincrement"`
		Name string `bun:"name,notnull"`
	}
	rpAddNNBefore struct {
		bun.BaseModel `bun:"table:rp_add_nn"`
		rpBase
	}
	rpAddDefBefore struct {
		bun.BaseModel `bun:"table:rp_add_def"`
		rpBase
	}
	rpDropBefore struct {
		bun.BaseModel `bun:"table:rp_drop"`
		rpBase
		Legacy int64 `bun:"legacy"`
	}
	rpDropCkBefore struct {
		bun.BaseModel `bun:"table:rp_drop_ck"`
		rpBase
	}
	rpTypeBefore struct {
		bun.BaseModel `bun:"table:rp_type"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Code          string `bun:"code,type:varchar(10),notnull"`
	}
	rpType2Before struct {
		bun.BaseModel `bun:"table:rp_type2"`
		ID            int64 `bun:"id,pk,autoincrement"`
		Code          int64 `bun:"code,notnull"`
	}
	rpComboBefore struct {
		bun.BaseModel `bun:"table:rp_combo"`
		ID            int64   `bun:"id,pk,autoincrement"`
		Code          *string `bun:"code,type:varchar(10)"`
	}
	rpMixedBefore struct {
		bun.BaseModel `bun:"table:rp_mixed"`
		ID            int64 `bun:"id,pk,autoincrement"`
		ParentID      int64 `bun:"parent_id,notnull"`
		Legacy        int64 `bun:"legacy"`
	}
	rpDefaultBefore struct {
		bun.BaseModel `bun:"table:rp_default"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Status        string `bun:"status,notnull,default:'old'"`
	}
	rpUniqueBefore struct {
		bun.BaseModel `bun:"table:rp_unique"`
		ID            int64  `bun:"id,pk,autoincrement"`
		Email         string `bun:"email,type:varchar(100),notnull"`
	}
	rpPKBefore struct {
		bun.BaseModel `bun:"table:rp_pk"`
		ID            int64  `bun:"id,notnull"`
		Name          string `bun:"name,notnull"`
	}
	rpNullBefore struct {
		bun.BaseModel `bun:"table:rp_null"`
		ID            int64   `bun:"id,pk,autoincrement"`
		Nick          *string `bun:"nick"`
	}
	rpBornBefore struct {
		bun.BaseModel `bun:"table:rp_born"`
		rpBase
	}
)

var repairModels = []any{(*RpParent)(nil), (*RpAddNN)(nil), (*RpAddDef)(nil), (*RpDrop)(nil), (*RpDropCk)(nil), (*RpType)(nil), (*RpType2)(nil), (*RpCombo)(nil),
	(*RpNull)(nil), (*RpIdx)(nil), (*RpIdxExtra)(nil), (*RpFK)(nil), (*RpFKExtra)(nil), (*RpMixed)(nil), (*RpMissing)(nil),
	(*RpDefault)(nil), (*RpUnique)(nil), (*RpIdxDiff)(nil), (*RpFKDiff)(nil), (*RpPK)(nil)}

// repairDeclared is what the migrations declare beyond the models: the
// index of rp_idx and the foreign key of rp_fk.
func repairDeclared(tables ...string) *drift.Declared {
	d := &drift.Declared{}
	for _, name := range tables {
		dt := &drift.DeclaredTable{Name: name, HasModel: true}
		switch name {
		case "rp_idx":
			dt.Indexes = []drift.DeclaredIndex{{Name: "rp_idx_email", Parts: []drift.IndexPart{{Column: "email"}}}}
		case "rp_fk", "rp_mixed":
			dt.ForeignKeys = []drift.DeclaredFK{{Columns: []string{"parent_id"}, RefTable: "rp_parent"}}
		case "rp_fk_diff":
			dt.ForeignKeys = []drift.DeclaredFK{{Columns: []string{"parent_id"}, RefTable: "rp_parent", OnDelete: "CASCADE"}}
		case "rp_idx_diff":
			dt.Indexes = []drift.DeclaredIndex{{Name: "rp_idx_diff_i", Parts: []drift.IndexPart{{Column: "email"}, {Column: "name"}}}}
		}
		d.Tables = append(d.Tables, dt)
	}
	return d
}

// createBefore creates tables with Bun, then runs stmts.
func createBefore(t *testing.T, db *testdb.DB, models []any, stmts []string) {
	t.Helper()
	for _, m := range models {
		if _, err := db.Bun.NewCreateTable().Model(m).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	execAll(t, db.SQL(), stmts)
}

// repairScript compares db with models and returns the findings and the
// repair script, destructive statements uncommented as a reviewer who
// accepts them would.
func repairScript(t *testing.T, db *testdb.DB, decl *drift.Declared, models ...any) ([]drift.Finding, string) {
	t.Helper()
	res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{Declared: decl}, models...)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := drift.WriteSQL(&b, res); err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.SplitSeq(b.String(), "\n") {
		if s, ok := strings.CutPrefix(line, "-- "); ok && destructiveLine(s) {
			line = s
		}
		out = append(out, line)
	}
	return res.Findings, strings.Join(out, "\n")
}

// destructiveLine reports whether a commented-out line is a statement of
// a destructive repair.
func destructiveLine(s string) bool {
	for _, p := range []string{"DROP ", "ALTER TABLE", "CREATE ", "INSERT ", "PRAGMA foreign_keys"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestRepairWithRows: each kind of repair (DR001-DR015, drops
// uncommented), each on its own table holding rows, on the three
// databases: the script drift writes runs, as one piece, with
// the database's own client stopping at the first error, keeps the rows,
// and leaves no drift. A NOT NULL column without a default is added NULL,
// backfilled, then set NOT NULL; SQLite rebuilds run in the script's
// transaction, foreign keys off around it and checked before COMMIT, and
// a plain extra column is dropped with DROP COLUMN.
func TestRepairWithRows(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		createBefore(t, db, []any{(*RpParent)(nil), (*rpAddNNBefore)(nil), (*rpAddDefBefore)(nil), (*rpDropBefore)(nil), (*rpDropCkBefore)(nil),
			(*rpTypeBefore)(nil), (*rpType2Before)(nil), (*rpComboBefore)(nil), (*rpNullBefore)(nil), (*RpIdx)(nil), (*RpIdxExtra)(nil), (*RpFK)(nil), (*RpFKExtra)(nil), (*rpMixedBefore)(nil),
			(*rpDefaultBefore)(nil), (*rpUniqueBefore)(nil), (*RpIdxDiff)(nil), (*RpFKDiff)(nil), (*rpPKBefore)(nil)},
			[]string{
				"ALTER TABLE rp_drop_ck ADD COLUMN old integer CHECK (old >= 0)",
				"CREATE INDEX rp_idx_extra_email ON rp_idx_extra (email)",
				"INSERT INTO rp_parent (name) VALUES ('a'), ('b')",
				"INSERT INTO rp_add_nn (name) VALUES ('a'), ('b')",
				"INSERT INTO rp_add_def (name) VALUES ('a'), ('b')",
				"INSERT INTO rp_drop (name, legacy) VALUES ('a', 1), ('b', 2)",
				"INSERT INTO rp_drop_ck (name, old) VALUES ('a', 1), ('b', 2)",
				"INSERT INTO rp_type (code) VALUES ('abc'), ('def')",
				"INSERT INTO rp_type2 (code) VALUES (1), (2)",
				"INSERT INTO rp_combo (code) VALUES ('abc'), (NULL)",
				"INSERT INTO rp_null (nick) VALUES ('x'), (NULL)",
				"INSERT INTO rp_idx (email) VALUES ('a@x'), ('b@x')",
				"INSERT INTO rp_idx_extra (email) VALUES ('a@x'), ('b@x')",
				"INSERT INTO rp_fk (parent_id) VALUES (1), (2)",
				"INSERT INTO rp_fk_extra (parent_id) VALUES (1), (2)",
				"INSERT INTO rp_mixed (parent_id, legacy) VALUES (1, 1), (2, 2)",
				"CREATE INDEX rp_idx_diff_i ON rp_idx_diff (email)",
				"CREATE TABLE rp_stray (id integer)",
				"INSERT INTO rp_stray (id) VALUES (1), (2)",
				"INSERT INTO rp_default (status) VALUES ('a'), ('b')",
				"INSERT INTO rp_unique (email) VALUES ('a@x'), ('b@x')",
				"INSERT INTO rp_idx_diff (email, name) VALUES ('a@x', 'a'), ('b@x', 'b')",
				"INSERT INTO rp_fk_diff (parent_id) VALUES (1), (2)",
				"INSERT INTO rp_pk (id, name) VALUES (1, 'a'), (2, 'b')",
			})
		for _, table := range []string{"rp_fk_extra", "rp_fk_diff"} {
			if db.Dialect() != dsn.SQLite {
				execAll(t, db.SQL(), []string{"ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_parent FOREIGN KEY (parent_id) REFERENCES rp_parent (id)"})
				continue
			}
			stmts := rebuild(table, `"parent_id" INTEGER NOT NULL`, `"parent_id" INTEGER NOT NULL REFERENCES rp_parent (id)`)[lite](t, db.SQL())
			// rebuild recreates an empty table: keep the rows.
			stmts = append([]string{"CREATE TABLE rp_keep AS SELECT * FROM " + table}, stmts...)
			execAll(t, db.SQL(), append(stmts, "INSERT INTO "+table+" SELECT * FROM rp_keep", "DROP TABLE rp_keep"))
		}
		decl := repairDeclared("rp_parent", "rp_add_nn", "rp_add_def", "rp_drop", "rp_drop_ck", "rp_type", "rp_type2", "rp_combo", "rp_null", "rp_idx", "rp_idx_extra", "rp_fk", "rp_fk_extra", "rp_mixed", "rp_missing",
			"rp_default", "rp_unique", "rp_idx_diff", "rp_fk_diff", "rp_pk")

		fs, script := repairScript(t, db, decl, repairModels...)
		want := map[string]bool{"DR001": true, "DR002": true, "DR003": true, "DR004": true, "DR005": true, "DR006": true, "DR007": true,
			"DR008": true, "DR009": true, "DR010": true, "DR011": true, "DR012": true, "DR013": true, "DR014": true, "DR015": true}
		seen := map[string]bool{}
		for i := range fs {
			f := &fs[i]
			if !want[f.Kind.ID()] {
				t.Errorf("unexpected finding %s %s: %s", f.Kind.ID(), f.Object, f.Message)
			}
			seen[f.Kind.ID()] = true
		}
		for id := range want {
			if !seen[id] {
				t.Errorf("no %s finding", id)
			}
		}
		t.Logf("repair script:\n%s", script)
		checkFraming(t, db.Dialect(), script)
		for _, s := range []string{"UPDATE ", "rp_add_nn", "bio", "= ''", "visits", "= 0 WHERE", "rp_null", "nick", "-- backfill, review the value"} {
			if !strings.Contains(script, s) {
				t.Errorf("the script has no %q", s)
			}
		}
		if db.Dialect() == dsn.SQLite && !strings.Contains(script, `ALTER TABLE "rp_drop" DROP COLUMN "legacy";`) {
			t.Errorf("SQLite: the plain extra column is not dropped with DROP COLUMN")
		}

		out, err := testdb.RunScript(t, db, script, false)
		if err != nil {
			t.Fatalf("the repair script failed: %v\n%s", err, out)
		}
		if strings.TrimSpace(out) != "" {
			t.Errorf("the client printed (PRAGMA foreign_key_check lists broken keys):\n%s", out)
		}
		res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{Declared: decl}, repairModels...)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) > 0 {
			t.Error("after the repair script:")
			logFindings(t, res.Findings)
		}
		for table, want := range map[string]int{"rp_add_nn": 2, "rp_add_def": 2, "rp_drop": 2, "rp_drop_ck": 2, "rp_type": 2, "rp_type2": 2, "rp_combo": 2, "rp_null": 2,
			"rp_idx": 2, "rp_idx_extra": 2, "rp_fk": 2, "rp_fk_extra": 2, "rp_mixed": 2,
			"rp_default": 2, "rp_unique": 2, "rp_idx_diff": 2, "rp_fk_diff": 2, "rp_pk": 2} {
			var n int
			if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM "+table).Scan(&n); err != nil || n != want {
				t.Errorf("%s holds %d rows after the repair (%v), want %d", table, n, err, want)
			}
		}
		var nick string
		if err := db.SQL().QueryRowContext(t.Context(), "SELECT nick FROM rp_null WHERE id = 2").Scan(&nick); err != nil || nick != "" {
			t.Errorf("rp_null's NULL nick was not backfilled with '': %q, %v", nick, err)
		}
	})
}

// checkFraming checks the script's transaction: BEGIN/COMMIT where DDL is
// transactional, SQLite's foreign-key pragmas outside it and
// foreign_key_check inside, and MySQL's implicit commits said.
func checkFraming(t *testing.T, dialect, script string) {
	t.Helper()
	begin, commit := strings.Index(script, "\nBEGIN;\n"), strings.Index(script, "\nCOMMIT;\n")
	switch dialect {
	case dsn.MySQL:
		if begin >= 0 || commit >= 0 || !strings.Contains(script, "commit each DDL statement implicitly") {
			t.Errorf("MySQL: the script must say that DDL commits implicitly, without a transaction it cannot hold")
		}
		return
	case dsn.SQLite:
		off, check := strings.Index(script, "\nPRAGMA foreign_keys = off;\n"), strings.Index(script, "\nPRAGMA foreign_key_check;\n")
		on := strings.Index(script, "\nPRAGMA foreign_keys = on;\n")
		if off < 0 || off > begin || check < begin || check > commit || on < commit || strings.Count(script, "PRAGMA foreign_keys") != 2 {
			t.Errorf("SQLite: want foreign keys off before BEGIN, foreign_key_check before COMMIT, on after it, once each")
		}
	}
	if begin < 0 || commit < begin || strings.Count(script, "BEGIN;") != 1 || strings.Count(script, "COMMIT;") != 1 {
		t.Errorf("%s: the script is not one transaction", dialect)
	}
}

// TestRepairNeedsBackfill: a NOT NULL column of a type without a safe
// zero value (a time) is flagged: the finding says it needs a backfill,
// the script says where, and on a table with rows the script fails
// without changing anything where DDL is transactional (PostgreSQL,
// SQLite). MySQL commits the ADD COLUMN before the NOT NULL fails, so
// what is left there is the same column, NULL.
func TestRepairNeedsBackfill(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		t.Parallel()
		createBefore(t, db, []any{(*rpBornBefore)(nil)}, []string{"INSERT INTO rp_born (name) VALUES ('a'), ('b')"})
		fs, script := repairScript(t, db, nil, (*RpBorn)(nil))
		if len(fs) != 1 || fs[0].Kind != drift.ColumnMissing || !strings.Contains(fs[0].Message, "needs a backfill") {
			t.Errorf("want one column-missing finding that needs a backfill")
			logFindings(t, fs)
		}
		if !strings.Contains(script, `-- needs a backfill: set `) || strings.Contains(script, "UPDATE") {
			t.Errorf("the script does not flag the backfill:\n%s", script)
		}
		checkFraming(t, db.Dialect(), script)
		out, err := testdb.RunScript(t, db, script, false)
		if err == nil {
			t.Errorf("the script ran on a table with rows without a backfill:\n%s", out)
		}
		res, err := drift.Compare(context.Background(), db.SQL(), db.Dialect(), drift.Options{}, (*RpBorn)(nil))
		if err != nil {
			t.Fatal(err)
		}
		wantKind := drift.ColumnMissing
		if db.Dialect() == dsn.MySQL {
			wantKind = drift.ColumnNullability
		}
		if len(res.Findings) != 1 || res.Findings[0].Kind != wantKind || res.Findings[0].Object != "rp_born.born_at" {
			t.Errorf("after the failed script, want one %s on rp_born.born_at", wantKind)
			logFindings(t, res.Findings)
		}
	})
}
