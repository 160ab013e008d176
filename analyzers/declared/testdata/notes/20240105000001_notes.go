// Package notes does everything the extraction cannot follow.
package notes

import (
	"context"
	"fmt"
	"os"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"example.com/helpers"

	"fixtures/models"
	"fixtures/sqlschema"
)

// Migrations are the fixture's migrations.
var Migrations = migrate.NewMigrations()

// run is called through a variable.
var run = func(ctx context.Context, db *bun.DB) error { return nil }

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		models.RegisterAll(db)
		if err := helpers.CreateExtras(ctx, db); err != nil {
			return err
		}
		table := os.Getenv("USERS_TABLE")
		if _, err := db.ExecContext(ctx, fmt.Sprintf("CREATE INDEX idx_dyn ON %s (name)", table)); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, "CREATE INDEX ? ON users (name)", bun.Ident("idx_args")); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*models.Audit)(nil)).Exec(ctx); err != nil {
			return err
		}
		_ = db.NewCreateIndex().Model((*models.Audit)(nil)).Index("idx_never_run").Column("action")
		if _, err := db.ExecContext(ctx, "CREATE VIEW v AS SELECT 1; CREATE INDEX broken ON"); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model(pick("users")).Exec(ctx); err != nil {
			return err
		}
		if _, err := db.NewCreateIndex().Model((*models.Audit)(nil)).Index("idx_mysql_conc").Column("action").Concurrently().Exec(ctx); err != nil {
			return err
		}
		if err := again(ctx, db, 3); err != nil {
			return err
		}
		if err := sqlschema.AddColumn(ctx, db, "audits", os.Getenv("AUDIT_COLUMN"), "text"); err != nil {
			return err
		}
		self := func(ctx context.Context, db *bun.DB) error { return nil }
		if err := self(ctx, db); err != nil {
			return err
		}
		if flag(ctx) {
			if _, err := db.ExecContext(ctx, "CREATE INDEX idx_flagged ON audits (action)"); err != nil {
				return err
			}
		}
		return run(ctx, db)
	}, down)
}

// registry maps tables to models at run time.
var registry = map[string]any{"users": (*models.User)(nil)}

func pick(table string) any { return registry[table] }

// again calls itself: the extraction does not follow recursion.
func again(ctx context.Context, db *bun.DB, n int) error {
	if n == 0 {
		_, err := db.ExecContext(ctx, "CREATE INDEX idx_again ON audits (action)")
		return err
	}
	return again(ctx, db, n-1)
}

func flag(ctx context.Context) bool { return ctx.Value("x") != nil }

var down migrate.MigrationFunc = func(ctx context.Context, db *bun.DB) error { return nil }
