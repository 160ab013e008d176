package ddl

// Pos is the byte range [Offset, End) of a piece of syntax in the source
// given to Parse, ParseFile, Split or SplitFile. Every node embeds one.
type Pos struct {
	// Offset is the byte offset of the node's first byte.
	Offset int
	// End is the byte offset just past the node's last byte.
	End int
}

// Position returns p; through embedding it gives every node the method.
func (p Pos) Position() Pos { return p }

// Source returns the text of p in src, the string the positions refer to.
func (p Pos) Source(src string) string { return src[p.Offset:p.End] }

// Statement is one parsed statement: *CreateIndex, *CreateTable,
// *AlterTable, *AlterIndex, *DropIndex, *DropTable, *Unknown or *Invalid.
type Statement interface {
	// Position returns the statement's range, from its first token to
	// its last (without the terminating semicolon).
	Position() Pos
	// Kind returns the statement's leading keywords in upper case, such
	// as "CREATE INDEX" or "COMMENT ON". For *Invalid it is the kind the
	// statement was recognised as before the error.
	Kind() string
	statement()
}

// Name is an identifier or a schema-qualified name.
type Name struct {
	Pos
	// Schema is the qualifier's real name, or "" when there is none.
	Schema string
	// Name is the real name: quotes removed, doubled quotes undone and,
	// when unquoted, folded as the dialect folds (see Dialect.FoldIdent).
	Name string
	// Quoted reports whether Name was written in quotes.
	Quoted bool
	// Raw is the name as written, qualifier and quotes included.
	Raw string
}

// String returns the real name, qualified as "schema.name" when it was.
func (n Name) String() string {
	if n.Schema != "" {
		return n.Schema + "." + n.Name
	}
	return n.Name
}

// Expr is an expression, a default, a predicate or an option list, kept as
// text: this package does not parse expressions, it finds where they end
// (balancing parentheses and brackets, respecting quotes).
type Expr struct {
	Pos
	// Text is the expression with comments removed and whitespace
	// normalised: runs of whitespace become one space, none is kept after
	// "(", "[", "." and "::" or before ")", "]", ",", "." and "::", and
	// exactly one space follows each ",". Tokens keep their spelling and
	// case.
	Text string
	// Raw is the expression exactly as written.
	Raw string
}

// IndexPart is one element of an index's or key's column list.
type IndexPart struct {
	Pos
	// Column is the column's real name when the part is a plain column,
	// else "".
	Column string
	// Expr is the expression of an expression part (lower(email),
	// (a || b), MySQL's ((lower(email)))), else nil. An expression written
	// in parentheses keeps them in Expr.Text.
	Expr *Expr
	// PrefixLen is MySQL's key prefix length, col(10); 0 when absent.
	PrefixLen int
	// Collate is the COLLATE name, or "".
	Collate string
	// OpClass is the PostgreSQL operator class as written (with its
	// parameters, if any), or "".
	OpClass string
	// Desc reports DESC; ASC and no order both leave it false.
	Desc bool
	// Nulls is "FIRST", "LAST" or "" when NULLS is not given.
	Nulls string
}

// CreateIndex is CREATE INDEX, with PostgreSQL's, MySQL's and SQLite's
// clauses.
type CreateIndex struct {
	Pos
	// Name is the index name; its Name is "" for PostgreSQL's unnamed
	// CREATE INDEX ON t (...).
	Name Name
	// Table is the indexed table.
	Table Name
	// Unique reports CREATE UNIQUE INDEX.
	Unique bool
	// Type is MySQL's "FULLTEXT" or "SPATIAL", else "".
	Type string
	// Concurrently reports PostgreSQL's CONCURRENTLY.
	Concurrently bool
	// IfNotExists reports IF NOT EXISTS.
	IfNotExists bool
	// Only reports PostgreSQL's ON ONLY (no recursion into partitions).
	Only bool
	// Using is the index method in lower case ("btree", "gin", "hash"),
	// or "" when not given.
	Using string
	// Parts are the indexed columns and expressions, at least one.
	Parts []IndexPart
	// Include lists PostgreSQL's INCLUDE columns (real names).
	Include []string
	// NullsNotDistinct reports PostgreSQL 15's NULLS NOT DISTINCT.
	NullsNotDistinct bool
	// With is PostgreSQL's storage parameter list, parentheses excluded;
	// nil when absent.
	With *Expr
	// Tablespace is PostgreSQL's TABLESPACE name, or "".
	Tablespace string
	// Where is the partial index predicate; nil when the index is not
	// partial.
	Where *Expr
	// Options holds MySQL's trailing index, algorithm and lock options
	// (COMMENT 'x', INVISIBLE, ALGORITHM=INPLACE, LOCK=NONE ...) as
	// written; nil when there are none.
	Options *Expr
}

