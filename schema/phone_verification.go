package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// PhoneVerification is a one-time code sent by SMS or voice to prove a phone
// number (hashed, attempt-limited). Expired codes are purged.
type PhoneVerification struct {
	bun.BaseModel `bun:"table:phone_verifications,alias:pv"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`

	Phone      string     `bun:"phone,notnull,type:varchar(32)"`
	CodeHash   string     `bun:"code_hash,notnull,type:varchar(128)"`
	Channel    string     `bun:"channel,notnull,type:varchar(10),default:'sms'"`
	Attempts   int        `bun:"attempts,notnull,default:0"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
	VerifiedAt *time.Time `bun:"verified_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
