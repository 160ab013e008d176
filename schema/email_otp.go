package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// EmailOTP is a one-time code sent by email (hashed), with an attempt
// counter against guessing. Expired codes are purged.
type EmailOTP struct {
	bun.BaseModel `bun:"table:email_otps,alias:eo"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`

	Email      string     `bun:"email,notnull,type:varchar(255)"`
	CodeHash   string     `bun:"code_hash,notnull,type:varchar(128)"`
	Purpose    string     `bun:"purpose,notnull,type:varchar(20),default:'sign_in'"`
	Attempts   int        `bun:"attempts,notnull,default:0"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
	VerifiedAt *time.Time `bun:"verified_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
