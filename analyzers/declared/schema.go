package declared

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/schemalint/schemalint/ddl"
)

// Dialect is a Bun dialect, spelled as Bun's dialect.Name().String() does.
type Dialect string

// The dialects the extraction follows.
const (
	PG     Dialect = "pg"
	MySQL  Dialect = "mysql"
	SQLite Dialect = "sqlite"
)

// AllDialects lists the dialects in the order Schema.Dialects holds them.
var AllDialects = []Dialect{PG, MySQL, SQLite}

// ddl returns the ddl package's dialect.
func (d Dialect) ddl() ddl.Dialect {
	switch d {
	case MySQL:
		return ddl.MySQL
	case SQLite:
		return ddl.SQLite
	}
	return ddl.Postgres
}

// Title is the dialect's name in prose: PostgreSQL, MySQL, SQLite.
func (d Dialect) Title() string {
	switch d {
	case PG:
		return "PostgreSQL"
	case MySQL:
		return "MySQL"
	case SQLite:
		return "SQLite"
	}
	return string(d)
}

// EqualIdent reports whether two real names denote the same object on the
// dialect: exactly on PostgreSQL, ignoring ASCII case on MySQL and SQLite
// (MySQL compares column and index names without case; table names
// depend on lower_case_table_names, which is on for most installations
// that matter here).
func (d Dialect) EqualIdent(a, b string) bool { return d.ddl().EqualIdent(a, b) }

// Position is a place in a Go or SQL file of the package. File is the
// path the package loader gave (absolute for go/packages); Line and Column
// count from 1; Offset is the byte offset in the file.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Offset int    `json:"offset"`
}

// IsValid reports whether the position names a file.
func (p Position) IsValid() bool { return p.File != "" }

// String is file:line:column.
func (p Position) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// at carries the token positions of an element in the file set the
// package was loaded into, and the change that made it. It is not
// serialized; the exported Pos is.
type at struct {
	pos, end token.Pos
	change   *Change
}

// Span returns the element's range in the file set the package was
// loaded with (the analysis pass's, or the one Load used). For an element
// that comes from an imported model, it is the model's declaration.
func (a at) Span() (token.Pos, token.Pos) { return a.pos, a.end }

// Change returns the change that created the element, or nil for one
// that no migration statement made (a model's column, a directive).
func (a at) Change() *Change { return a.change }

// Schema is what a package declares about the database, per dialect: the
// tables and indexes its migrations leave behind when they all run up,
// or, for a package without migrations, its models with their
// //schemalint:index directives. Everything in it is plain data (JSON
// serialisable) apart from the unexported token positions behind Span,
// Change and Site.
type Schema struct {
	// Package is the import path of the package read.
	Package string `json:"package"`
	// Source is "migrations" when the package registers Bun migrations
	// (Go functions or SQL files), "directives" when it only declares
	// models with //schemalint:index directives.
	Source string `json:"source"`
	// Migrations are the migrations in Bun's order (by name).
	Migrations []*Migration `json:"migrations,omitempty"`
	// Dialects holds one schema per dialect, in AllDialects order.
	Dialects []*DialectSchema `json:"dialects"`
	// Notes are what the extraction could not follow: each says where,
	// on which dialects, and why. A note means the schema may lack
	// something the migrations do at run time.
	Notes []*Note `json:"notes,omitempty"`
	// Registry is where the migrations are collected: the
	// migrate.NewMigrations call, else the first registration.
	Registry Position `json:"registry"`
	registry at
}

// For returns the schema of dialect d.
func (s *Schema) For(d Dialect) *DialectSchema {
	for _, ds := range s.Dialects {
		if ds.Dialect == d {
			return ds
		}
	}
	return nil
}

// RegistrySpan is the token range of Registry.
func (s *Schema) RegistrySpan() (token.Pos, token.Pos) { return s.registry.pos, s.registry.end }

// DialectSchema is the desired schema on one dialect.
type DialectSchema struct {
	Dialect Dialect `json:"dialect"`
	// Tables are the tables that exist after every up migration ran, in
	// the order they were created.
	Tables []*Table `json:"tables"`
	// Problems are statements that would fail or do nothing when the
	// migrations run in order on an empty database: an index on a table
	// not created yet, a column no table has, a table created twice.
	Problems []*Problem `json:"problems,omitempty"`
}

// Table returns the table named name, compared as the dialect compares.
func (s *DialectSchema) Table(name string) *Table {
	for _, t := range s.Tables {
		if s.Dialect.EqualIdent(t.Name, name) {
			return t
		}
	}
	return nil
}

