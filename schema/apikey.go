package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// APIKey is a secret an organization's servers use to call the platform. The
// key is shown once; only its prefix (to find the row) and a hash (to check
// it) are stored. Keys are revoked, never deleted, so a prefix is never
// reused and the prefix index is unique over all rows.
type APIKey struct {
	bun.BaseModel `bun:"table:api_keys,alias:ak"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID  `bun:"organization_id,notnull,type:varchar(20)"`
	CreatedByID    *xid.ID `bun:"created_by_id,type:varchar(20)"`

	Name       string     `bun:"name,notnull,type:varchar(255)"`
	KeyPrefix  string     `bun:"key_prefix,notnull,type:varchar(16)"`
	KeyHash    string     `bun:"key_hash,notnull,type:varchar(128)"`
	Scopes     []string   `bun:"scopes,type:json"`
	RateLimit  int        `bun:"rate_limit,notnull,default:0"` // requests per minute, 0 = plan default
	ExpiresAt  *time.Time `bun:"expires_at"`
	LastUsedAt *time.Time `bun:"last_used_at"`
	LastUsedIP *string    `bun:"last_used_ip,type:varchar(45)"`
	RevokedAt  *time.Time `bun:"revoked_at"`

	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
	CreatedBy    *User         `bun:"rel:belongs-to,join:created_by_id=id"`
	Roles        []*Role       `bun:"m2m:api_key_roles,join:APIKey=Role"`
}
