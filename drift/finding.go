package drift

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/report"
)

// Finding is one difference between the models and the database.
type Finding struct {
	Kind     Kind            `json:"kind"`
	Severity config.Severity `json:"severity"`
	// Object names the database object: "users", "users.email",
	// "users:idx_users_email" (an index or constraint of a table),
	// "users:(app_id, email)" for one the database has not named.
	Object string `json:"object"`
	Table  string `json:"table"`
	// Column is the column of column kinds; Name the index or
	// constraint of index, unique, key and primary-key kinds.
	Column string `json:"column,omitempty"`
	Name   string `json:"name,omitempty"`
	// Model is the Go model ("example.com/app/models.User"), Field the
	// Go field path ("Base.CreatedAt"); both empty when no model knows
	// the object.
	Model string `json:"model,omitempty"`
	Field string `json:"field,omitempty"`
	// Position is where the finding is in the code: the field, the
	// model, or the migration statement declaring the index or key.
	Position Position `json:"position"`
	Message  string   `json:"message"`
	// SQL repairs the database (Atlas's planner, for the database's
	// dialect); never executed. Destructive SQL (it drops something)
	// is meant to be reviewed, and the text and SQL outputs print it
	// commented out.
	SQL         string `json:"sql,omitempty"`
	Destructive bool   `json:"destructive,omitempty"`
	// Removed marks an object the snapshot (Options.Modelled) records
	// as made by the models, which no model makes now.
	Removed bool `json:"removed,omitempty"`
	// Fix is the change to make in Go when the model is the side to
	// change ("add notnull to the bun tag of User.Email").
	Fix string `json:"fix,omitempty"`

	// repair plans SQL, in the script's order (see Diff).
	repair func() string
	// refs are the tables the repair's foreign keys reference, and seq
	// its place among the creations of missing tables (see
	// orderByReferences): a table is created after the tables it
	// references.
	refs []string
	seq  int
	// narrows marks a type change to a narrower or another kind of
	// type: values may not fit, so migrate new treats it as destructive.
	narrows bool
}

// Result is the outcome of a comparison.
type Result struct {
	// Dialect is the database's.
	Dialect  string    `json:"dialect"`
	Findings []Finding `json:"findings"`
	// Notes are things the comparison could not do (a model in another
	// schema, migrations the extraction could not follow), one line
	// each.
	Notes []string `json:"notes,omitempty"`
}

// sortFindings orders findings by table, kind and object, so output is
// stable from run to run. Within a table the destructive ones come last:
// the repair script's other repairs of the table (a SQLite rebuild
// copying every column) then still find what a reviewer chose to drop.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.seq != b.seq {
			return a.seq < b.seq
		}
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Destructive != b.Destructive {
			return b.Destructive
		}
		if a.Kind.ID() != b.Kind.ID() {
			return a.Kind.ID() < b.Kind.ID()
		}
		return a.Object < b.Object
	})
}

// orderByReferences sets each finding's seq so that sorting puts the
// creation of a missing table, and a foreign key added to an existing
// one, after the creation of every missing table it references (two new
// tables of an m2m relation: the join table after both). Cycles are cut
// where they close.
func orderByReferences(fs []Finding) {
	refs := map[string][]string{}
	for i := range fs {
		if fs[i].Kind == TableMissing {
			refs[fs[i].Table] = fs[i].refs
		}
	}
	depth := map[string]int{}
	var visit func(t string, path map[string]bool) int
	visit = func(t string, path map[string]bool) int {
		if d, ok := depth[t]; ok {
			return d
		}
		path[t] = true
		d := 0
		for _, r := range refs[t] {
			if _, missing := refs[r]; missing && r != t && !path[r] {
				d = max(d, visit(r, path)+1)
			}
		}
		delete(path, t)
		depth[t] = d
		return d
	}
	for i := range fs {
		f := &fs[i]
		if f.Kind == TableMissing {
			f.seq = visit(f.Table, map[string]bool{})
			continue
		}
		for _, r := range f.refs {
			if _, missing := refs[r]; missing && r != f.Table {
				f.seq = max(f.seq, visit(r, map[string]bool{})+1)
			}
		}
	}
}

// ReportSQL is the SQL as the reports print it: destructive statements
// commented out, so that pasting a report never drops anything by
// accident.
func (f *Finding) ReportSQL() string { return f.reportSQL(f.SQL) }

