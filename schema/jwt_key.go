package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// JWTKey is a signing key of an environment. Keys rotate: a retired key
// stays published until the last token it signed expires, then is purged.
type JWTKey struct {
	bun.BaseModel `bun:"table:jwt_keys,alias:jk"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`

	KeyID               string     `bun:"key_id,notnull,type:varchar(64)"` // the JWT "kid"
	Algorithm           string     `bun:"algorithm,notnull,type:varchar(16),default:'RS256'"`
	PublicKey           string     `bun:"public_key,notnull,type:text"`
	PrivateKeyEncrypted string     `bun:"private_key_encrypted,notnull,type:text"`
	Status              string     `bun:"status,notnull,type:varchar(20),default:'active'"`
	ActivatedAt         *time.Time `bun:"activated_at"`
	RetiredAt           *time.Time `bun:"retired_at"`
	ExpiresAt           *time.Time `bun:"expires_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}
