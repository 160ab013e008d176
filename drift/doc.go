// Package drift compares the schema Bun derives from a set of models (plus
// the indexes and foreign keys their migrations declare) with a live
// PostgreSQL, MySQL/MariaDB or SQLite database, read-only, and reports
// every difference as a typed Finding with a stable ID, a severity, the
// Go model and field it concerns, and the SQL that would repair it.
//
// # Pipeline
//
// Each step is separate and testable:
//
//  1. Desired: Bun's own reflection of the models for the database's
//     dialect (package bunview; the command gets it from a program it
//     generates inside the user's module, package load), completed by
//     what package declared reads statically from the migrations
//     (FromDeclared): secondary indexes, foreign keys, columns no model
//     field maps to (MySQL's not_deleted), tables no model maps to; and
//     the indexes the models' //schemalint:index directives declare
//     (FromDeclaredWith).
//  2. Live: package live's read-only inspection, which returns exactly
//     Atlas's schema.Schema, 4 to 40 times faster (docs/BENCHMARKS.md).
//  3. Normalize: both sides are copied into fresh Atlas schemas that
//     keep only what drift compares, and where the two sides mean the
//     same thing in different spellings, the desired copy takes the
//     database's spelling (see below). Atlas's differ mutates what it
//     compares; it only ever sees these copies.
//  4. Diff: Atlas's differ (the dialect's DefaultDiff), the database as
//     from, the models as to.
//  5. Classify: each change becomes one or more findings (a column whose
//     type and nullability both differ is two findings), with the
//     severity of the case (Kinds), the Go position, and the repair SQL
//     of Atlas's planner (DefaultPlan) for the dialect, planned on a copy
//     of the database's table with only that change applied, so that a
//     SQLite table rebuild keeps everything else as it is. The SQL is
//     printed, never executed. Atlas does not escape names, so risky
//     names go to the planner as placeholders and come back escaped
//     (safeplan.go); a name with control characters gets no SQL.
//
// Compare runs all of it for models given as Go values (a test's
// (*User)(nil)); Check starts from Bun's view of the models; Diff from an
// inspected schema.
//
// # False drift that is not reported
//
// Spellings of one type: Atlas's parsers are given lower-cased Bun types
// (TIMESTAMPTZ is unknown to them), then types compare in canonical form:
// int/integer/int4, varchar/character varying, timestamptz/timestamp with
// time zone, decimal/numeric, bigserial/bigint with a sequence; MySQL's
// int(11) display widths, BOOLEAN as tinyint(1), REAL and DOUBLE PRECISION
// as double, MariaDB's JSON as longtext with a json_valid CHECK (Atlas
// folds it back); SQLite by affinity (varchar(20), TEXT and CLOB are one;
// so are INT and BIGINT), keeping apart the names its driver reads values
// by (BOOLEAN, DATE, DATETIME, TIMESTAMP, JSON, DECIMAL).
//
// Spellings of one default: CURRENT_TIMESTAMP, current_timestamp(),
// now(), (current_timestamp()) as MariaDB reports it; casts
// ('active'::character varying); FALSE/false/0 and TRUE/true/1 on boolean
// columns; 0 and 0.00; quoted and unquoted numbers on numeric columns;
// DEFAULT NULL as no default.
//
// Spellings of one predicate or index expression: PostgreSQL's rewriting
// ((status)::text = 'active'::text), Bun's parentheses around Where().
//
// Names the database makes up: unnamed unique constraints
// (<table>_<column>_key on PostgreSQL, the column's name on MySQL,
// sqlite_autoindex_<table>_N on SQLite) and unnamed or numbered foreign
// keys (<table>_ibfk_N, SQLite's 0, 1, ...) pair with the declaration by
// definition; a unique constraint and a unique index on the same columns
// are the same thing; a migration's UNIQUE on the columns of a unique tag
// is that tag's constraint. MySQL's indexes created for a foreign key
// that had none are not reported. Atlas's SQLite differ renames
// autoindexes on one side only and then reports identical UNIQUE
// constraints as changed (Atlas issue #1597): the copies avoid the names
// it renames.
//
// Referential actions: "" and NO ACTION are one everywhere; MySQL's
// RESTRICT is its NO ACTION (MariaDB reports the default ON UPDATE as
// RESTRICT). SQLite's INTEGER PRIMARY KEY, reported nullable, never holds
// NULL.
//
// Tables: Bun's bookkeeping (bun_migrations, bun_migration_locks) and the
// database's own (sqlite_sequence, sqlite_stat*) are never compared; a
// table the migrations create without a model is known and not compared
// further; views are ignored unless a model maps to one (then its columns
// must be there); other unknown tables are info findings, and
// Options.Exclude leaves out any table on both sides.
//
// # What is not compared
//
// CHECK constraints, comments, collations and character sets, table
// options (engine, partitioning), index storage parameters, sequences,
// triggers, functions, and PostgreSQL enum types' values: Bun's models
// say nothing about them.
package drift
