// Package declared reads, without running anything, what a Go package
// declares about its database: the tables, columns, indexes and foreign
// keys its Bun migrations leave behind on PostgreSQL, MySQL/MariaDB and
// SQLite, or, for a project without migrations, the indexes its models
// declare with //schemalint:index directives. Bun's struct tags cannot
// express a secondary index, so this is where schemalint learns them: the
// index rules (SL200-SL205) check it at the keyboard, and the drift
// checker compares it with a live database.
//
// # API
//
// Load(ctx, dir, patterns...) loads packages with go/packages and returns
// the *Schema of the one that registers migrations (FromPackages does the
// same for packages loaded already, with an Overlay say; Analyze returns
// the schema of every root package). Analyzer is the same extraction as a
// go/analysis analyzer, whose *Result the index rules use.
//
// A Schema holds, per dialect (Schema.For(PG|MySQL|SQLite)), the tables
// that exist once every up migration has run on an empty database, in
// creation order:
//
//   - Table: Name; Model (the Go type it comes from, when a model the
//     package can see has it); Columns (Type as created on that dialect,
//     NotNull, Default, Generated, Field for a model column, Origin: the
//     model, a CREATE TABLE statement, or added later, such as MySQL's
//     not_deleted); DroppedColumns (model columns a migration dropped);
//     PrimaryKey; Indexes; ForeignKeys.
//   - Index: Name, Table, Parts (Column or Expr, Desc, ...), Unique,
//     Constraint (a UNIQUE constraint rather than CREATE INDEX), Where
//     (the predicate as sent: Bun writes .Where("x") as "(x)"), Using,
//     Include, Source (migration, model unique tag, or directive).
//   - ForeignKey: Name, Table, Columns, RefTable, RefColumns (empty: the
//     referenced primary key), OnDelete, OnUpdate, Source (written in a
//     migration, or derived from a relation by WithForeignKeys).
//
// It also holds the Migrations in Bun's order, each with its Up and Down
// Changes (one per statement and dialect: create/drop table or index,
// add/drop/alter/rename column, add foreign key, drop constraint, rename,
// data), the Problems found replaying them in order (an index on a table
// not created yet, a column no table has, a table created twice, MySQL's
// DROP INDEX without ON), and Notes. Every element has a Pos (file, line,
// column); Span and Change give the token positions and the change that
// made it, valid in the file set the packages were loaded into. The
// schema is plain data: it marshals to JSON (token positions aside).
//
// # Notes
//
// Whatever the extraction cannot follow becomes a Note, with its position
// and the dialects on which that code runs, never silently dropped: a
// schema with notes may miss something the migrations do at run time. The
// index rules report notes (SL203); drift should show them.
//
// # What is understood
//
// Registration: Migrations.MustRegister(up, down) and Register, named
// after the file they are called in as Bun names them
// (20060102150405_name.go); migrate.Migration{Name, Comment, Up, Down}
// literals (with Migrator.DB()); Discover and DiscoverCaller with an
// embed.FS (its //go:embed patterns), fs.Sub of one, or os.DirFS of a
// constant path, reading *.up.sql, *.tx.up.sql, *.down.sql and
// *.tx.down.sql with Bun's --bun:split semantics. Migrations run in name
// order; a nil down function or a missing .down.sql is recorded.
//
// Up and down functions are function literals, functions of the package,
// method values (m.up), package-level variables holding one, or local
// variables assigned one once (up := func...; MustRegister(up, down)).
// They are interpreted: functions and methods of the package are followed
// with their arguments (so run(ctx, queries...) and runSQL(ctx, db, "...")
// helpers work), local variables and package-level initialisers are
// tracked, a range over a known list (a variadic parameter, a slice or map
// literal, a slice of struct literals whose fields are read back) is
// unrolled, function literals given to RunInTx run with the transaction as
// the handle, BeginTx/Begin return a handle, and db.ResetModel(ctx,
// models...) drops (IF EXISTS, CASCADE) and creates each model's table as
// Bun does. A handle is any value of
// type *bun.DB, bun.Tx, bun.Conn, bun.IDB, bun.IConn or database/sql's DB,
// Tx, Conn.
//
// Functions, methods and package-level variables of other packages of the
// same module (the same go.mod) are followed as those of the package,
// when the driver shares their syntax: the analyzer exports a SourceFact
// on every package, which carries the syntax in process (schemalint's
// commands, checker.Analyze over packages loaded with LoadAllSyntax) and
// nothing across processes (go vet). What they run is reported at the
// call into them. Third-party modules are never followed.
//
// A statement that may or may not run is marked Change.Maybe: one under
// a condition that does not depend on the dialect (an existence check
// such as if !columnExists(...)), or one whose error is ignored when it
// says the object exists (err != nil && !strings.Contains(err.Error(),
// "already exists"), a isDuplicate...(err) helper, PostgreSQL's
// duplicate-object codes). It is applied where it fits and never reported
// as a problem where it does not. A SELECT with arguments (the query of
// an existence check) creates nothing and hides nothing.
// PostgreSQL DO blocks made of plain statements under IF ... THEN (ELSIF,
// ELSE, END IF), or with an EXCEPTION WHEN ... THEN NULL handler, are
// read the same way; a DO block with anything else (DECLARE, loops,
// EXECUTE, PERFORM) is noted unseen.
//
// Dialect branches: if and switch on db.Dialect().Name() (or a variable
// holding it) against dialect.PG, dialect.MySQL, dialect.SQLite, or on
// .String() against "pg", "mysql", "sqlite"; ==, !=, !, && and ||; type
// switches on db.Dialect().(type) with *pgdialect.Dialect and its kin. A
// branch that returns takes its dialects away from what follows it, as in
// "if mysql { return runSQL(...) }; return run(ctx, pg and sqlite ...)".
// Code outside any branch applies to all three dialects. A condition that
// does not depend on the dialect (other than an error check) leaves both
// branches running, with a note.
//
// Builders, rendered as Bun v1.3.0 renders them per dialect and then read
// as SQL: NewCreateIndex (Model, Table, TableExpr, ModelTableExpr, Index,
// IndexExpr, Column, ColumnExpr, Unique, Where, WhereOr, Using, Include,
// IncludeExpr, IfNotExists (left out on MySQL, as Bun does),
// Concurrently); NewDropIndex (Index, IfExists, Concurrently, Cascade,
// Restrict); NewDropTable (Model, Table, TableExpr, IfExists, Cascade);
// NewAddColumn and NewDropColumn; NewRaw(sql).Exec. NewCreateTable is
// built from the model as Bun builds it: columns with their CREATE TABLE
// types, primary key, unique tags and groups, Varchar(n), IfNotExists,
// ForeignKey("...") clauses, WithForeignKeys() (one FOREIGN KEY per
// belongs-to or has-one relation that Bun's Relation.References accepts,
// in relation-name order, with NO ACTION unless on_delete:/on_update: say
// otherwise), ColumnExpr and ModelTableExpr; Temp() tables leave nothing
// behind. Data builders (NewInsert, NewSelect, ...) are recorded as data.
// TestReferenceMatchesBun checks all of this against the SQL Bun really
// sends for the reference migrations, statement by statement.
//
// SQL: strings known statically (literals, constants, known strings
// joined with +, fmt.Sprintf with a constant format of %s, %d, %v and %q
// verbs and known arguments) given to ExecContext, Exec, QueryContext, Query, QueryRowContext,
// QueryRow and NewRaw, parsed with package ddl: CREATE [UNIQUE] INDEX,
// CREATE TABLE (columns, keys, inline REFERENCES, MySQL KEY), ALTER TABLE
// (ADD/DROP/ALTER/MODIFY/CHANGE/RENAME COLUMN, ADD/DROP CONSTRAINT,
// foreign keys, RENAME TO, MySQL's DROP INDEX/FOREIGN KEY/PRIMARY KEY,
// RENAME INDEX), ALTER INDEX RENAME, DROP INDEX, DROP TABLE. INSERT,
// UPDATE, DELETE and other row statements are data. Positions point into
// the literal, escapes and concatenations included.
//
// Models: Model((*T)(nil)), Model(&T{}), Model(new(T)), Model of a slice,
// or any expression whose static type is a model; a table created by SQL
// gets the model whose table has its name. //schemalint:index directives
// of a table's model are added to it unless a migration created an index
// of that name.
//
// # What is knowingly not understood
//
// Each of these becomes a note: SQL that is not known statically
// (strings built from run-time values), SQL with ? placeholders and arguments
// (Bun formats them at run time), builder arguments that are not
// constants, a Model whose type is an interface, builder methods not
// listed above (Apply, ExcludeColumn), queries built and never seen
// executed, a builder value whose origin is lost, functions of other
// modules (or, across processes, of other packages) given the handle, or
// methods of their types holding one (unless their ExecFact says they run
// nothing: schema.RegisterModels is fine), calls through function values
// given the handle, recursion and calls nested more than 16 deep, goto,
// the BeforeCreateTable/AfterCreateTable hooks of a model, statements the
// SQL parser does not model (CREATE VIEW, CREATE FUNCTION, COMMENT ON,
// ALTER TABLE ... ENABLE ROW LEVEL SECURITY, ...) or cannot parse on a
// dialect (a partial index on MySQL, CONCURRENTLY outside PostgreSQL),
// a Discover file system that is not one of the forms above, and files
// that are not Bun migration names.
//
// Not modelled and not noted: CHECK constraints and their names, table
// options (ENGINE, PARTITION BY, TABLESPACE), schema-qualified names (the
// schema is dropped: public.users is users), MariaDB's IF NOT EXISTS on
// CREATE INDEX (Bun decides at run time; MySQL is assumed), the
// run-time order in which Bun learns that a table is an m2m join table
// (WithForeignKeys on such a table is read as if every m2m relation of
// the package's models were registered), Bun SQL files that are Go
// templates, and the dialect switch of a migration that takes its dialect
// from somewhere other than the handle (a global flag, an environment
// variable): such a condition counts as unknown, so both branches run.
package declared
