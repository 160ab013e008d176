package guards

import (
	"context"
	"errors"

	"github.com/uptrace/bun"
)

// pgError stands for a driver's error with a SQLSTATE code.
type pgError struct{ Code string }

func (e *pgError) Error() string { return "pg error " + e.Code }

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "CREATE TABLE orgs (id varchar(20) PRIMARY KEY)")
		var pe *pgError
		if errors.As(err, &pe) && pe.Code == "42P07" {
			err = nil // duplicate_table: created by an earlier release
		}
		return err
	}, nil)
}
