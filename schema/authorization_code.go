package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AuthorizationCode is a short-lived OAuth authorization code (hashed), with
// the PKCE challenge it must be redeemed with. Used and expired codes are
// purged.
type AuthorizationCode struct {
	bun.BaseModel `bun:"table:authorization_codes,alias:ac"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OAuthClientID xid.ID `bun:"oauth_client_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	CodeHash            string     `bun:"code_hash,notnull,unique,type:varchar(128)"`
	RedirectURI         string     `bun:"redirect_uri,notnull,type:text"`
	Scopes              []string   `bun:"scopes,type:json"`
	CodeChallenge       *string    `bun:"code_challenge,type:varchar(128)"`
	CodeChallengeMethod *string    `bun:"code_challenge_method,type:varchar(10)"`
	Nonce               *string    `bun:"nonce,type:varchar(255)"`
	ExpiresAt           time.Time  `bun:"expires_at,notnull"`
	UsedAt              *time.Time `bun:"used_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	OAuthClient *OAuthClient `bun:"rel:belongs-to,join:oauth_client_id=id"`
	User        *User        `bun:"rel:belongs-to,join:user_id=id"`
}
