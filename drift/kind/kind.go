// Package kind is the catalogue of drift's finding kinds (DR001...): a
// package of its own so that schemalint's rules command and lint binary
// document them without linking drift's database drivers and Atlas.
package kind

import (
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
)

// Kind is what a finding is about. Each kind has a stable ID (DR001...)
// that never changes meaning once shipped, so that baselines, SARIF rule
// IDs and alerting keep working across versions.
type Kind string

// The finding kinds. Severities depend on the case and are documented on
// each kind (Info.Severity); every kind exists on PostgreSQL,
// MySQL/MariaDB and SQLite.
const (
	TableMissing      Kind = "table-missing"
	TableExtra        Kind = "table-extra"
	ColumnMissing     Kind = "column-missing"
	ColumnExtra       Kind = "column-extra"
	ColumnType        Kind = "column-type"
	ColumnNullability Kind = "column-nullability"
	ColumnDefault     Kind = "column-default"
	PrimaryKey        Kind = "primary-key"
	Unique            Kind = "unique"
	IndexMissing      Kind = "index-missing"
	IndexExtra        Kind = "index-extra"
	IndexDifferent    Kind = "index-different"
	FKMissing         Kind = "fk-missing"
	FKExtra           Kind = "fk-extra"
	FKDifferent       Kind = "fk-different"
)

// Info documents a kind.
type Info struct {
	Kind Kind
	// ID is the stable identifier: DR001 ... DR015.
	ID string
	// Summary is one line; Severity says which severity applies when.
	Summary  string
	Severity string
	// Default is the severity of the most common case, for rule
	// catalogues (SARIF's default level).
	Default config.Severity
	// Repair says what the repair is: SQL from Atlas's planner, or the Go
	// tag change, and why that side.
	Repair string
}

// All lists every kind in ID order.
var All = []Info{
	{TableMissing, "DR001", "a table a model maps to does not exist",
		"error (every query on the model fails); warning for a table only the migrations create, which no model reads",
		config.Error, "SQL: CREATE TABLE as the models define it, with the declared indexes and foreign keys"},
	{TableExtra, "DR002", "a table exists that no model and no migration knows",
		"info (nothing breaks; `--exclude` it if another application owns it)",
		config.Info, "none by default: the DROP TABLE is printed commented out, because the table may hold someone's data"},
	{ColumnMissing, "DR003", "a column a model field maps to does not exist",
		"error (every query naming the column fails); warning for a column only the migrations add, which Bun never names",
		config.Error, "SQL: ALTER TABLE ... ADD COLUMN; a NOT NULL column is added NULL, backfilled with the type's zero value (review it) and then set NOT NULL, or marked \"needs a backfill\" where the type has no safe zero value"},
	{ColumnExtra, "DR004", "a column exists that the model does not have",
		"error when it is NOT NULL without a default and not generated (every insert through the model fails); info otherwise",
		config.Info, "Go: add a field for it to the model; the DROP COLUMN is printed commented out"},
	{ColumnType, "DR005", "a column's type differs from the one Bun would create",
		"error when the types are incompatible (another kind of value) or the database's is narrower (shorter text, smaller integer, fewer digits); warning when it is wider or only differs in flavour (timestamp and timestamptz, json and jsonb)",
		config.Error, "SQL: ALTER the column's type to the model's (the code is what reads and writes it)"},
	{ColumnNullability, "DR006", "a column's NULL / NOT NULL differs from the model's",
		"error when the database says NOT NULL and the model can write NULL (a nil pointer, nullzero, a nil map, an `xid.ID` zero value); warning when the database allows NULL where the model says `notnull` (looser than the model); info when the database says NOT NULL and the model never writes NULL but does not say `notnull`",
		config.Error, "SQL (SET or DROP NOT NULL; SET NOT NULL after a backfill of the NULL rows, as for DR003) and, when the database is stricter, the Go alternative: add `notnull` to the tag"},
	{ColumnDefault, "DR007", "a column's DEFAULT differs from the model's default: tag",
		"error when a NOT NULL column lacks the default the model relies on (Bun sends `DEFAULT` for zero values and the insert fails; SQLite excepted, where Bun writes the expression itself), or lacks the identity/auto-increment the model asks for; warning for another default; info for a default the model does not declare",
		config.Warning, "SQL: SET or DROP DEFAULT as the model says (ADD ... IDENTITY where it asks for one)"},
	{PrimaryKey, "DR008", "the primary key's columns differ from the model's pk fields",
		"error (WherePK, relations and upserts address the wrong rows or fail)",
		config.Error, "SQL: add, drop or replace the primary key"},
	{Unique, "DR009", "a unique constraint of the model's unique tags is missing or covers other columns",
		"warning (duplicates get in; ON CONFLICT on those columns fails)",
		config.Warning, "SQL: add the unique constraint (or replace the one that differs)"},
	{IndexMissing, "DR010", "an index the migrations (or //schemalint:index directives) declare does not exist",
		"warning (queries are slow, nothing fails)",
		config.Warning, "SQL: CREATE INDEX as declared"},
	{IndexExtra, "DR011", "an index exists that neither the migrations nor the models declare",
		"info (it costs writes; someone may rely on it)",
		config.Info, "none by default: the DROP INDEX is printed commented out"},
	{IndexDifferent, "DR012", "a declared index exists with other columns, order, uniqueness, predicate or method",
		"warning",
		config.Warning, "SQL: drop the index and create it as declared"},
	{FKMissing, "DR013", "a foreign key the migrations declare (or, with --relation-fks, a relation implies) does not exist",
		"warning (orphans get in; ON DELETE actions do not happen)",
		config.Warning, "SQL: ADD FOREIGN KEY (a table rebuild on SQLite)"},
	{FKExtra, "DR014", "a foreign key exists that nothing declares",
		"info",
		config.Info, "none by default: the DROP is printed commented out"},
	{FKDifferent, "DR015", "a declared foreign key exists with other columns, target or ON DELETE / ON UPDATE",
		"warning",
		config.Warning, "SQL: drop the foreign key and add it as declared (a table rebuild on SQLite)"},
}

// Info returns the documentation of k.
func (k Kind) Info() Info {
	for _, i := range All {
		if i.Kind == k {
			return i
		}
	}
	return Info{Kind: k, ID: "DR000"}
}

// Help documents the kind in Markdown: which severity applies when, and
// the repair.
func (k Info) Help() string {
	return "Severity: " + k.Severity + ".\n\nRepair: " + k.Repair + ".\n"
}

// URL is the kind's documentation link, in the catalogue `schemalint rules
// --format markdown` writes (docs/rules.md).
func (k Info) URL() string {
	return "https://github.com/schemalint/schemalint/blob/main/docs/rules.md#" + strings.ToLower(k.ID)
}

// Markdown is the README's table of finding kinds, generated from
// All (a test keeps the README equal to it).
func Markdown() string {
	var b strings.Builder
	b.WriteString("| ID | kind | what | severity | repair |\n|---|---|---|---|---|\n")
	cell := strings.NewReplacer("|", `\|`).Replace
	for _, k := range All {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", k.ID, k.Kind, cell(k.Summary), cell(k.Severity), cell(k.Repair))
	}
	return b.String()
}

// ID returns the stable identifier of k.
func (k Kind) ID() string { return k.Info().ID }
