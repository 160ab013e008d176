package fkforms

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		create := func(m any) error {
			_, err := db.NewCreateTable().Model(m).Exec(ctx) // want `foreign key pins.org_id .*: no fix is offered: the table is created in a function literal that may run any number of times; add db.NewCreateIndex\(\).Model\(\(\*Pin\)\(nil\)\).Index\("idx_pins_org_id"\).Column\("org_id"\).Exec\(ctx\) where it runs once, after the table is created$`
			return err
		}
		if err := create((*Pin)(nil)); err != nil {
			return err
		}
		if _, err := db.NewCreateTable().Model((*Badge)(nil)).Exec(ctx); err != nil { // want `foreign key badges.org_id .* on PostgreSQL and SQLite: .*: no fix is offered: the statement creating the table also runs on MySQL, which has an index leading the key; add db.NewCreateIndex.* where it runs once on PostgreSQL and SQLite only, after the table is created$`
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			if _, err := db.NewCreateIndex().Model((*Badge)(nil)).Index("idx_badges_org").Column("org_id").Exec(ctx); err != nil {
				return err
			}
		}
		_, err := db.NewCreateTable().Model((*Vote)(nil)).Exec(ctx) // want `foreign key votes.org_id .*: no fix is offered: the error err of the statement creating the table is not checked right after it`
		_, err2 := db.NewDropTable().Table("legacy_votes").IfExists().Exec(ctx)
		if err != nil {
			return err
		}
		if err2 != nil {
			return err2
		}
		defer db.NewCreateTable().Model((*Late)(nil)).Exec(ctx) // want `foreign key lates.org_id .*: no fix is offered: the table is created by a deferred or concurrent call`
		return nil
	}, nil)
}