// Index returns the index named name on any table.
func (s *DialectSchema) Index(name string) *Index {
	for _, t := range s.Tables {
		if ix := t.Index(name); ix != nil {
			return ix
		}
	}
	return nil
}

// Problem is a statement that cannot do what it says at its place in the
// migration order.
type Problem struct {
	Pos       Position `json:"pos"`
	Migration string   `json:"migration"`
	Message   string   `json:"message"`
	// Table and Column name the object that is missing (or there
	// twice); Column is "" for a table.
	Table  string `json:"table,omitempty"`
	Column string `json:"column,omitempty"`
	at
}

// ModelRef names the Go model a table comes from.
type ModelRef struct {
	// Package is the model's import path, Name its type name.
	Package string `json:"package"`
	Name    string `json:"name"`
}

// String is "path.Name".
func (m *ModelRef) String() string { return m.Package + "." + m.Name }

// Table is a table as the migrations leave it.
type Table struct {
	Name string `json:"name"`
	// Model is the Go model the table was created from
	// (NewCreateTable().Model), or the model whose table it is for a
	// table created by SQL; nil when no model the package can see has
	// the table.
	Model *ModelRef `json:"model,omitempty"`
	// Columns are its columns: the model's, as Bun creates them, or those
	// of the CREATE TABLE statement, then those added later, minus those
	// dropped.
	Columns []*Column `json:"columns"`
	// DroppedColumns are model columns a migration dropped: Bun still
	// reads and writes them.
	DroppedColumns []string `json:"dropped_columns,omitempty"`
	// PrimaryKey lists the primary-key columns.
	PrimaryKey []string `json:"primary_key,omitempty"`
	// Indexes are its indexes and unique constraints (not the primary
	// key), in the order they were declared.
	Indexes []*Index `json:"indexes,omitempty"`
	// ForeignKeys are its foreign-key constraints.
	ForeignKeys []*ForeignKey `json:"foreign_keys,omitempty"`
	// Pos is where it was created.
	Pos Position `json:"pos"`
	at
}

// Column returns the column named name.
func (t *Table) Column(name string, d Dialect) *Column {
	for _, c := range t.Columns {
		if d.EqualIdent(c.Name, name) {
			return c
		}
	}
	return nil
}

// Index returns the index or named constraint called name.
func (t *Table) Index(name string) *Index {
	for _, ix := range t.Indexes {
		if ix.Name != "" && ix.Name == name {
			return ix
		}
	}
	return nil
}

// Column origins.
const (
	FromModel = "model" // a model's field, created by NewCreateTable().Model
	FromSQL   = "sql"   // a column of a CREATE TABLE statement
	FromAdded = "added" // added by ALTER TABLE ... ADD or NewAddColumn
)

// Column is a column of a table.
type Column struct {
	Name string `json:"name"`
	// Type is the column type as created ("varchar(20)", "TIMESTAMPTZ");
	// "" where none is written (SQLite's typeless columns, or a type Bun
	// cannot derive).
	Type    string `json:"type,omitempty"`
	NotNull bool   `json:"not_null,omitempty"`
	// Default is the DEFAULT expression as written, "" when none.
	Default       string `json:"default,omitempty"`
	AutoIncrement bool   `json:"auto_increment,omitempty"`
	// Generated is the expression of a generated column (MySQL's
	// not_deleted: "IF(deleted_at IS NULL, 1, NULL)"), "" otherwise;
	// Storage is "STORED", "VIRTUAL" or "" (the dialect's default).
	Generated string `json:"generated,omitempty"`
	Storage   string `json:"storage,omitempty"`
	// Field is the Go field path of a model column ("DeletedAt",
	// "Base.CreatedAt"), else "".
	Field string `json:"field,omitempty"`
	// Origin is FromModel, FromSQL or FromAdded.
	Origin string   `json:"origin"`
	Pos    Position `json:"pos"`
	at
}

// Index sources.
const (
	// SourceMigration: CREATE INDEX (builder or SQL) or a UNIQUE/INDEX of
	// CREATE TABLE or ALTER TABLE written in a migration.
	SourceMigration = "migration"
	// SourceModel: a unique constraint from a model's unique tag, which
	// NewCreateTable().Model writes.
	SourceModel = "model"
	// SourceDirective: a //schemalint:index directive of the model.
	SourceDirective = "directive"
)

