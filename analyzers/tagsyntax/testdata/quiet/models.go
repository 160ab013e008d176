// Package quiet is written in the reference schema's style, plus tags
// that look odd but mean exactly what they say: SL100 finds nothing.
package quiet

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Scoped is a field-less marker embedded for its methods.
type Scoped struct{}

// Role is a house-style model.
type Role struct {
	bun.BaseModel `bun:"table:roles,alias:r"`
	Scoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID     xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	CreatedBy *xid.ID `bun:"created_by_id,type:varchar(20)"`

	Name        string         `bun:"name,notnull,type:varchar(100)"`
	Description *string        `bun:"description,type:text"`
	IsSystem    bool           `bun:"is_system,notnull,default:false"`
	Status      string         `bun:"status,notnull,type:varchar(20),default:'active'"`
	Empty       string         `bun:"empty,notnull,type:varchar(255),default:''"`
	Scopes      []string       `bun:"scopes,type:json"`
	Metadata    map[string]any `bun:"metadata,type:json"`
	TokenHash   string         `bun:"token_hash,notnull,unique,type:varchar(128)"`

	CreatedAt time.Time  `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Permissions []*Permission `bun:"m2m:role_permissions,join:Role=Permission"`
	Children    []*Role       `bun:"rel:has-many,join:id=parent_id"`
	ParentID    *xid.ID       `bun:"parent_id,type:varchar(20)"`
	Parent      *Role         `bun:"rel:belongs-to,join:parent_id=id,on_delete:CASCADE,on_update:NO ACTION"`

	Score    float64 `bun:",scanonly"`
	Nick     *string `bun:"nick,alt:nickname"`
	Ignored  string  `bun:"-"`
	Untagged string
	cache    map[string]string
}

// Permission is the other side of the m2m.
type Permission struct {
	bun.BaseModel `bun:"table:permissions,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Name          string `bun:"name,notnull,type:varchar(100)"`
}

// RolePermission is the join model.
type RolePermission struct {
	bun.BaseModel `bun:"table:role_permissions,alias:rp"`

	ID           xid.ID `bun:"id,pk,type:varchar(20)"`
	RoleID       xid.ID `bun:"role_id,notnull,type:varchar(20),unique:role_permissions_role_permission_key"`
	PermissionID xid.ID `bun:"permission_id,notnull,type:varchar(20),unique:role_permissions_role_permission_key"`

	Role       *Role       `bun:"rel:belongs-to,join:role_id=id"`
	Permission *Permission `bun:"rel:belongs-to,join:permission_id=id"`
}

// Address is embedded with a prefix.
type Address struct {
	Street string `bun:"street,notnull"`
	City   string
}

// Timestamps is a base struct.
type Timestamps struct {
	CreatedAt time.Time `bun:",nullzero,notnull,default:current_timestamp"`
}

// Customer embeds in every way Bun allows.
type Customer struct {
	bun.BaseModel `bun:"customers,alias:c"`
	Timestamps
	ID       int64    `bun:",pk,autoincrement"`
	Billing  Address  `bun:"embed:billing_"`
	Shipping Address  `bun:"embed:ship_"`
	Tags     []string `bun:"tags,array"`
	Quoted   string   `bun:"quoted,default:\"'a,b'\""`
	Price    string   `bun:"price,type:decimal(10,2),default:0"`
}

// Admin extends Customer's table.
type Admin struct {
	Customer `bun:",extend"`
	Level    int `bun:"level,notnull,default:1"`
}

// Scratch is not a model and no model embeds it: its tags are not SL100's.
type Scratch struct {
	X string `bun:"x,notnul"`
}
