package realworld

import (
	"context"

	"github.com/uptrace/bun"

	"fixtures/models"
)

// A package variable holding a function literal, and one holding a
// function.
var (
	upUsers   = func(ctx context.Context, db *bun.DB) error { return createUsers(ctx, db) }
	downUsers = dropUsers
)

func createUsers(ctx context.Context, db *bun.DB) error {
	_, err := db.NewCreateTable().Model((*models.User)(nil)).Exec(ctx)
	return err
}

func dropUsers(ctx context.Context, db *bun.DB) error {
	_, err := db.NewDropTable().Model((*models.User)(nil)).Exec(ctx)
	return err
}

func init() { Migrations.MustRegister(upUsers, downUsers) }