func (f *Finding) reportSQL(sqlText string) string {
	if sqlText == "" || !f.Destructive {
		return sqlText
	}
	var b strings.Builder
	b.WriteString("-- destructive, review before running:\n")
	for line := range strings.SplitSeq(strings.TrimRight(sqlText, "\n"), "\n") {
		b.WriteString("-- " + line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// ReportFinding converts f for the shared writers (text, JSON, SARIF,
// GitHub). Subject is the model and field when there is one, so that a
// baseline entry survives line moves; Object is the database object.
func (f *Finding) ReportFinding() report.Finding {
	info := f.Kind.Info()
	subject := f.Object
	if f.Model != "" {
		subject = shortModel(f.Model)
		if f.Field != "" {
			subject += "." + f.Field
		}
	}
	msg := f.Message
	if f.Fix != "" {
		msg += "; " + f.Fix
	}
	rf := report.Finding{
		Rule:     info.ID,
		Name:     string(f.Kind),
		Severity: f.Severity,
		Message:  msg,
		Pos:      report.Position{File: f.Position.File, Line: f.Position.Line, Column: f.Position.Column},
		Subject:  subject,
		Object:   f.Object,
		SQL:      f.ReportSQL(),
	}
	if f.Model != "" {
		if i := strings.LastIndexByte(f.Model, '.'); i > 0 {
			rf.Package = f.Model[:i]
		}
	}
	return rf
}

// Rules returns the finding kinds as report rules, for SARIF's rule list.
func Rules() []report.Rule {
	out := make([]report.Rule, len(Kinds))
	for i, k := range Kinds {
		out[i] = report.Rule{
			ID:       k.ID,
			Name:     string(k.Kind),
			Summary:  k.Summary,
			Help:     "**" + k.ID + " " + string(k.Kind) + "**: " + k.Summary + ".\n\n" + k.Help(),
			URL:      k.URL(),
			Severity: k.Default,
		}
	}
	return out
}

// Report returns the result as a report for the shared writers.
func (r *Result) Report(version string) *report.Report {
	rep := &report.Report{Tool: "schemalint", Version: version, Rules: Rules()}
	for i := range r.Findings {
		rep.Findings = append(rep.Findings, r.Findings[i].ReportFinding())
	}
	return rep
}

// WriteSQL writes the repair script: for each finding with SQL, a comment
// naming it, then its statements; destructive statements (drops) are
// commented out, to be reviewed and uncommented by hand. Nothing is
// written when there is nothing to repair. schemalint never runs it.
//
// The script is one transaction where DDL is transactional (PostgreSQL,
// SQLite): a statement that fails leaves the database as it was. SQLite's
// table rebuilds follow its documented procedure: foreign keys off before
// the transaction (the pragma does nothing inside one), PRAGMA
// foreign_key_check before COMMIT, foreign keys on again after it.
// MySQL and MariaDB commit every DDL statement implicitly, which the
// script says rather than wrapping it in a transaction that would not
// hold.
func WriteSQL(w io.Writer, r *Result) error {
	var body strings.Builder
	rebuilds := false
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.SQL == "" {
			continue
		}
		sqlText := f.SQL
		if r.Dialect == dsn.SQLite {
			var had bool
			sqlText, had = stripFKPragmas(sqlText)
			rebuilds = rebuilds || had
		}
		fmt.Fprintf(&body, "\n-- %s %s (%s): %s\n", f.Kind.ID(), f.Kind, f.Severity, oneLineText(f.Message))
		if f.Position.IsValid() {
			fmt.Fprintf(&body, "-- %s\n", f.Position)
		}
		body.WriteString(f.reportSQL(sqlText))
		body.WriteString("\n")
	}
	if body.Len() == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- Repair script written by schemalint drift (%s). Review it before running it.\n", dialectTitle(r.Dialect))
	switch r.Dialect {
	case dsn.MySQL:
		b.WriteString("-- MySQL and MariaDB commit each DDL statement implicitly: this script cannot run as one\n" +
			"-- transaction, and a statement that fails leaves the ones before it applied. Back up first.\n")
		b.WriteString(body.String())
	case dsn.SQLite:
		// sqlite3 goes on after an error inside a transaction, and
		// COMMIT then keeps what succeeded: only -bail makes the
		// transaction all or nothing.
		b.WriteString("-- One transaction: run it with sqlite3 -bail, which stops at a statement that fails and so\n" +
			"-- rolls back every change (without -bail, COMMIT keeps the statements that succeeded).\n")
		if rebuilds {
			b.WriteString("-- Tables are rebuilt (SQLite cannot alter them in place): foreign keys are off meanwhile,\n" +
				"-- which SQLite allows only outside a transaction.\n" +
				"PRAGMA foreign_keys = off;\n")
		}
		b.WriteString("BEGIN;\n")
		b.WriteString(body.String())
		b.WriteString("\n-- Lists the rows whose foreign keys point nowhere; it must print nothing. If it prints rows,\n" +
			"-- run ROLLBACK instead of COMMIT and fix them first.\n" +
			"PRAGMA foreign_key_check;\n" +
			"COMMIT;\n")
		if rebuilds {
			b.WriteString("PRAGMA foreign_keys = on;\n")
		}
	default:
		b.WriteString("-- One transaction: a statement that fails rolls back every change (psql -v ON_ERROR_STOP=1 stops at it).\n")
		b.WriteString("BEGIN;\n")
		b.WriteString(body.String())
		b.WriteString("\nCOMMIT;\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stripFKPragmas removes the foreign-key pragmas Atlas puts around a
// SQLite table rebuild (no-ops inside the script's transaction; the
// script sets them around it), and reports whether there were any.
func stripFKPragmas(sqlText string) (string, bool) {
	var keep []string
	had := false
	for line := range strings.SplitSeq(sqlText, "\n") {
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "pragma foreign_keys = off;", "pragma foreign_keys = on;":
			had = true
		default:
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n"), had
}

func dialectTitle(d string) string {
	switch d {
	case "pg":
		return "PostgreSQL"
	case "mysql":
		return "MySQL"
	case "sqlite":
		return "SQLite"
	}
	return d
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }
