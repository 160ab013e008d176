package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Passkey is a WebAuthn credential registered by a user.
type Passkey struct {
	bun.BaseModel `bun:"table:passkeys,alias:pk"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	CredentialID    string     `bun:"credential_id,notnull,type:varchar(255)"` // base64url
	PublicKey       string     `bun:"public_key,notnull,type:text"`            // COSE key, base64url
	SignCount       int64      `bun:"sign_count,notnull,default:0"`
	AAGUID          *string    `bun:"aaguid,type:varchar(36)"`
	Transports      []string   `bun:"transports,type:json"`
	AttestationType string     `bun:"attestation_type,notnull,type:varchar(32),default:'none'"`
	BackupEligible  bool       `bun:"backup_eligible,notnull,default:false"`
	BackupState     bool       `bun:"backup_state,notnull,default:false"`
	Name            string     `bun:"name,notnull,type:varchar(255),default:''"`
	LastUsedAt      *time.Time `bun:"last_used_at"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
