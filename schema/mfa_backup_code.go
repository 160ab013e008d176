package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// MFABackupCode is one single-use recovery code (hashed). Regenerating the
// codes deletes the old set.
type MFABackupCode struct {
	bun.BaseModel `bun:"table:mfa_backup_codes,alias:mbc"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	CodeHash string     `bun:"code_hash,notnull,type:varchar(128)"`
	UsedAt   *time.Time `bun:"used_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
