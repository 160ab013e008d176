// Package quiet holds relations in the reference schema's style and
// others Bun resolves as written: SL102 finds nothing.
package quiet

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Organization owns users.
type Organization struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	Members       []*Member `bun:"rel:has-many,join:id=organization_id"`
}

// User is a user.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Sessions      []*Session `bun:"rel:has-many,join:id=user_id"`
	Settings      *Settings  `bun:"rel:has-one,join:id=user_id"`
	Roles         []*Role    `bun:"m2m:user_roles,join:User=Role"`
	Images        []*Image   `bun:"rel:has-many,join:id=owner_id,join:type=owner_type,polymorphic"`
}

// Member belongs to both.
type Member struct {
	bun.BaseModel  `bun:"table:members,alias:m"`
	ID             xid.ID        `bun:"id,pk,type:varchar(20)"`
	OrganizationID xid.ID        `bun:"organization_id,notnull,type:varchar(20)"`
	UserID         xid.ID        `bun:"user_id,notnull,type:varchar(20)"`
	InvitedByID    *xid.ID       `bun:"invited_by_id,type:varchar(20)"`
	Organization   *Organization `bun:"rel:belongs-to,join:organization_id=id,on_delete:CASCADE"`
	User           *User         `bun:"rel:belongs-to,join:user_id=id"`
	InvitedBy      *User         `bun:"rel:belongs-to,join:invited_by_id=id,on_delete:SET NULL"`
}

// Session finds its user_id without join:.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID    `bun:"user_id,notnull,type:varchar(20)"`
	ExpiresAt     time.Time `bun:"expires_at,notnull"`
	User          *User     `bun:"rel:belongs-to"`
}

// Settings is the has-one side.
type Settings struct {
	bun.BaseModel `bun:"table:settings,alias:st"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,unique,type:varchar(20)"`
}

// Role is the other side of User.Roles.
type Role struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// UserRole is the join model; it is registered with db.RegisterModel.
type UserRole struct {
	bun.BaseModel `bun:"table:user_roles,alias:ur"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`
	RoleID        xid.ID `bun:"role_id,notnull,type:varchar(20)"`
	User          *User  `bun:"rel:belongs-to,join:user_id=id"`
	Role          *Role  `bun:"rel:belongs-to,join:role_id=id"`
}

// Image belongs to users and other owners.
type Image struct {
	bun.BaseModel `bun:"table:images,alias:i"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OwnerID       xid.ID `bun:"owner_id,notnull,type:varchar(20)"`
	OwnerType     string `bun:"owner_type,notnull"`
}

// Page is generic: its relation is known only once instantiated.
type Page[T any] struct {
	bun.BaseModel `bun:"table:pages,alias:pg"`
	ID            int64 `bun:"id,pk"`
	Items         []T   `bun:"rel:has-many,join:id=page_id"`
}