// Index is an index or a unique constraint.
type Index struct {
	// Name is the index or constraint name; "" when the database names
	// it (an unnamed UNIQUE, PostgreSQL's CREATE INDEX ON t (...)).
	Name  string      `json:"name,omitempty"`
	Table string      `json:"table"`
	Parts []IndexPart `json:"parts"`
	// Unique reports a unique index or constraint.
	Unique bool `json:"unique,omitempty"`
	// Constraint reports a table constraint (UNIQUE (...) in CREATE
	// TABLE or ALTER TABLE ADD), or MySQL's inline KEY, rather than a
	// CREATE INDEX statement.
	Constraint bool `json:"constraint,omitempty"`
	// Where is the predicate of a partial index as sent to the database
	// (Bun writes .Where("x") as "(x)"); "" when not partial.
	Where string `json:"where,omitempty"`
	// Using is the index method in lower case, "" for the default.
	Using string `json:"using,omitempty"`
	// Include lists PostgreSQL's INCLUDE columns.
	Include []string `json:"include,omitempty"`
	// Type is MySQL's FULLTEXT or SPATIAL, else "".
	Type string `json:"type,omitempty"`
	// Source is SourceMigration, SourceModel or SourceDirective.
	Source string   `json:"source"`
	Pos    Position `json:"pos"`
	at
}

// Columns returns the column of each part, "" for an expression part.
func (ix *Index) Columns() []string {
	out := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		out[i] = p.Column
	}
	return out
}

// Describe spells the index for messages: "idx_users_email (email)".
func (ix *Index) Describe() string {
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		parts[i] = p.String()
	}
	name := ix.Name
	if name == "" {
		name = "unnamed"
		if ix.Unique && ix.Constraint {
			name = "unique constraint"
		}
	}
	return name + " (" + strings.Join(parts, ", ") + ")"
}

// IndexPart is one element of an index's column list.
type IndexPart struct {
	// Column is the column of a plain-column part, else "".
	Column string `json:"column,omitempty"`
	// Expr is the expression of an expression part, normalised as
	// ddl.Expr.Text, else "".
	Expr string `json:"expr,omitempty"`
	Desc bool   `json:"desc,omitempty"`
	// PrefixLen is MySQL's key prefix length, col(10).
	PrefixLen int `json:"prefix_len,omitempty"`
	// Collate, OpClass and Nulls are as ddl.IndexPart has them.
	Collate string `json:"collate,omitempty"`
	OpClass string `json:"opclass,omitempty"`
	Nulls   string `json:"nulls,omitempty"`
}

// String spells the part.
func (p IndexPart) String() string {
	s := p.Column
	if s == "" {
		s = p.Expr
	}
	if p.PrefixLen > 0 {
		s += fmt.Sprintf("(%d)", p.PrefixLen)
	}
	if p.Desc {
		s += " DESC"
	}
	return s
}

// Foreign-key sources.
const (
	// FKMigration: .ForeignKey(...), REFERENCES or ADD CONSTRAINT ...
	// FOREIGN KEY written in a migration.
	FKMigration = "migration"
	// FKRelation: derived from a model relation by
	// NewCreateTable().WithForeignKeys(), as Bun renders it.
	FKRelation = "relation"
)

// ForeignKey is a foreign-key constraint.
type ForeignKey struct {
	// Name is the constraint name, "" when the database names it.
	Name    string   `json:"name,omitempty"`
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
	// RefTable and RefColumns are the referenced table and columns;
	// RefColumns is empty when the clause names none (the referenced
	// table's primary key).
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns,omitempty"`
	// OnDelete and OnUpdate are the referential actions in upper case
	// ("CASCADE", "SET NULL", "NO ACTION"), "" when not given.
	OnDelete string `json:"on_delete,omitempty"`
	OnUpdate string `json:"on_update,omitempty"`
	// Source is FKMigration or FKRelation.
	Source string   `json:"source"`
	Pos    Position `json:"pos"`
	at
}

// Migration is one Bun migration: a MustRegister/Register call, a
// migrate.Migration literal, or the SQL files of one name.
type Migration struct {
	// Name and Comment are Bun's: "20260101000001" and "apps" from the
	// file 20260101000001_apps.go (or .up.sql).
	Name    string `json:"name"`
	Comment string `json:"comment"`
	// Kind is "go" or "sql".
	Kind string `json:"kind"`
	// Pos is the registration call, the literal, or the up SQL file.
	Pos Position `json:"pos"`
	// Up and Down are the changes each direction makes, one per dialect
	// a statement runs on, in execution order.
	Up   []*Change `json:"up"`
	Down []*Change `json:"down"`
	// HasDown reports that a down function or file exists (a nil down
	// function and a missing .down.sql leave it false).
	HasDown bool `json:"has_down"`
	at
}

// ChangeKind says what a change does.
type ChangeKind string

