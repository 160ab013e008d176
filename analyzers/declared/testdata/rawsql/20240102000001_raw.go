// Package rawsql creates its schema with SQL strings: literals, constants,
// concatenations, a variadic helper and a package-level list.
package rawsql

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

const createOrgs = `CREATE TABLE orgs (
	id varchar(20) PRIMARY KEY,
	slug varchar(100) NOT NULL,
	deleted_at timestamp
)`

const usersTable = "users"

// indexes are run in a loop.
var indexes = []string{
	"CREATE INDEX idx_users_org ON " + usersTable + " (org_id)",
	"CREATE UNIQUE INDEX idx_orgs_slug ON orgs (slug) WHERE deleted_at IS NULL",
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.ExecContext(ctx, createOrgs); err != nil {
			return err
		}
		if _, err := db.Exec("CREATE TABLE " + usersTable + " (id varchar(20) PRIMARY KEY, org_id varchar(20) NOT NULL REFERENCES orgs (id) ON DELETE CASCADE, email varchar(255) UNIQUE, name text, manager_id varchar(20), deleted_at timestamp); CREATE INDEX idx_users_email ON users (email)"); err != nil {
			return err
		}
		rows, err := db.QueryContext(ctx, "CREATE INDEX idx_orgs_deleted ON orgs (deleted_at)")
		if err != nil {
			return err
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for _, s := range indexes {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return runSQL(ctx, db,
			"ALTER TABLE users ADD COLUMN nickname varchar(50), ADD CONSTRAINT fk_users_manager FOREIGN KEY (manager_id) REFERENCES users (id)",
			"ALTER TABLE users DROP COLUMN name",
			"INSERT INTO orgs (id, slug) VALUES ('root', 'root')",
		)
	}, func(ctx context.Context, db *bun.DB) error {
		return runSQL(ctx, db, "DROP INDEX idx_users_org", "DROP TABLE users, orgs")
	})
}

// runSQL runs statements in order.
func runSQL(ctx context.Context, db bun.IDB, statements ...string) error {
	for _, s := range statements {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
