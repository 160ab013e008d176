// Package indexes holds the index rules, which check what a package's
// migrations declare (tables, indexes, foreign keys; see package declared)
// against its models: SL200 (fk-index), SL201 (soft-delete-unique), SL202
// (redundant-index), SL203 (index-target), SL204 (unmigrated-model) and
// SL205 (migration-down). They report in the package that holds the
// migrations, where the fix goes, naming the model field in the message
// and pointing at it in the related information. A project without
// migrations declares its indexes with //schemalint:index directives in
// the models' doc comments; SL200 to SL203 then check the models' own
// package. Every check runs per configured dialect; a finding that holds
// on some dialects only says which.
//
// # SL200 fk-index
//
// What: every foreign-key column is the first column of some index of its
// table: an index a migration creates, a unique constraint or group, an
// index directive, or the primary key. A composite key needs an index
// whose first columns are its columns, in any order. Foreign keys are the
// FOREIGN KEY constraints the migrations declare (ForeignKey(...),
// WithForeignKeys, REFERENCES, ADD CONSTRAINT) and the model's own: the
// join columns of its belongs-to relations, the columns other models'
// has-one and has-many relations join on, and <model>_id columns named
// after a known model.
//
// Why: a foreign key without an index is the most common schema
// performance bug. Every join through it, and every delete or key update
// in the referenced table (which must find the referencing rows for ON
// DELETE CASCADE, SET NULL or the check of RESTRICT), scans the whole
// table. Nothing complains until the table is large.
//
// Bad:
//
//	db.NewCreateTable().Model((*schema.Session)(nil)).
//		ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE")
//	// ... and no index on sessions (user_id, ...)
//
// Good:
//
//	db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_user_id").Column("user_id")
//
// The fix adds that statement to the up migration where it runs once,
// after the table exists, on the dialects that lack the index, with the
// ctx and db (or tx) of the function it goes in:
//
//	if _, err := db.NewCreateIndex().Model((*schema.Session)(nil)).Index("idx_sessions_user_id").Column("user_id").Exec(ctx); err != nil {
//		return err
//	}
//
// It goes after the statement creating the table and the error check that
// follows it; after the loop when the tables are created in a loop; inside
// the RunInTx callback that creates the table; in each dialect branch
// (switch db.Dialect().Name(), if ... == dialect.PG) that creates the table
// on a dialect lacking the index. A "return err" right after the statement
// becomes "if err != nil { return err }", the new statement and "return
// nil"; a "return run(ctx, ...)" that creates the table, likewise. When no
// place runs the statement exactly once after the table exists while
// keeping every error check (a table created in a helper function, by SQL,
// in a function literal called more than once, by a deferred call, by a
// statement whose error is checked only later, or by a statement that also
// runs on a dialect that has an index leading the key already) the finding
// offers no fix and its message says why and which statement to add.
//
// For models with index directives the fix adds a directive.
//
// MySQL (InnoDB) creates an index by itself for a FOREIGN KEY constraint
// that no index leads, so a declared constraint is covered there; such a
// finding names the other dialects.
//
// Options:
//
//	partial_indexes: false  # also count a partial index (WHERE ...) as leading the key.
//	                        # Off by default: the foreign key's own checks (a parent's
//	                        # ON DELETE) cannot use one on PostgreSQL or SQLite; only
//	                        # queries filtering the same way can.
//	mysql_implicit: true    # count InnoDB's own index for a FOREIGN KEY constraint
//
// # SL201 soft-delete-unique
//
// What: a unique index (or unique constraint) of a soft-deleted table
// leaves deleted rows out. On PostgreSQL and SQLite it is partial, WHERE
// deleted_at IS NULL (one conjunct of its predicate is enough). MySQL and
// MariaDB have no partial indexes; the equivalent is a generated column,
// added by the migrations, that is 1 for a live row and NULL for a deleted
// one, as the last column of the unique index:
//
//	ALTER TABLE users ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL
//	CREATE UNIQUE INDEX idx_users_email_unique ON users (environment_id, email, not_deleted)
//
// Live rows collide as usual; deleted rows hold NULL, and NULLs never
// collide. (CASE WHEN deleted_at IS NULL THEN 1 END is accepted too.)
//
// Why: Bun's soft delete keeps the row. A plain unique index still counts
// it, so a deleted user's email, a deleted organization's slug can never
// be used again: the insert fails with a duplicate key that no query can
// see. An index that includes deleted_at itself is worse: live rows all
// have NULL there, so it enforces nothing among them.
//
// Bad:
//
//	db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_email").Unique().Column("email")
//	Email string `bun:"email,notnull,unique"` // on a model with soft_delete
//
// Good:
//
//	db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_email").Unique().Column("email").
//		Where("deleted_at IS NULL") // and the MySQL form above
//
// Options:
//
//	tags: true   # also check the unique constraints of unique tags and groups
//
// # SL202 redundant-index
//
// What: no index is redundant: an index is redundant when another index
// of its table (or the primary key) starts with the same columns, has the
// same predicate, method and type, and is longer, or unique, or the same
// and declared earlier. On MySQL an index ending with the soft-delete
// marker column (see SL201) counts as an index without that column whose
// predicate is deleted_at IS NULL, so (a, b) and the unique
// (a, b, not_deleted) are both needed, as (a, b) and (a, b) WHERE
// deleted_at IS NULL are on PostgreSQL. A unique index is never redundant:
// it enforces something a longer index does not.
//
// Why: the database serves every lookup of (a) from (a, b); the index on
// (a) only costs space and a write on every insert and update.
//
// Bad:
//
//	Index("idx_sessions_user").Column("user_id")
//	Index("idx_sessions_user_created").Column("user_id", "created_at")
//
// Good: keep the longer one only.
//
// # SL203 index-target
//
// What: the statements of the up migrations, replayed in order on an empty
// database, name tables and columns that exist at that point (the model's
// columns, and those the migrations add); foreign keys reference tables
// that exist; no table or index is created twice; MySQL's DROP INDEX
// names its table; down migrations name only tables some model has or
// some migration creates (not claimed for DROP ... IF EXISTS, in a package
// that sees no models, or where parts of the migrations are not seen); //schemalint:index directives parse, stand in a
// model's doc comment and name columns of the model.
//
// It also reports what the extraction could not read (see package
// declared): SQL that is not a constant, a function of another package
// given the database handle, a statement the SQL reader does not model. Their
// targets go unchecked and drift cannot see what they create: write them
// as constants or builders in the migration, or suppress the finding with
// //schemalint:ignore SL203 and the reason. These notes say what was not
// checked, not what is wrong: by default they are one summary per package
// at info severity (the count and the first places); notes_each: true
// reports each at the rule's severity. Where such a place may hide
// statements, no rule claims that a table or index is missing on its
// account (SL204 and SL205 stay silent there).
//
// Why: such a migration fails when it runs (a missing column), or, worse,
// runs and leaves a schema no one intended.
//
// Bad:
//
//	db.NewCreateIndex().Model((*schema.User)(nil)).Index("idx_users_mail").Column("mail") // no column mail
//
// Options:
//
//	notes: true        # report what the extraction could not read
//	notes_each: false  # one finding per place instead of one summary
//
// # SL204 unmigrated-model
//
// What: every model of the package and of the packages it imports
// directly has its table created by the migrations, on every configured
// dialect; every table the migrations create is described by a model the
// package can see. Bun's own models (migrate.Migration) are left out.
// Where parts of the migrations are not seen (SL203's notes), a model's
// table is not called missing: one info finding says how many tables are
// unknown and why. A migrations package that imports no models at all
// (SQL files only) cannot tell which tables a model elsewhere describes:
// one info finding says so instead of a finding per table.
//
// Why: a model without a table fails on its first query, in production;
// a table without a model is one Bun cannot query and drift cannot check.
//
// Options:
//
//	ignore: []                   # tables to leave alone (globs): views, tables of other systems
//	tables_without_model: true   # report tables no model describes
//
// # SL205 migration-down
//
// What: each down migration drops every table its up migration creates
// and every index it creates on a table the down migration does not drop
// (dropping a table drops its indexes), per dialect. A table left behind
// is reported once, not again for each of its indexes; a migration with
// code or SQL the extraction does not see (SL203) is not judged.
//
// Why: a migration that cannot be rolled back cleanly fails when it is
// migrated up again after a rollback (CREATE TABLE of a table that is
// still there), and a rollback that leaves indexes behind breaks the next
// attempt the same way.
//
// Bad:
//
//	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
//		return run(ctx, db.NewCreateTable().Model((*schema.Team)(nil)))
//	}, nil)
//
// Options:
//
//	require_down: true   # report migrations that create something and have no down at all
package indexes
