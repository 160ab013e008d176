package guards

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		if db.Dialect().Name() != dialect.PG {
			return nil
		}
		if _, err := db.ExecContext(ctx, `DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orgs_slug_key') THEN
		ALTER TABLE orgs ADD CONSTRAINT orgs_slug_key UNIQUE (slug);
	END IF;
END $$;
DO $do$ BEGIN
	ALTER TABLE orgs ADD COLUMN plan text;
EXCEPTION WHEN duplicate_column THEN NULL;
END $do$`); err != nil {
			return err
		}
		// A loop is not followed: the block stays unseen.
		_, err := db.ExecContext(ctx, `DO $$
DECLARE t text;
BEGIN
	FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (id)', 'idx_' || t || '_id', t);
	END LOOP;
END $$`)
		return err
	}, nil)
}
