package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// SSOProvider is an organization's enterprise sign-in: an OIDC or SAML
// identity provider used for users of the organization's email domain.
type SSOProvider struct {
	bun.BaseModel `bun:"table:sso_providers,alias:ssop"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`

	Name                  string  `bun:"name,notnull,type:varchar(255)"`
	Protocol              string  `bun:"protocol,notnull,type:varchar(10),default:'oidc'"` // oidc or saml
	Domain                string  `bun:"domain,notnull,type:varchar(255)"`
	Issuer                *string `bun:"issuer,type:text"`
	ClientID              *string `bun:"client_id,type:varchar(255)"`
	ClientSecretEncrypted *string `bun:"client_secret_encrypted,type:text"`
	MetadataURL           *string `bun:"metadata_url,type:text"`
	SAMLMetadata          *string `bun:"saml_metadata,type:text"`
	Certificate           *string `bun:"certificate,type:text"`
	Enabled               bool    `bun:"enabled,notnull,default:true"`

	AttributeMapping map[string]any `bun:"attribute_mapping,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
}
