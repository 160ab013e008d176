package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Environment is an isolated copy of an app's auth data: development,
// staging, production. Users, organizations and keys never cross it.
type Environment struct {
	bun.BaseModel `bun:"table:environments,alias:env"`
	AppScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID xid.ID `bun:"app_id,notnull,type:varchar(20)"`

	Name      string `bun:"name,notnull,type:varchar(100)"`
	Slug      string `bun:"slug,notnull,type:varchar(50)"`
	Type      string `bun:"type,notnull,type:varchar(20),default:'development'"`
	IsDefault bool   `bun:"is_default,notnull,default:false"`

	Settings map[string]any `bun:"settings,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	App *App `bun:"rel:belongs-to,join:app_id=id"`
}
