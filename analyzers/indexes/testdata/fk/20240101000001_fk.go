package fk

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations are the fixture's.
var Migrations = migrate.NewMigrations()

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if err := run(ctx,
			db.NewCreateTable().Model((*Org)(nil)),
			db.NewCreateTable().Model((*Team)(nil)).ForeignKey("(org_id) REFERENCES orgs (id) ON DELETE CASCADE"),
			db.NewCreateIndex().Model((*Team)(nil)).Index("idx_teams_org_slug").Column("org_id", "slug"),
		); err != nil {
			return err
		}
		_, err := db.NewCreateTable().Model((*Member)(nil)).Exec(ctx) // want `foreign key members.user_id \(fk.Member.UserID\) is the first column of no index: joins on it and the checks of deletes in users scan the whole table; add index idx_members_user_id \(user_id\)` `foreign key members.team_id \(fk.Member.TeamID\) is the first column of no index: .* add index idx_members_team_id \(team_id\)`
		if err != nil {
			return err
		}
		if err := createInvites(ctx, db); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*Event)(nil)).ForeignKey("(org_id) REFERENCES orgs (id)").Exec(ctx); err != nil { // want `foreign key events.org_id \(fk.Event.OrgID\) is the first column of no index on PostgreSQL and SQLite`
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return nil
		}
		return run(ctx, db.NewCreateTable().Model((*User)(nil))) // want `foreign key users.org_id \(fk.User.OrgID\) is the first column of no index on PostgreSQL and SQLite`
	}, func(ctx context.Context, db *bun.DB) error {
		return run(ctx, db.NewDropTable().Model((*Org)(nil)))
	})
}

// createInvites creates a table in a helper: an edit here would change
// every caller, so there is no fix.
func createInvites(ctx context.Context, db bun.IDB) error {
	_, err := db.NewCreateTable().Model((*Invite)(nil)).Exec(ctx) // want `foreign key invites.org_id \(fk.Invite.OrgID\) is the first column of no index`
	return err
}

// run executes queries in order.
func run(ctx context.Context, queries ...interface {
	Exec(context.Context, ...any) (sql.Result, error)
}) error {
	for _, q := range queries {
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
