package fkforms

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewCreateTable().Model((*Comment)(nil)).Exec(ctx) // want `foreign key comments.project_id`
		return err
	}, nil)
}
