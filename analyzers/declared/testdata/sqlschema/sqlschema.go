// Package sqlschema holds schema helpers a migrations package of the same
// module calls with its database handle.
package sqlschema

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// AddColumn adds a column.
func AddColumn(ctx context.Context, db bun.IDB, table, column, typ string) error {
	_, err := db.ExecContext(ctx, "ALTER TABLE "+table+" ADD COLUMN "+column+" "+typ)
	return err
}

// DropColumn drops a column.
func DropColumn(ctx context.Context, db bun.IDB, table, column string) error {
	return exec(ctx, db, fmt.Sprintf("ALTER TABLE %s DROP COLUMN %s", table, column))
}

func exec(ctx context.Context, db bun.IDB, q string) error {
	_, err := db.ExecContext(ctx, q)
	return err
}

// Indexer creates indexes named after their table and column.
type Indexer struct{ db bun.IDB }

// Index returns an Indexer on db.
func Index(db bun.IDB) *Indexer { return &Indexer{db: db} }

// Create creates idx_<table>_<column>.
func (ix *Indexer) Create(ctx context.Context, table, column string) error {
	_, err := ix.db.NewCreateIndex().Table(table).Index("idx_" + table + "_" + column).Column(column).Exec(ctx)
	return err
}

// InTx runs fn in a transaction.
func InTx(ctx context.Context, db *bun.DB, fn func(ctx context.Context, tx bun.Tx) error) error {
	return db.RunInTx(ctx, nil, fn)
}

// CreateAuditLog is a migration function shared between applications.
var CreateAuditLog = func(ctx context.Context, db *bun.DB) error {
	_, err := db.ExecContext(ctx, "CREATE TABLE audit_log (id bigint PRIMARY KEY, org_id varchar(20), action text)")
	return err
}

// DropAuditLog undoes CreateAuditLog.
func DropAuditLog(ctx context.Context, db *bun.DB) error {
	return exec(ctx, db, "DROP TABLE audit_log")
}

// AuditLogIndexes are created by the migrations that want them.
var AuditLogIndexes = []string{
	"CREATE INDEX idx_audit_log_org ON audit_log (org_id)",
}
