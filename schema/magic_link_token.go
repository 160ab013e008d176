package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// MagicLinkToken is a single-use sign-in link sent by email (hashed). UserID
// is nil when the link signs up a new user. Expired tokens are purged.
type MagicLinkToken struct {
	bun.BaseModel `bun:"table:magic_link_tokens,alias:mlt"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        *xid.ID `bun:"user_id,type:varchar(20)"`

	Email       string     `bun:"email,notnull,type:varchar(255)"`
	TokenHash   string     `bun:"token_hash,notnull,unique,type:varchar(128)"`
	RedirectURL *string    `bun:"redirect_url,type:text"`
	IPAddress   *string    `bun:"ip_address,type:varchar(45)"`
	ExpiresAt   time.Time  `bun:"expires_at,notnull"`
	UsedAt      *time.Time `bun:"used_at"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