// Kind returns "CREATE INDEX".
func (*CreateIndex) Kind() string { return "CREATE INDEX" }

// Reference is a REFERENCES clause of a column or of a FOREIGN KEY.
type Reference struct {
	Pos
	// Name is the constraint name given by CONSTRAINT name before a
	// column's REFERENCES, else "" (a FOREIGN KEY's name is on its
	// Constraint).
	Name string
	// Table is the referenced table.
	Table Name
	// Columns are the referenced columns' real names; empty when the
	// clause names none (the referenced table's primary key).
	Columns []string
	// Match is "FULL", "PARTIAL", "SIMPLE" or "".
	Match string
	// OnDelete and OnUpdate are the referential actions in upper case
	// ("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"), or
	// "" when not given.
	OnDelete, OnUpdate string
	// Deferrable reports DEFERRABLE; InitiallyDeferred reports
	// INITIALLY DEFERRED.
	Deferrable, InitiallyDeferred bool
}

// Generated is a generated column's expression: PostgreSQL's and
// SQLite's GENERATED ALWAYS AS (expr) STORED, MySQL's [GENERATED ALWAYS]
// AS (expr) [VIRTUAL|STORED].
type Generated struct {
	Pos
	// Expr is the expression, parentheses excluded.
	Expr Expr
	// Storage is "STORED" or "VIRTUAL" (MariaDB's PERSISTENT reads as
	// "STORED"), or "" when not given (virtual on MySQL and SQLite).
	Storage string
}

// ColumnDef is a column definition of CREATE TABLE, ALTER TABLE ADD COLUMN
// or MySQL's MODIFY/CHANGE.
type ColumnDef struct {
	Pos
	// Name is the column's real name.
	Name string
	// NamePos is the position of the name as written.
	NamePos Pos
	// Type is the column type with whitespace normalised as in Expr.Text
	// ("varchar(20)", "numeric(10, 2)", "text[]", "int unsigned",
	// "timestamp with time zone"); "" for SQLite's typeless columns.
	Type string
	// NotNull reports NOT NULL; Null reports an explicit NULL.
	NotNull, Null bool
	// Default is the DEFAULT expression, or nil.
	Default *Expr
	// PrimaryKey reports a column PRIMARY KEY (MySQL: also KEY alone).
	PrimaryKey bool
	// Unique reports a column UNIQUE [KEY].
	Unique bool
	// AutoIncrement reports MySQL's AUTO_INCREMENT or SQLite's
	// AUTOINCREMENT.
	AutoIncrement bool
	// Identity is "ALWAYS" or "BY DEFAULT" for PostgreSQL's
	// GENERATED ... AS IDENTITY, else "".
	Identity string
	// Generated is the generated-column expression, or nil.
	Generated *Generated
	// References is the column's REFERENCES clause, or nil.
	References *Reference
	// Checks are the column's CHECK expressions.
	Checks []Expr
	// Collate is the COLLATE name, or "".
	Collate string
	// Charset is MySQL's CHARACTER SET / CHARSET name, or "".
	Charset string
	// OnUpdate is MySQL's ON UPDATE expression, or nil.
	OnUpdate *Expr
	// Comment is MySQL's COMMENT string literal as written, or "".
	Comment string
	// Invisible reports MySQL's INVISIBLE.
	Invisible bool
	// Extra holds the attributes recognised but not modelled (MySQL's
	// COLUMN_FORMAT, STORAGE, SRID, PostgreSQL's STORAGE, COMPRESSION,
	// SQLite's ON CONFLICT clauses, a CONSTRAINT name that does not
	// precede REFERENCES ...), each in normalised text.
	Extra []string
}

