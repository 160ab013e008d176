package drift

import (
	"bufio"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/internal/dsn"
)

// This file writes migrations in Bun's SQL-file format (bun/migrate's
// Discover): the up is the repair script of a database migrated to
// today's state, the down Atlas's plan from the state the up leaves back
// to the one before it.

// bunSplit is the directive Bun's migrator splits a SQL file on: each
// part is one ExecContext. One statement per part, because MySQL's driver
// refuses several statements in one call.
const bunSplit = "--bun:split"

// Rename is a column renamed on purpose (migrate new --rename), never
// guessed.
type Rename struct {
	Table, From, To string
}

var renameRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_$]*)\.([A-Za-z_][A-Za-z0-9_$]*)=([A-Za-z_][A-Za-z0-9_$]*)$`)

// ParseRename reads table.old=new.
func ParseRename(s string) (Rename, error) {
	m := renameRE.FindStringSubmatch(s)
	if m == nil {
		return Rename{}, fmt.Errorf("--rename %q: want table.old_column=new_column", s)
	}
	if m[2] == m[3] {
		return Rename{}, fmt.Errorf("--rename %q: the old and new names are the same", s)
	}
	return Rename{Table: m[1], From: m[2], To: m[3]}, nil
}

// SQL is the statement renaming the column (PostgreSQL, MySQL 8 and
// MariaDB 10.5, SQLite 3.25 and later).
func (r Rename) SQL(dialect string) string {
	return fmt.Sprintf("ALTER TABLE %s RENAME COLUMN %s TO %s;", quoteIdent(dialect, r.Table), quoteIdent(dialect, r.From), quoteIdent(dialect, r.To))
}

// Reverse renames the column back.
func (r Rename) Reverse() Rename { return Rename{Table: r.Table, From: r.To, To: r.From} }

// Check reports why the rename cannot apply to s: the table or the old
// column missing, or the new one there already.
func (r Rename) Check(s *schema.Schema) error {
	t, ok := s.Table(r.Table)
	if !ok {
		return fmt.Errorf("--rename %s.%s=%s: the migrations create no table %s", r.Table, r.From, r.To, r.Table)
	}
	if _, ok := t.Column(r.From); !ok {
		return fmt.Errorf("--rename %s.%s=%s: table %s has no column %s", r.Table, r.From, r.To, r.Table, r.From)
	}
	if _, ok := t.Column(r.To); ok {
		return fmt.Errorf("--rename %s.%s=%s: table %s already has a column %s", r.Table, r.From, r.To, r.Table, r.To)
	}
	return nil
}

// MigrationFile is one generated .up.sql or .down.sql file.
type MigrationFile struct {
	// Body is the file's text.
	Body string
	// Tx: the file is to be named .tx.up.sql / .tx.down.sql, so that Bun
	// runs it in one transaction (PostgreSQL, and SQLite unless a table
	// is rebuilt: the rebuild turns foreign keys off, which SQLite only
	// allows outside a transaction, so the file has its own BEGIN and
	// COMMIT). MySQL commits each DDL statement anyway.
	Tx bool
	// Runs says whether any statement is not commented out.
	Runs bool
}

// Suffix is the file name's ending for direction "up" or "down".
func (f *MigrationFile) Suffix(direction string) string {
	if f.Tx {
		return ".tx." + direction + ".sql"
	}
	return "." + direction + ".sql"
}

// UpMigration is what migrate new writes for one run.
type UpMigration struct {
	File MigrationFile
	// Destructive lists the destructive changes, one line each: kept
	// only with allowDestructive, commented out otherwise.
	Destructive []string
	// Manual lists the changes with no SQL to run (a backfill to write
	// by hand, a repair Atlas cannot plan).
	Manual []string
	// Changes counts the changes with SQL (renames included).
	Changes int
}

// NewUp writes the up migration of res, the comparison of a database
// migrated to today's state with the models, after renames (already
// applied to that database, so res does not see them). Destructive
// repairs (drops, narrower types) are commented out and marked unless
// allowDestructive.
func NewUp(res *Result, renames []Rename, allowDestructive bool) *UpMigration {
	up := &UpMigration{}
	var steps []string
	for _, r := range renames {
		steps = append(steps, fmt.Sprintf("-- rename (--rename %s.%s=%s)\n%s", r.Table, r.From, r.To, r.SQL(res.Dialect)))
		up.Changes++
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.SQL == "" {
			continue
		}
		up.Changes++
		sqlText := f.SQL
		head := fmt.Sprintf("-- %s %s: %s", f.Kind.ID(), f.Kind, oneLineText(f.Message))
		if strings.HasPrefix(strings.TrimSpace(sqlText), "--") && !strings.Contains(sqlText, "\n") {
			up.Manual = append(up.Manual, oneLineText(f.Message)+": "+strings.TrimSpace(strings.TrimPrefix(sqlText, "--")))
		}
		if strings.Contains(sqlText, backfillPrefix) {
			up.Manual = append(up.Manual, oneLineText(f.Message))
		}
		if f.Destructive || f.narrows {
			line := oneLineText(f.Message)
			up.Destructive = append(up.Destructive, line)
			if !allowDestructive {
				var b strings.Builder
				b.WriteString(head + "\n-- destructive: " + line + "; left commented out (migrate new --allow-destructive keeps it)\n")
				for l := range strings.SplitSeq(strings.TrimRight(sqlText, "\n"), "\n") {
					b.WriteString("-- " + l + "\n")
				}
				steps = append(steps, strings.TrimRight(b.String(), "\n"))
				continue
			}
			head += "\n-- destructive: " + line
		}
		steps = append(steps, head+"\n"+sqlText)
	}
	up.File = bunFile(res.Dialect, "up: the models' schema, from the schema the migrations produced", steps)
	return up
}

// NewDown plans the down migration: from the schema the up leaves (after)
// back to the one before it (before, with the renames applied), then the
// renames reversed. Tables drift never compares (Bun's bookkeeping,
// SQLite's own) and the excluded ones are left alone. Its drops only
// remove what the up added, so they are not commented out.
func NewDown(dialect string, after, before *schema.Schema, renames []Rename, exclude []string) (*MigrationFile, error) {
	from, to := comparableSchema(after, exclude), comparableSchema(before, exclude)
	if dialect == dsn.MySQL {
		// A table's AUTO_INCREMENT counter follows its rows, not the
		// schema: a table the up dropped comes back with the counter it
		// gets, not the one it had.
		withoutCounters(from)
		withoutCounters(to)
	}
	differ, _ := atlasFor(dialect)
	changes, err := differ.SchemaDiff(from, to)
	if err != nil {
		return nil, errorf("atlas diff: %v", err)
	}
	if dialect == dsn.SQLite {
		changes = withoutAutoindexSwaps(changes)
	}
	if dialect == dsn.MySQL {
		changes = withFKIndexDrops(changes, to)
	}
	c := &comparer{dialect: dialect}
	var steps []string
	if len(changes) > 0 {
		sqlText := c.plan(changes...)
		if strings.HasPrefix(sqlText, "--") && !strings.Contains(sqlText, "\n") {
			return nil, errorf("the down migration cannot be planned: %s", strings.TrimPrefix(sqlText, "-- "))
		}
		steps = append(steps, "-- back to the schema before the up: what it added is dropped, with the data written to it since\n"+sqlText)
	}
	for _, r := range slices.Backward(renames) {
		steps = append(steps, "-- rename back\n"+r.Reverse().SQL(dialect))
	}
	f := bunFile(dialect, "down: back to the schema the migrations produced before the up", steps)
	return &f, nil
}

// withoutCounters removes the AUTO_INCREMENT counters of the tables of s
// (in place).
func withoutCounters(s *schema.Schema) {
	for _, t := range s.Tables {
		t.Attrs = slices.DeleteFunc(t.Attrs, func(a schema.Attr) bool {
			_, ok := a.(*mysql.AutoIncrement)
			return ok
		})
	}
}

// withFKIndexDrops adds, to a MySQL table losing a foreign key, the drop
// of the index InnoDB made for it: named as the key, made when no index
// led with the key's columns. The inspection leaves such an index out
// while its key exists (it is the key's), so the down dropped the key and
// kept the index; when the target has no index leading with those
// columns, InnoDB made one.
func withFKIndexDrops(changes []schema.Change, to *schema.Schema) []schema.Change {
	for _, ch := range changes {
		mt, ok := ch.(*schema.ModifyTable)
		if !ok {
			continue
		}
		dst, _ := to.Table(mt.T.Name)
		for _, c := range mt.Changes {
			dfk, ok := c.(*schema.DropForeignKey)
			if !ok || dfk.F.Symbol == "" || dst == nil || leadsIndex(dst, dfk.F.Columns) || dropsIndex(mt, dfk.F.Symbol) {
				continue
			}
			ix := &schema.Index{Name: dfk.F.Symbol, Table: mt.T}
			for i, col := range dfk.F.Columns {
				// Atlas's MySQL planner leaves out a drop without parts.
				ix.Parts = append(ix.Parts, &schema.IndexPart{SeqNo: i, C: col})
			}
			mt.Changes = append(mt.Changes, &schema.DropIndex{I: ix})
		}
	}
	return changes
}

// leadsIndex reports whether an index of t starts with cols.
func leadsIndex(t *schema.Table, cols []*schema.Column) bool {
	ixs := t.Indexes
	if t.PrimaryKey != nil {
		ixs = append(slices.Clip(ixs), t.PrimaryKey)
	}
	for _, ix := range ixs {
		if len(ix.Parts) < len(cols) {
			continue
		}
		ok := true
		for i, c := range cols {
			if ix.Parts[i].C == nil || ix.Parts[i].C.Name != c.Name {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func dropsIndex(mt *schema.ModifyTable, name string) bool {
	return slices.ContainsFunc(mt.Changes, func(c schema.Change) bool {
		d, ok := c.(*schema.DropIndex)
		return ok && d.I.Name == name
	})
}

// withoutAutoindexSwaps drops the pairs of changes Atlas's SQLite differ
// reports for a UNIQUE constraint that did not change: its autoindex
// (sqlite_autoindex_*) dropped, and the same index added under another
// name (Atlas issue #1597). SQLite could not drop an autoindex anyway.
func withoutAutoindexSwaps(changes []schema.Change) []schema.Change {
	var out []schema.Change
	for _, ch := range changes {
		mt, ok := ch.(*schema.ModifyTable)
		if !ok {
			out = append(out, ch)
			continue
		}
		drop := map[int]bool{}
		for i, a := range mt.Changes {
			di, ok := a.(*schema.DropIndex)
			if !ok {
				continue
			}
			for j, b := range mt.Changes {
				ai, ok := b.(*schema.AddIndex)
				if !ok || drop[j] || !sameIndexShape(di.I, ai.I) ||
					!strings.HasPrefix(di.I.Name, "sqlite_autoindex_") && !strings.HasPrefix(ai.I.Name, "sqlite_autoindex_") {
					continue
				}
				drop[i], drop[j] = true, true
				break
			}
		}
		var keep []schema.Change
		for i, c := range mt.Changes {
			if !drop[i] {
				keep = append(keep, c)
			}
		}
		if len(keep) > 0 {
			mt.Changes = keep
			out = append(out, mt)
		}
	}
	return out
}

// sameIndexShape reports whether two indexes have the same uniqueness and
// columns.
func sameIndexShape(a, b *schema.Index) bool {
	if a.Unique != b.Unique || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		pa, pb := a.Parts[i], b.Parts[i]
		if pa.C == nil || pb.C == nil || pa.C.Name != pb.C.Name || pa.Desc != pb.Desc {
			return false
		}
	}
	return true
}

// comparableSchema copies s without a schema name (the statements then run in
// the connection's schema) and without the tables drift never compares.
func comparableSchema(s *schema.Schema, exclude []string) *schema.Schema {
	out := &schema.Schema{Realm: s.Realm, Attrs: s.Attrs}
	for _, t := range s.Tables {
		if ignoredTable(t.Name) || excluded(exclude, t.Name) {
			continue
		}
		t.Schema = out
		out.Tables = append(out.Tables, t)
	}
	return out
}

// bunFile joins steps (statements, each after the comments naming it)
// into a Bun SQL migration: one statement between --bun:split markers,
// comments kept with the statement after them.
func bunFile(dialect, title string, steps []string) MigrationFile {
	var parts []string
	pending := ""
	rebuilds := false
	for _, step := range steps {
		if dialect == dsn.SQLite {
			var had bool
			step, had = stripFKPragmas(step)
			rebuilds = rebuilds || had
		}
		for _, stmt := range statements(dialect, step) {
			if isCommentOnly(dialect, stmt) {
				pending += stmt + "\n"
				continue
			}
			parts = append(parts, strings.TrimRight(pending+stmt, "\n"))
			pending = ""
		}
	}
	f := MigrationFile{Runs: len(parts) > 0}
	if pending != "" {
		// Comments after the last statement: with it, or alone in a
		// file that runs nothing.
		if len(parts) > 0 {
			parts[len(parts)-1] += "\n" + strings.TrimRight(pending, "\n")
		} else {
			parts = append(parts, strings.TrimRight(pending, "\n"))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- Written by schemalint migrate new (%s), %s. Review it before committing it.\n", dialectTitle(dialect), title)
	switch {
	case dialect == dsn.MySQL:
		b.WriteString("-- MySQL and MariaDB commit each DDL statement: a statement that fails leaves the ones before it applied.\n")
	case dialect == dsn.SQLite && rebuilds:
		b.WriteString("-- Tables are rebuilt (SQLite cannot alter them in place): foreign keys are off meanwhile, which\n" +
			"-- SQLite allows only outside a transaction, so the file opens and commits its own.\n")
		parts = append([]string{"PRAGMA foreign_keys = off;", "BEGIN;"}, parts...)
		parts = append(parts, "COMMIT;", "PRAGMA foreign_keys = on;")
	default:
		f.Tx = true
	}
	b.WriteString("\n")
	b.WriteString(strings.Join(parts, "\n\n"+bunSplit+"\n\n"))
	b.WriteString("\n")
	f.Body = b.String()
	return f
}

// statements splits text into statements, each with the comments before
// it; comments after the last one come back as a statement of their own.
func statements(dialect, text string) []string {
	toks, err := lexSQL(dialect, text)
	if err != nil {
		// Planned SQL always lexes; keep the text whole rather than
		// guess.
		return []string{strings.TrimSpace(text)}
	}
	var out []string
	start := 0
	for _, t := range toks {
		if t.kind == tokSemi {
			out = append(out, strings.TrimSpace(text[start:t.end]))
			start = t.end
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isCommentOnly reports whether stmt holds nothing but comments.
func isCommentOnly(dialect, stmt string) bool {
	toks, err := lexSQL(dialect, stmt)
	if err != nil {
		return false
	}
	for _, t := range toks {
		if t.kind != tokComment && strings.TrimSpace(stmt[t.start:t.end]) != "" {
			return false
		}
	}
	return true
}

// SplitBunSQL splits a SQL migration file as Bun's migrator does: on
// --bun:split lines, blank lines dropped, parts that hold nothing but
// whitespace skipped. A line starting --bun: with another directive is an
// error, as in Bun.
func SplitBunSQL(body string) ([]string, error) {
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	flush := func() {
		if strings.TrimSpace(cur.String()) != "" {
			out = append(out, cur.String())
		}
		cur.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		if d, ok := strings.CutPrefix(line, "--bun:"); ok {
			if d != "split" {
				return nil, fmt.Errorf("unknown Bun directive %q", d)
			}
			flush()
			continue
		}
		if strings.TrimSpace(line) != "" {
			cur.WriteString(line + "\n")
		}
	}
	flush()
	return out, sc.Err()
}

// RenameCandidates lists the possible renames res shows: a column the
// models dropped and one they added on the same table, of the same type
// (old as before has it, the new one as the up created it in after).
func RenameCandidates(res *Result, before, after *schema.Schema) []Rename {
	var out []Rename
	for i := range res.Findings {
		drop := &res.Findings[i]
		if drop.Kind != ColumnExtra {
			continue
		}
		for j := range res.Findings {
			add := &res.Findings[j]
			if add.Kind != ColumnMissing || add.Table != drop.Table {
				continue
			}
			if ot, nt := columnType(before, drop.Table, drop.Column), columnType(after, add.Table, add.Column); ot != "" && ot == nt {
				out = append(out, Rename{Table: drop.Table, From: drop.Column, To: add.Column})
			}
		}
	}
	return out
}

// columnType is the raw type of table.column in s, lower case; "" when
// there is none.
func columnType(s *schema.Schema, table, column string) string {
	t, ok := s.Table(table)
	if !ok {
		return ""
	}
	c, ok := t.Column(column)
	if !ok || c.Type == nil {
		return ""
	}
	return strings.ToLower(c.Type.Raw)
}
