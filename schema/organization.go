package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Organization is a tenant: a customer company using one environment of an
// app. Organization-scoped rows elsewhere carry its id.
type Organization struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	CreatedByID   *xid.ID `bun:"created_by_id,type:varchar(20)"`

	Name       string  `bun:"name,notnull,type:varchar(255)"`
	Slug       string  `bun:"slug,notnull,type:varchar(100)"`
	Logo       *string `bun:"logo,type:text"`
	Domain     *string `bun:"domain,type:varchar(255)"`
	Plan       string  `bun:"plan,notnull,type:varchar(20),default:'free'"`
	Status     string  `bun:"status,notnull,type:varchar(20),default:'active'"`
	MaxMembers *int    `bun:"max_members"`

	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	CreatedBy *User     `bun:"rel:belongs-to,join:created_by_id=id"`
	Members   []*Member `bun:"rel:has-many,join:id=organization_id"`
	Teams     []*Team   `bun:"rel:has-many,join:id=organization_id"`
}
