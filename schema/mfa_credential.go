package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// MFACredential is one second factor of a user: a TOTP secret, an SMS
// number, or a WebAuthn credential (then PasskeyID points at it).
type MFACredential struct {
	bun.BaseModel `bun:"table:mfa_credentials,alias:mfac"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID  `bun:"user_id,notnull,type:varchar(20)"`
	PasskeyID     *xid.ID `bun:"passkey_id,type:varchar(20)"`

	Type            string     `bun:"type,notnull,type:varchar(20)"` // totp, sms, webauthn
	Name            string     `bun:"name,notnull,type:varchar(255),default:''"`
	SecretEncrypted *string    `bun:"secret_encrypted,type:text"`
	Phone           *string    `bun:"phone,type:varchar(32)"`
	Verified        bool       `bun:"verified,notnull,default:false"`
	VerifiedAt      *time.Time `bun:"verified_at"`
	LastUsedAt      *time.Time `bun:"last_used_at"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	User    *User    `bun:"rel:belongs-to,join:user_id=id"`
	Passkey *Passkey `bun:"rel:belongs-to,join:passkey_id=id"`
}
