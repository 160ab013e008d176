package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// App is a product that uses the auth platform. It is the root of tenancy:
// every other row belongs to an app, directly or through its parent.
type App struct {
	bun.BaseModel `bun:"table:apps,alias:a"`

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(255)"`
	Slug        string  `bun:"slug,notnull,type:varchar(100)"`
	Description *string `bun:"description,type:text"`
	LogoURL     *string `bun:"logo_url,type:text"`
	HomepageURL *string `bun:"homepage_url,type:text"`
	Status      string  `bun:"status,notnull,type:varchar(20),default:'active'"`

	Settings map[string]any `bun:"settings,type:json"`
	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Environments []*Environment `bun:"rel:has-many,join:id=app_id"`
}