// ConstraintType says what a Constraint is.
type ConstraintType int

// Constraint types.
const (
	// AnyConstraint is used by DropConstraint when the statement does not
	// say which kind of constraint it drops (DROP CONSTRAINT name).
	AnyConstraint ConstraintType = iota
	// PrimaryKey is PRIMARY KEY.
	PrimaryKey
	// Unique is UNIQUE (MySQL: UNIQUE KEY/INDEX).
	Unique
	// ForeignKey is FOREIGN KEY ... REFERENCES.
	ForeignKey
	// Check is CHECK (expr).
	Check
	// Index is MySQL's inline KEY/INDEX (with Type "FULLTEXT" or
	// "SPATIAL" for those) and ALTER TABLE ... ADD INDEX.
	Index
	// Exclude is PostgreSQL's EXCLUDE constraint, kept as text.
	Exclude
)

var constraintTypeNames = [...]string{"CONSTRAINT", "PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK", "INDEX", "EXCLUDE"}

// String returns the constraint type's SQL keywords ("PRIMARY KEY", ...),
// "CONSTRAINT" for AnyConstraint.
func (t ConstraintType) String() string {
	if t >= 0 && int(t) < len(constraintTypeNames) {
		return constraintTypeNames[t]
	}
	return "ConstraintType(?)"
}

// Constraint is a table constraint of CREATE TABLE or ALTER TABLE ADD, or
// one of MySQL's inline keys.
type Constraint struct {
	Pos
	// Type is what the constraint is.
	Type ConstraintType
	// Name is the CONSTRAINT name or the MySQL key name (real name), or ""
	// when the database will choose one.
	Name string
	// IndexType is "FULLTEXT" or "SPATIAL" for such MySQL keys, else "".
	IndexType string
	// Using is the index method in lower case, or "".
	Using string
	// Columns are the key's parts (PRIMARY KEY, UNIQUE, INDEX) or the
	// referencing columns (FOREIGN KEY, which has only plain columns).
	Columns []IndexPart
	// Include lists PostgreSQL's INCLUDE columns.
	Include []string
	// NullsNotDistinct reports PostgreSQL 15's UNIQUE NULLS NOT DISTINCT.
	NullsNotDistinct bool
	// UsingIndex is PostgreSQL's USING INDEX name of ADD CONSTRAINT
	// ... UNIQUE/PRIMARY KEY USING INDEX, else "".
	UsingIndex string
	// References is the FOREIGN KEY's REFERENCES clause.
	References *Reference
	// Check is the CHECK or EXCLUDE body, parentheses excluded.
	Check *Expr
	// NotValid reports PostgreSQL's NOT VALID.
	NotValid bool
	// Options holds trailing options recognised but not modelled (MySQL
	// index options, PostgreSQL's WITH/USING INDEX TABLESPACE, DEFERRABLE
	// of keys, SQLite's ON CONFLICT ...) as written; nil when none.
	Options *Expr
}

// ColumnNames returns the real names of c.Columns, "" for an expression
// part.
func (c *Constraint) ColumnNames() []string {
	names := make([]string, len(c.Columns))
	for i, p := range c.Columns {
		names[i] = p.Column
	}
	return names
}

// CreateTable is CREATE TABLE with a column list.
type CreateTable struct {
	Pos
	// Name is the table.
	Name Name
	// IfNotExists reports IF NOT EXISTS; Temporary reports TEMP or
	// TEMPORARY; Unlogged reports PostgreSQL's UNLOGGED.
	IfNotExists, Temporary, Unlogged bool
	// Columns are the column definitions, in order.
	Columns []ColumnDef
	// Constraints are the table constraints and MySQL inline keys, in
	// order. Column constraints stay on their ColumnDef.
	Constraints []Constraint
	// Options are the table options after the column list (MySQL's
	// ENGINE=InnoDB ..., PostgreSQL's WITH (...), PARTITION BY ...,
	// SQLite's WITHOUT ROWID, STRICT) as written; nil when none.
	Options *Expr
}

// Kind returns "CREATE TABLE".
func (*CreateTable) Kind() string { return "CREATE TABLE" }

