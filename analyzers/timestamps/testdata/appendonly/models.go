package appendonly

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AuditEvent is append-only: created_at is enough.
type AuditEvent struct {
	bun.BaseModel `bun:"table:audit_events,alias:ae"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
}

// Account is not append-only.
type Account struct { // want `Account has no UpdatedAt`
	bun.BaseModel `bun:"table:accounts,alias:a"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
}
