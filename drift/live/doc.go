// Package live reads the schema of a live PostgreSQL, MySQL/MariaDB or
// SQLite database, read-only, into Atlas's schema types: the "live" side of
// schemalint drift.
//
// # Same result as Atlas, faster
//
// Inspect returns exactly what Atlas's InspectSchema returns (ariga.io/atlas
// v1.2.3), because it is Atlas's inspector that builds the result: Inspect
// runs it on a schema.ExecQuerier that sends every query to a read-only
// transaction, except the few queries that make Atlas slow on large
// schemas. Those are recognised by their exact text and answered with the
// same rows, in the same order, by faster SQL (PostgreSQL, MySQL) or from
// rows read for all tables at once (SQLite). All of Atlas's parsing of types,
// defaults, index parts, predicates and dialect attributes is reused as is;
// only where the rows come from changes. A query Atlas changes in a later
// version no longer matches and runs as Atlas wrote it: still correct, only
// slow, and the tests say which shortcut stopped firing.
//
// With 1,000 tables of 18 columns, 3,000 secondary indexes and 2,000
// foreign keys (package benchschema), Atlas takes 10 to 13 s on PostgreSQL
// 15, 12 to 22 s on SQLite through modernc and 1.1 to 1.6 s on MariaDB
// 10.11, depending on the machine's load; Inspect takes 0.25 to 0.45 s on
// each (docs/BENCHMARKS.md has the figures and how to reproduce them).
// Where Atlas's time went:
//
//   - PostgreSQL: the index query's planner estimate collapses to one row, so
//     it re-aggregates all of pg_constraint as JSON for each of the 6,000
//     index columns (8.4 s); the columns query goes through
//     information_schema.columns and one col_description call per column
//     (0.54 s). See postgres.go.
//   - SQLite: each table's index list joins pragma_index_list with
//     sqlite_master, and the plan runs the pragma once per sqlite_master
//     row, 5 million times in all (18.6 s). See sqlite.go.
//   - MariaDB: the foreign-key query reads REFERENTIAL_CONSTRAINTS of every
//     database once per join-buffer fill (1.3 s), the tables query reads
//     COLLATIONS and ENGINES the same way (0.1 s). See mysql.go.
//
// Options.Views adds what Atlas's open-source inspector leaves out: the
// schema's views, with their column names (schemalint drift needs to know
// that a view a model maps to exists). Without it, the result is Atlas's.
//
// One difference from Atlas is deliberate: Atlas attaches the constraints
// backed by a PostgreSQL index (postgres.Constraint attributes) in Go map
// order, which changes from run to run; Inspect sorts them by name.
//
// # Read-only
//
// Inspect begins a transaction with sql.TxOptions{ReadOnly: true}
// (PostgreSQL: BEGIN ... READ ONLY, REPEATABLE READ; MySQL: START
// TRANSACTION READ ONLY; SQLite: a deferred transaction, which only reads),
// and refuses any statement the inspector would execute. Besides reads,
// the only thing it does is turn PostgreSQL's JIT off for the transaction
// (set_config('jit', 'off', true)), which changes nothing outside it. It
// works for a role that may only connect and read the catalogue.
package live
