package fkforms

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if _, err := db.NewCreateTable().Model((*Tag)(nil)).Exec(ctx); err != nil { // want `foreign key tags.org_id`
			return err
		}
		return nil
	}, nil)
}
