package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// SocialAccount links a user to an identity at an OAuth provider (Google,
// GitHub, ...). Provider tokens are stored encrypted by the service layer.
type SocialAccount struct {
	bun.BaseModel `bun:"table:social_accounts,alias:sa"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	Provider              string     `bun:"provider,notnull,type:varchar(50)"`
	ProviderAccountID     string     `bun:"provider_account_id,notnull,type:varchar(255)"`
	Email                 *string    `bun:"email,type:varchar(255)"`
	AccessTokenEncrypted  *string    `bun:"access_token_encrypted,type:text"`
	RefreshTokenEncrypted *string    `bun:"refresh_token_encrypted,type:text"`
	TokenExpiresAt        *time.Time `bun:"token_expires_at"`
	Scopes                []string   `bun:"scopes,type:json"`

	Profile map[string]any `bun:"profile,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
