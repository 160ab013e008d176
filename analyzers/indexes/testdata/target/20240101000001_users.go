package target

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*User)(nil)).ForeignKey("(org_id) REFERENCES orgs (id)").Exec(ctx); err != nil { // want `foreign key \(org_id\) references table orgs, which does not exist at this point`
			return err
		}
		if _, err := db.NewCreateIndex().Model((*User)(nil)).Index("idx_users_mail").Column("mail").Exec(ctx); err != nil { // want `index idx_users_mail \(mail\) names column mail, which table users does not have`
			return err
		}
		if _, err := db.ExecContext(ctx, "CREATE INDEX idx_teams_name ON teams (name)"); err != nil { // want `index idx_teams_name \(name\) on table teams, which does not exist at this point`
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			// not_deleted exists on MySQL only, where it is added first.
			_, err := db.ExecContext(ctx, "ALTER TABLE users ADD COLUMN not_deleted TINYINT AS (IF(email = '', NULL, 1)) VIRTUAL; CREATE INDEX idx_users_live ON users (email, not_deleted)")
			if err != nil {
				return err
			}
		}
		if _, err := db.NewCreateTable().Model((*User)(nil)).Exec(ctx); err != nil { // want `CREATE TABLE users: the table is created twice`
			return err
		}
		table := tableName(ctx)
		_, err := db.ExecContext(ctx, fmt.Sprintf("CREATE INDEX idx_dyn ON %s (email)", table)) // want `not checked: the SQL is not a constant string`
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		// IF EXISTS cannot fail, and the up migration is not fully seen:
		// nothing is claimed about user_archive (see ../downnames).
		_, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS user_archive")
		return err
	})
}

// tableName is known only at run time.
func tableName(ctx context.Context) string { s, _ := ctx.Value("table").(string); return s }