// AlterTable is ALTER TABLE with its actions.
type AlterTable struct {
	Pos
	// Table is the altered table.
	Table Name
	// IfExists reports IF EXISTS; Only reports PostgreSQL's ONLY.
	IfExists, Only bool
	// Actions are the actions in order, at least one. MySQL's and
	// PostgreSQL's comma-separated actions each become one.
	Actions []AlterAction
}

// Kind returns "ALTER TABLE".
func (*AlterTable) Kind() string { return "ALTER TABLE" }

// AlterAction is one action of ALTER TABLE: *AddColumn, *DropColumn,
// *AddConstraint, *DropConstraint, *RenameColumn, *RenameTable,
// *RenameIndex, *AlterColumn, *ModifyColumn or *OtherAction.
type AlterAction interface {
	Position() Pos
	alterAction()
}

// AddColumn is ADD [COLUMN] [IF NOT EXISTS] column definition.
type AddColumn struct {
	Pos
	// IfNotExists reports IF NOT EXISTS.
	IfNotExists bool
	// Column is the new column.
	Column ColumnDef
	// First and After are MySQL's column placement (FIRST, AFTER col).
	First bool
	After string
}

// DropColumn is DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT].
type DropColumn struct {
	Pos
	// IfExists reports IF EXISTS.
	IfExists bool
	// Name is the column's real name.
	Name string
	// Behavior is "CASCADE", "RESTRICT" or "".
	Behavior string
}

// AddConstraint is ADD [CONSTRAINT name] PRIMARY KEY|UNIQUE|FOREIGN KEY|
// CHECK|EXCLUDE ..., or MySQL's ADD [UNIQUE|FULLTEXT|SPATIAL] INDEX|KEY.
type AddConstraint struct {
	Pos
	// Constraint is the added constraint or key.
	Constraint Constraint
}

// DropConstraint is DROP CONSTRAINT [IF EXISTS] name, or MySQL's
// DROP INDEX|KEY name, DROP FOREIGN KEY name, DROP PRIMARY KEY and
// DROP CHECK name.
type DropConstraint struct {
	Pos
	// Type is AnyConstraint for DROP CONSTRAINT, else the kind named.
	Type ConstraintType
	// IfExists reports IF EXISTS.
	IfExists bool
	// Name is the real name, "" for DROP PRIMARY KEY.
	Name string
	// Behavior is "CASCADE", "RESTRICT" or "".
	Behavior string
}

// RenameColumn is RENAME [COLUMN] from TO to (and PostgreSQL's RENAME
// CONSTRAINT, with Constraint set).
type RenameColumn struct {
	Pos
	// From and To are the old and new real names.
	From, To string
	// Constraint reports RENAME CONSTRAINT.
	Constraint bool
}

// RenameTable is RENAME [TO|AS] name.
type RenameTable struct {
	Pos
	// To is the table's new name.
	To Name
}

// RenameIndex is MySQL's RENAME INDEX|KEY from TO to.
type RenameIndex struct {
	Pos
	// From and To are the old and new real names.
	From, To string
}

// AlterColumn is ALTER [COLUMN] name with one of the forms below.
type AlterColumn struct {
	Pos
	// Column is the column's real name.
	Column string
	// Action is "SET NOT NULL", "DROP NOT NULL", "SET DEFAULT",
	// "DROP DEFAULT", "TYPE" (PostgreSQL's [SET DATA] TYPE), "SET VISIBLE"
	// or "SET INVISIBLE".
	Action string
	// Default is the SET DEFAULT expression, else nil.
	Default *Expr
	// Type is the new type of TYPE (normalised as ColumnDef.Type),
	// Collate its COLLATE name and Using its USING expression.
	Type    string
	Collate string
	Using   *Expr
}

// ModifyColumn is MySQL's MODIFY [COLUMN] definition and
// CHANGE [COLUMN] old definition.
type ModifyColumn struct {
	Pos
	// OldName is the column's name before CHANGE; for MODIFY it equals
	// Column.Name.
	OldName string
	// Column is the column's new definition.
	Column ColumnDef
	// First and After are the column placement (FIRST, AFTER col).
	First bool
	After string
}

