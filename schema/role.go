package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Role is a named set of permissions defined by an organization.
type Role struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(100)"`
	Description *string `bun:"description,type:text"`
	IsSystem    bool    `bun:"is_system,notnull,default:false"` // created by the platform, not editable

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
	Permissions  []*Permission `bun:"m2m:role_permissions,join:Role=Permission"`
}
