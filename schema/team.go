package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Team groups members inside an organization (engineering, support, ...).
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(255)"`
	Slug        string  `bun:"slug,notnull,type:varchar(100)"`
	Description *string `bun:"description,type:text"`

	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
}
