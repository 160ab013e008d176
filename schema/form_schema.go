package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// FormSchema describes a dynamic form (sign-up, profile) as JSON fields.
// Versions are immutable: a change inserts a new version.
type FormSchema struct {
	bun.BaseModel `bun:"table:form_schemas,alias:fs"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`

	Name    string `bun:"name,notnull,type:varchar(100)"`
	Purpose string `bun:"purpose,notnull,type:varchar(20),default:'signup'"`
	Version int    `bun:"version,notnull,default:1"`
	Active  bool   `bun:"active,notnull,default:true"`

	Fields []map[string]any `bun:"fields,notnull,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`
}
