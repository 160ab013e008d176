package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// OAuthClient is an application registered to use the environment as its
// OAuth 2.0 / OIDC provider. Public clients (SPAs, mobile apps) have no
// secret and must use PKCE. OrganizationID is set for clients an
// organization registered for itself.
type OAuthClient struct {
	bun.BaseModel `bun:"table:oauth_clients,alias:oc"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID *xid.ID `bun:"organization_id,type:varchar(20)"`

	ClientID         string   `bun:"client_id,notnull,type:varchar(64)"`
	ClientSecretHash *string  `bun:"client_secret_hash,type:varchar(128)"`
	Name             string   `bun:"name,notnull,type:varchar(255)"`
	LogoURL          *string  `bun:"logo_url,type:text"`
	RedirectURIs     []string `bun:"redirect_uris,notnull,type:json"`
	GrantTypes       []string `bun:"grant_types,type:json"`
	Scopes           []string `bun:"scopes,type:json"`
	Public           bool     `bun:"public,notnull,default:false"`
	RequirePKCE      bool     `bun:"require_pkce,notnull,default:true"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
}
