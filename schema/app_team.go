package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AppTeam groups the people who administer an app.
type AppTeam struct {
	bun.BaseModel `bun:"table:app_teams,alias:at"`
	AppScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID xid.ID `bun:"app_id,notnull,type:varchar(20)"`

	Name        string  `bun:"name,notnull,type:varchar(255)"`
	Slug        string  `bun:"slug,notnull,type:varchar(100)"`
	Description *string `bun:"description,type:text"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	App     *App         `bun:"rel:belongs-to,join:app_id=id"`
	Members []*AppMember `bun:"rel:has-many,join:id=app_team_id"`
}
