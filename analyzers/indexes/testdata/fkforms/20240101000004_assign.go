package fkforms

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		var err error
		_, err = db.NewCreateTable().Model((*Label)(nil)).Exec(ctx) // want `foreign key labels.org_id`
		if err != nil {
			return err
		}
		return nil
	}, nil)
}
