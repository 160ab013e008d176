package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Policy is an attribute-based rule an organization adds on top of roles:
// who (subjects) may do what (actions) to which resources, and when
// (conditions).
type Policy struct {
	bun.BaseModel `bun:"table:policies,alias:pol"`
	OrganizationScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(255)"`
	Description *string `bun:"description,type:text"`
	Effect      string  `bun:"effect,notnull,type:varchar(10),default:'allow'"`
	Priority    int     `bun:"priority,notnull,default:0"`
	Enabled     bool    `bun:"enabled,notnull,default:true"`

	Subjects   []string       `bun:"subjects,type:json"`
	Actions    []string       `bun:"actions,type:json"`
	Resources  []string       `bun:"resources,type:json"`
	Conditions map[string]any `bun:"conditions,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
}
