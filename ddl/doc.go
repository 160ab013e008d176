// Package ddl reads the DDL that Bun migrations hold as SQL text: strings
// given to Exec, ExecContext or NewRaw, clauses given to
// CreateTableQuery.ForeignKey, and Bun SQL migration files (*.up.sql,
// *.tx.up.sql, *.down.sql). schemalint uses it to learn, per dialect, which
// indexes, foreign keys and columns the migrations declare, since Bun's
// struct tags cannot say so.
//
// # API
//
// Split and SplitFile cut text into statements with byte offsets. Parse and
// ParseFile also parse each statement into a Statement: *CreateIndex,
// *CreateTable, *AlterTable, *AlterIndex, *DropIndex, *DropTable, *Unknown
// for any other statement, or *Invalid for one that could not be parsed. A
// bad statement never hides the others, and nothing is dropped: every
// statement of the input comes back, in order. ParseStatement parses
// exactly one statement; ParseForeignKey parses a ForeignKey clause.
//
// Every node embeds a Pos, the byte range of its text in the string given
// to Parse (or Split, ...). LiteralOffset maps such an offset back into the
// Go string literal the SQL came from (escapes and all), LineCol turns one
// into a line and column of a SQL file.
// Names (Name) carry both their real name and the text as written;
// expressions (Expr) carry their text with whitespace normalised and as
// written.
//
// # Accepted grammar
//
// Square brackets are optional parts, braces alternatives; "pg", "my" and
// "lite" mark what only PostgreSQL, MySQL/MariaDB or SQLite accept. Where
// the dialects overlap the parser is lenient; a clause that only another
// dialect has is an error ("CONCURRENTLY is not MySQL syntax"), since the
// database would reject the statement.
//
//	CREATE [UNIQUE | my: FULLTEXT | my: SPATIAL] INDEX [pg: CONCURRENTLY] [IF NOT EXISTS]
//	    [name]                                   -- pg: may be omitted
//	    [my: USING method] ON [pg: ONLY] table [USING method]
//	    ( part [, ...] )
//	    [pg: INCLUDE (col, ...)] [pg: NULLS [NOT] DISTINCT] [pg: WITH (params)]
//	    [pg: TABLESPACE name] [pg, lite: WHERE predicate]
//	    [my: USING method] [my: index, algorithm and lock options ...]
//	part: { column | my: column(length) | function(...) | (expression) | lite: expression }
//	    [pg, lite: COLLATE name] [pg: opclass [(params)]] [ASC | DESC]
//	    [pg, lite: NULLS {FIRST | LAST}]
//
//	CREATE [TEMP | TEMPORARY | pg: UNLOGGED] TABLE [IF NOT EXISTS] name
//	    ( { column_def | table_constraint } [, ...] ) [table options ...]
//	column_def: name [type] [attribute ...]
//	attribute: [CONSTRAINT name] NOT NULL | NULL | DEFAULT expr | PRIMARY KEY [ASC|DESC]
//	    | my: KEY | UNIQUE [my: KEY] | REFERENCES table [(cols)] [MATCH ...]
//	      [ON DELETE action] [ON UPDATE action] [[NOT] DEFERRABLE] [INITIALLY ...]
//	    | CHECK (expr) | GENERATED ALWAYS AS (expr) [STORED | VIRTUAL]
//	    | my, lite: AS (expr) [STORED | VIRTUAL | PERSISTENT]
//	    | pg: GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]
//	    | my: AUTO_INCREMENT | lite: AUTOINCREMENT | COLLATE name
//	    | my: CHARACTER SET name | my: COMMENT 'text' | my: ON UPDATE expr
//	    | my: VISIBLE | INVISIBLE | lite: ON CONFLICT resolution
//	    | STORAGE x | COMPRESSION x | COLUMN_FORMAT x | SRID n | ENGINE_ATTRIBUTE 'x'
//	table_constraint: [CONSTRAINT [name]]
//	    { PRIMARY KEY [my: USING m] (parts) | UNIQUE [my: INDEX | KEY] [my: name] (parts)
//	    | FOREIGN KEY [my: name] (cols) REFERENCES ... | CHECK (expr) | pg: EXCLUDE ...
//	    | my: {INDEX | KEY} [name] [USING m] (parts) | my: {FULLTEXT | SPATIAL} [INDEX | KEY] [name] (parts) }
//	    [pg: INCLUDE (cols)] [options ...]
//
//	ALTER TABLE [IF EXISTS] [pg: ONLY] table action [, ...]
//	action: ADD [COLUMN] [IF NOT EXISTS] column_def [my: FIRST | AFTER col]
//	    | my: ADD [COLUMN] (column_def, ...)
//	    | ADD table_constraint | pg: ADD [CONSTRAINT name] {UNIQUE | PRIMARY KEY} USING INDEX name
//	    | DROP [COLUMN] [IF EXISTS] col [CASCADE | RESTRICT]
//	    | DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]
//	    | my: DROP {INDEX | KEY} name | my: DROP FOREIGN KEY name | my: DROP PRIMARY KEY | my: DROP CHECK name
//	    | RENAME [COLUMN] a TO b | pg: RENAME CONSTRAINT a TO b | RENAME {TO | my: AS} name
//	    | my: RENAME {INDEX | KEY} a TO b
//	    | ALTER [COLUMN] col { SET NOT NULL | DROP NOT NULL | SET DEFAULT expr | DROP DEFAULT
//	      | pg: [SET DATA] TYPE type [COLLATE c] [USING expr] | my: SET {VISIBLE | INVISIBLE} }
//	    | my: MODIFY [COLUMN] column_def [FIRST | AFTER col] | my: CHANGE [COLUMN] old column_def [...]
//	    | any other action, kept as *OtherAction
//
//	pg: ALTER INDEX [IF EXISTS] name RENAME TO new
//	DROP INDEX [pg: CONCURRENTLY] [IF EXISTS] name [pg: , ...] [my: ON table [options]] [CASCADE | RESTRICT]
//	DROP [TEMPORARY] TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]
//
// Types, defaults, predicates, CHECK and generation expressions are not
// parsed: the parser finds where they end by counting parentheses and
// brackets outside quotes and stopping at the next attribute keyword, and
// keeps their text. Any other statement (INSERT, CREATE VIEW, CREATE
// FUNCTION, COMMENT ON, CREATE TABLE ... AS SELECT, CREATE TABLE ... LIKE,
// ALTER INDEX ... SET ...) is an *Unknown named by its leading keywords.
//
// Not modelled, knowingly: MySQL's ALTER TABLE table options (kept as
// *OtherAction), partitioning, and the names of column-level constraints
// other than REFERENCES (kept in ColumnDef.Extra); MariaDB's CREATE OR
// REPLACE TABLE/INDEX and PostgreSQL's CREATE TABLE ... PARTITION OF/OF
// type (both *Unknown); ALTER INDEX forms other than RENAME TO; MySQL
// identifiers that start with a digit; MariaDB's top-level BEGIN NOT
// ATOMIC blocks (split at their inner ";"); Bun SQL files that are Go
// templates (read as the text they are); and SQL given to Bun with ?
// placeholders, which cannot be resolved statically (a placeholder where a
// name belongs is reported as such).
//
// # Lexical rules and dialects
//
// Statements end at ";" outside quotes and comments, at a line that is
// exactly "--bun:split", or at the end of the input; inside BEGIN ... END of
// CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT a ";" does not end the statement.
//
//   - PostgreSQL: unquoted identifiers fold to lower case (ASCII letters, as
//     in a UTF-8 database); "double quotes" keep case and "" stands for ".
//     Strings are '...' with a doubled quote for a quote (backslashes are
//     literal), E'...' with backslash escapes, and dollar quotes $$...$$ /
//     $tag$...$tag$; $1 is a parameter. Block comments nest. `Backquotes`
//     are an error.
//   - MySQL and MariaDB: identifiers keep their case (MySQL compares column
//     and index names without case, table names by lower_case_table_names);
//     `backquotes` quote identifiers and, as with ANSI_QUOTES, so do
//     "double quotes". Backslashes escape in strings. "-- " needs the
//     space; # starts a comment; /*! ... */ and /*M! ... */ hold SQL that is
//     read as such.
//   - SQLite: identifiers keep their case and compare without ASCII case;
//     "double quotes", `backquotes` and [brackets] quote them.
//
// Names in the result are real names: quotes removed, doubled quotes
// undone, unquoted names folded as the dialect folds. Dialect.EqualIdent
// compares them as the dialect does.
//
// # Robustness
//
// The lexer never fails (an unterminated quote or comment becomes an error
// token that ends the input) and does constant work per byte. The grammar
// has no recursive rule: nested parentheses are counted, not recursed
// into, so no input can exhaust the stack, and parsing is linear in the
// input. FuzzParse and FuzzSplit check that no input panics and that every
// position returned lies in the input and matches the text it names.
//
// # Why a hand-written parser
//
// The parser was chosen by measuring the alternatives that the Go module
// proxy serves (a program parsing the reference migrations' statements,
// built cold on the development machine, 2 cores; the empty program is
// 2.4 MB):
//
//   - github.com/pingcap/tidb/pkg/parser (maintained): MySQL/TiDB only; it
//     rejects PostgreSQL's "double-quoted" identifiers and CREATE INDEX
//     CONCURRENTLY. +19 MB of binary, 61 packages (zap, pingcap/errors
//     ...), 37 s cold build.
//   - vitess.io/vitess/go/vt/sqlparser v0.24.4 (maintained): MySQL only, a
//     20 MB module; +15 MB of binary, 80 packages (protobuf, grpc ...),
//     55 s cold build. It turns CREATE INDEX into an ALTER TABLE and, on a
//     partial index, logs "ignoring error parsing DDL" and drops the WHERE
//     clause without an error.
//   - github.com/xwb1989/sqlparser (last change 2018): MySQL only; CREATE
//     INDEX comes back as "alter table t" with the columns lost, a partial
//     index parses without its predicate, a CONSTRAINT ... FOREIGN KEY makes
//     it log to stderr and fall back to a partial parse.
//   - pganalyze/pg_query_go (PostgreSQL's own parser) needs cgo, which a
//     golangci-lint plugin and the project's builds do not allow.
//   - auxten/postgresql-parser, rqlite/sql, blastrain/vitess-sqlparser,
//     longbridgeapp/sqlparser and cockroachdb/cockroach are not served by
//     the proxy at all.
//   - ariga.io/atlas/sql/migrate (already a dependency) has a statement
//     scanner, but no DDL parser, and does not know Bun's --bun:split rules.
//
// No candidate covers the three dialects, the large ones would multiply
// the size and build time of a lint plugin, and two silently lose exactly
// the partial-index predicates schemalint checks. The statements migrations
// hold are few and regular, so a small parser for exactly them, with the
// standard library only, tested against every construct and fuzzed, is
// smaller, faster to build and more faithful than any of them.
package ddl
