package realworld

import (
	"context"

	"github.com/uptrace/bun"
)

// postsMigration registers its methods as the migration's functions.
type postsMigration struct{ table string }

func (m postsMigration) up(ctx context.Context, db *bun.DB) error {
	_, err := db.ExecContext(ctx, "CREATE TABLE posts (id varchar(20) PRIMARY KEY, author_id varchar(20) NOT NULL, title text NOT NULL)")
	return err
}

func (m *postsMigration) down(ctx context.Context, db *bun.DB) error {
	_, err := db.ExecContext(ctx, "DROP TABLE posts")
	return err
}

func init() {
	m := &postsMigration{table: "posts"}
	Migrations.MustRegister(m.up, m.down)
}
