package drift_test

import (
	"strings"
	"testing"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/dsn"
)

// TestGuarded: each statement of a generated migration is made to skip
// what exists, in place (header, comments, blank lines and --bun:split
// lines kept); statements that run twice alike are left as they are;
// what cannot skip itself is refused, naming it, as are the dialects
// without ADD COLUMN IF NOT EXISTS.
func TestGuarded(t *testing.T) {
	t.Parallel()
	const pgUp = "-- Written by schemalint migrate new (PostgreSQL), up.\n\n" +
		"-- DR003 column-missing: column users.bio is missing\n" +
		"ALTER TABLE \"users\" ADD COLUMN \"bio\" text NULL, ADD COLUMN \"age\" bigint NULL;\n\n--bun:split\n\n" +
		"-- backfill\nUPDATE \"users\" SET \"bio\" = '' WHERE \"bio\" IS NULL;\n\n--bun:split\n\n" +
		"ALTER TABLE \"users\" ALTER COLUMN \"bio\" SET NOT NULL;\n\n--bun:split\n\n" +
		"CREATE UNIQUE INDEX \"users_bio\" ON \"users\" (\"bio\");\n\n--bun:split\n\n" +
		"CREATE TABLE \"notes\" (\"id\" bigserial NOT NULL, PRIMARY KEY (\"id\"));\n\n--bun:split\n\n" +
		"ALTER TABLE \"users\" DROP COLUMN \"legacy\";\n"
	got, err := drift.Guarded(dsn.Postgres, false, false, drift.MigrationFile{Body: pgUp, Tx: true, Runs: true})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		`ADD COLUMN "bio"`, `ADD COLUMN IF NOT EXISTS "bio"`, `ADD COLUMN "age"`, `ADD COLUMN IF NOT EXISTS "age"`,
		`CREATE UNIQUE INDEX "users_bio"`, `CREATE UNIQUE INDEX IF NOT EXISTS "users_bio"`,
		`CREATE TABLE "notes"`, `CREATE TABLE IF NOT EXISTS "notes"`, `DROP COLUMN "legacy"`, `DROP COLUMN IF EXISTS "legacy"`,
	).Replace(pgUp)
	if got.Body != want || !got.Tx || !got.Runs {
		t.Errorf("PostgreSQL:\n%s\nwant\n%s", got.Body, want)
	}
	if again, err := drift.Guarded(dsn.Postgres, false, false, got); err != nil || again.Body != got.Body {
		t.Errorf("guarding a guarded file changed it (%v):\n%s", err, again.Body)
	}

	const mariaUp = "ALTER TABLE `users` ADD COLUMN `bio` varchar(255) NULL;\n\n--bun:split\n\n" +
		"ALTER TABLE `users` MODIFY COLUMN `bio` varchar(255) NOT NULL;\n\n--bun:split\n\n" +
		"ALTER TABLE `users` ADD INDEX `idx_bio` (`bio`);\n"
	got, err = drift.Guarded(dsn.MySQL, true, false, drift.MigrationFile{Body: mariaUp})
	if err != nil {
		t.Fatal(err)
	}
	want = strings.NewReplacer("ADD COLUMN `bio`", "ADD COLUMN IF NOT EXISTS `bio`", "ADD INDEX `idx_bio`", "ADD INDEX IF NOT EXISTS `idx_bio`").Replace(mariaUp)
	if got.Body != want {
		t.Errorf("MariaDB:\n%s\nwant\n%s", got.Body, want)
	}

	// SQLite's Go form: the rebuild and its framing run twice alike, the
	// ADD COLUMN is left to the Go migration's pragma_table_info check.
	const liteUp = "-- Written by schemalint migrate new (SQLite), up.\n-- Tables are rebuilt.\n\nPRAGMA foreign_keys = off;\n\n--bun:split\n\nBEGIN;\n\n--bun:split\n\n" +
		"-- DR003\nALTER TABLE `users` ADD COLUMN `bio` varchar NULL;\n\n--bun:split\n\n" +
		"UPDATE \"users\" SET \"bio\" = '' WHERE \"bio\" IS NULL;\n\n--bun:split\n\n" +
		"CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `bio` varchar NOT NULL);\n\n--bun:split\n\n" +
		"INSERT INTO `new_users` (`id`, `bio`) SELECT `id`, `bio` FROM `users`;\n\n--bun:split\n\n" +
		"DROP TABLE `users`;\n\n--bun:split\n\nALTER TABLE `new_users` RENAME TO `users`;\n\n--bun:split\n\n" +
		"CREATE UNIQUE INDEX `users_bio` ON `users` (`bio`);\n\n--bun:split\n\nCOMMIT;\n\n--bun:split\n\nPRAGMA foreign_keys = on;\n"
	got, err = drift.Guarded(dsn.SQLite, false, true, drift.MigrationFile{Body: liteUp})
	if err != nil {
		t.Fatal(err)
	}
	want = strings.NewReplacer("CREATE TABLE `new_users`", "CREATE TABLE IF NOT EXISTS `new_users`", "CREATE UNIQUE INDEX `users_bio`", "CREATE UNIQUE INDEX IF NOT EXISTS `users_bio`").Replace(liteUp)
	if got.Body != want {
		t.Errorf("SQLite, Go form:\n%s\nwant\n%s", got.Body, want)
	}
	if table, column, ok := drift.SQLiteAddedColumn("-- DR003\nALTER TABLE `users` ADD COLUMN `bio` varchar NULL;"); !ok || table != "users" || column != "bio" {
		t.Errorf("SQLiteAddedColumn = %q, %q, %v", table, column, ok)
	}

	for _, tc := range []struct {
		dialect string
		mariaDB bool
		body    string
		err     string
	}{
		{dsn.MySQL, false, mariaUp, "MySQL has no ADD COLUMN IF NOT EXISTS"},
		{dsn.SQLite, false, "ALTER TABLE `users` ADD COLUMN `bio` text NULL;\n", "SQLite has no ADD COLUMN IF NOT EXISTS"},
		{dsn.Postgres, false, "ALTER TABLE \"notes\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\");\n", "ADD CONSTRAINT cannot skip what exists"},
		{dsn.Postgres, false, "COMMENT ON TABLE \"users\" IS 'x';\n", "cannot be made to skip what exists: COMMENT ON TABLE"},
	} {
		if _, err := drift.Guarded(tc.dialect, tc.mariaDB, false, drift.MigrationFile{Body: tc.body}); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s %q: error %v, want %q", tc.dialect, tc.body, err, tc.err)
		}
	}
}
