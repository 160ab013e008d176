package required

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Account must be soft-deleted.
type Account struct { // want `table accounts is not soft-deleted`
	bun.BaseModel `bun:"table:accounts,alias:acc"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// AuditLog is listed under hard_delete.
type AuditLog struct {
	bun.BaseModel `bun:"table:audit_logs,alias:al"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}