// OtherAction is an ALTER TABLE action this package does not model
// (ENABLE ROW LEVEL SECURITY, OWNER TO, ALGORITHM=INPLACE, ALTER COLUMN
// ... SET STATISTICS, ...). It is kept so that nothing is silently lost.
type OtherAction struct {
	Pos
	// Keywords is the action's first word in upper case ("ENABLE",
	// "OWNER", "ALGORITHM"), with the object for ALTER ("ALTER COLUMN",
	// "ALTER INDEX", "ALTER CONSTRAINT"), or "" when it is not a word.
	Keywords string
	// Text is the action as written.
	Text string
}

func (*AddColumn) alterAction()      {}
func (*DropColumn) alterAction()     {}
func (*AddConstraint) alterAction()  {}
func (*DropConstraint) alterAction() {}
func (*RenameColumn) alterAction()   {}
func (*RenameTable) alterAction()    {}
func (*RenameIndex) alterAction()    {}
func (*AlterColumn) alterAction()    {}
func (*ModifyColumn) alterAction()   {}
func (*OtherAction) alterAction()    {}

// AlterIndex is PostgreSQL's ALTER INDEX [IF EXISTS] name RENAME TO new.
// Other ALTER INDEX forms parse as *Unknown.
type AlterIndex struct {
	Pos
	// Name is the index renamed.
	Name Name
	// IfExists reports IF EXISTS.
	IfExists bool
	// RenameTo is the new real name.
	RenameTo string
}

// Kind returns "ALTER INDEX".
func (*AlterIndex) Kind() string { return "ALTER INDEX" }

// DropIndex is DROP INDEX.
type DropIndex struct {
	Pos
	// Concurrently reports PostgreSQL's CONCURRENTLY; IfExists reports
	// IF EXISTS.
	Concurrently, IfExists bool
	// Names are the dropped indexes, at least one.
	Names []Name
	// Table is MySQL's ON table; its Name is "" when absent.
	Table Name
	// Behavior is "CASCADE", "RESTRICT" or "".
	Behavior string
	// Options holds MySQL's trailing ALGORITHM/LOCK options; nil if none.
	Options *Expr
}

// Kind returns "DROP INDEX".
func (*DropIndex) Kind() string { return "DROP INDEX" }

// DropTable is DROP [TEMPORARY] TABLE [IF EXISTS] name, ... .
type DropTable struct {
	Pos
	// Temporary reports MySQL's TEMPORARY; IfExists reports IF EXISTS.
	Temporary, IfExists bool
	// Names are the dropped tables, at least one.
	Names []Name
	// Behavior is "CASCADE", "RESTRICT" or "".
	Behavior string
}

// Kind returns "DROP TABLE".
func (*DropTable) Kind() string { return "DROP TABLE" }

// Unknown is a statement this package does not model: INSERT, UPDATE,
// CREATE VIEW, CREATE FUNCTION, COMMENT ON, CREATE TABLE ... AS SELECT and
// so on. It is reported, never dropped.
type Unknown struct {
	Pos
	// Keywords are the statement's leading keywords in upper case
	// ("INSERT", "CREATE FUNCTION", "COMMENT ON", "CREATE TABLE AS"), or
	// "" when it does not start with a word.
	Keywords string
	// Text is the statement as written.
	Text string
}

// Kind returns u.Keywords.
func (u *Unknown) Kind() string { return u.Keywords }

// Invalid is a statement that could not be parsed. The statements around
// it are parsed as usual.
type Invalid struct {
	Pos
	// Keywords are the kind the statement was recognised as ("CREATE
	// INDEX"), or its leading words when it was not.
	Keywords string
	// Text is the statement as written.
	Text string
	// Err says where and why parsing failed.
	Err *SyntaxError
}

// Kind returns s.Keywords.
func (s *Invalid) Kind() string { return s.Keywords }

func (*CreateIndex) statement() {}
func (*CreateTable) statement() {}
func (*AlterTable) statement()  {}
func (*AlterIndex) statement()  {}
func (*DropIndex) statement()   {}
func (*DropTable) statement()   {}
func (*Unknown) statement()     {}
func (*Invalid) statement()     {}