// Change kinds.
const (
	CreateTable    ChangeKind = "create table"
	DropTable      ChangeKind = "drop table"
	CreateIndex    ChangeKind = "create index" // also UNIQUE/INDEX added by ALTER TABLE
	DropIndex      ChangeKind = "drop index"
	AddColumn      ChangeKind = "add column"
	DropColumn     ChangeKind = "drop column"
	AlterColumn    ChangeKind = "alter column" // type, nullability or default; MySQL MODIFY/CHANGE
	AddForeignKey  ChangeKind = "add foreign key"
	AddPrimaryKey  ChangeKind = "add primary key"
	DropConstraint ChangeKind = "drop constraint"
	RenameTable    ChangeKind = "rename table"
	RenameColumn   ChangeKind = "rename column"
	RenameIndex    ChangeKind = "rename index"
	// Data is a statement that changes rows, not the schema (INSERT,
	// UPDATE, DELETE, a NewInsert builder ...). It is recorded so that
	// nothing the migration runs goes missing.
	Data ChangeKind = "data"
)

// Change is one effect of one statement on one dialect.
type Change struct {
	Kind    ChangeKind `json:"kind"`
	Dialect Dialect    `json:"dialect"`
	// Table is the table changed.
	Table string `json:"table,omitempty"`
	// Name is the index, column or constraint dropped or renamed.
	Name string `json:"name,omitempty"`
	// NewName is the new name of a rename.
	NewName string `json:"new_name,omitempty"`
	// Create is the table of CreateTable.
	Create *Table `json:"create,omitempty"`
	// Index is the index of CreateIndex.
	Index *Index `json:"index,omitempty"`
	// Column is the column of AddColumn, and the new definition of
	// AlterColumn.
	Column *Column `json:"column,omitempty"`
	// ForeignKey is the constraint of AddForeignKey.
	ForeignKey *ForeignKey `json:"foreign_key,omitempty"`
	// PrimaryKey is the key of AddPrimaryKey.
	PrimaryKey []string `json:"primary_key,omitempty"`
	// IfExists and IfNotExists report the clauses as sent (Bun leaves
	// IF NOT EXISTS out of CREATE INDEX on MySQL).
	IfExists    bool `json:"if_exists,omitempty"`
	IfNotExists bool `json:"if_not_exists,omitempty"`
	// SQL is the statement's text for a change read from SQL, and what
	// Bun would send for a builder.
	SQL string `json:"sql,omitempty"`
	// Builder reports a change made by a Bun query builder rather than
	// by SQL text.
	Builder bool `json:"builder,omitempty"`
	// Maybe reports a statement that may or may not run: under a
	// condition the extraction cannot decide (an existence check), or
	// with an "already exists" error ignored. Where it conflicts with the
	// schema at its place it is taken not to have run, and no problem is
	// recorded.
	Maybe bool     `json:"maybe,omitempty"`
	Pos   Position `json:"pos"`
	at
	site  *Site
	alter string // AlterColumn: the ALTER COLUMN action, or "DEFINITION" for MODIFY/CHANGE
}

// Site returns where in the Go source the change was written, or nil for
// a change read from a SQL file.
func (c *Change) Site() *Site { return c.site }

// Site is where a change was written in a Go migration, for fixes that
// add statements next to it.
type Site struct {
	// File is the Go file; Expr the builder chain or SQL argument that
	// made the change.
	File *ast.File
	Expr ast.Expr
	// Stmt is the statement that holds Expr in a statement list of Func,
	// when Expr is written in the migration function itself (or a
	// function literal inside it); nil when it is written in a helper
	// the migration calls, where an edit would change every caller.
	Stmt ast.Stmt
	// Func is the *ast.FuncLit or *ast.FuncDecl whose body holds Stmt;
	// Ctx and DB name its context.Context and Bun handle parameters
	// ("" when it has none).
	Func    ast.Node
	Ctx, DB string
	// Root is the migration function (*ast.FuncLit or *ast.FuncDecl)
	// that holds Func, Func itself or an outer function: function
	// literals between them decide whether a statement runs once.
	Root ast.Node
	// Model is the argument of the builder's Model call, nil when none.
	Model ast.Expr
	// Dialects are the dialects on which the statement runs there.
	Dialects []Dialect
}

// Note is something the extraction could not follow, so the schema may
// miss what it does: a non-constant SQL string, a query built in a
// function it cannot see, a statement it does not model.
type Note struct {
	Pos Position `json:"pos"`
	// Dialects are the dialects on which the code in question runs.
	Dialects []Dialect `json:"dialects"`
	// Migration is the migration name, "" outside one.
	Migration string `json:"migration,omitempty"`
	Message   string `json:"message"`
	// Unseen reports code or SQL the extraction could not read, where
	// statements (a CREATE TABLE, an index) may hide: the schema may
	// lack what they make, so no rule may claim its absence.
	Unseen bool `json:"unseen,omitempty"`
	at
}
