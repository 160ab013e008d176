package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Permission is an action on a resource ("users:read") that an app defines
// once; organizations combine permissions into roles.
type Permission struct {
	bun.BaseModel `bun:"table:permissions,alias:perm"`
	AppScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID xid.ID `bun:"app_id,notnull,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(100)"`
	Resource    string  `bun:"resource,notnull,type:varchar(100)"`
	Action      string  `bun:"action,notnull,type:varchar(50)"`
	Description *string `bun:"description,type:text"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	App *App `bun:"rel:belongs-to,join:app_id=id"`
}
