package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// OAuthToken is an access token (and optional refresh token) issued to an
// OAuth client, stored as hashes. UserID is nil for client-credentials
// tokens. Expired tokens are purged.
type OAuthToken struct {
	bun.BaseModel `bun:"table:oauth_tokens,alias:ot"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OAuthClientID xid.ID  `bun:"oauth_client_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`

	AccessTokenHash  string     `bun:"access_token_hash,notnull,unique,type:varchar(128)"`
	RefreshTokenHash *string    `bun:"refresh_token_hash,unique,type:varchar(128)"`
	Scopes           []string   `bun:"scopes,type:json"`
	ExpiresAt        time.Time  `bun:"expires_at,notnull"`
	RefreshExpiresAt *time.Time `bun:"refresh_expires_at"`
	RevokedAt        *time.Time `bun:"revoked_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	OAuthClient *OAuthClient `bun:"rel:belongs-to,join:oauth_client_id=id"`
	User        *User        `bun:"rel:belongs-to,join:user_id=id"`
}
