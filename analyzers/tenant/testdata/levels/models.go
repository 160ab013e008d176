package levels

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// App is global: no tenant columns needed.
type App struct {
	bun.BaseModel `bun:"table:apps,alias:a"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Organization is global here; it makes organization_id a foreign key
// (known by name), which must not hide that a tenant column is optional.
type Organization struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// User is environment-level, and may carry an optional organization.
type User struct {
	bun.BaseModel  `bun:"table:users,alias:u"`
	ID             xid.ID  `bun:"id,pk,type:varchar(20)"`
	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID *xid.ID `bun:"organization_id,type:varchar(20)"`
}

// UserSetting matches a glob of the environment level.
type UserSetting struct { // want `user_settings has no environment_id: environment-level tables carry app_id, environment_id`
	bun.BaseModel `bun:"table:user_settings,alias:us"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
}

// Member is tenant-level (the default).
type Member struct {
	bun.BaseModel  `bun:"table:members,alias:m"`
	ID             xid.ID  `bun:"id,pk,type:varchar(20)"`
	AppID          xid.ID  `bun:"app_id,type:varchar(20)"`          // a foreign key to apps: SL003 reports its nullability
	EnvironmentID  xid.ID  `bun:"environment_id,type:varchar(20)"`  // want `tenant column environment_id is nullable`
	OrganizationID *xid.ID `bun:"organization_id,type:varchar(20)"` // want `tenant column organization_id is optional \(\*xid.ID\)`
}

// Invoice misses two columns.
type Invoice struct { // want `invoices has no environment_id, organization_id: tenant-level tables carry`
	bun.BaseModel `bun:"table:invoices,alias:i"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
}

// Tenant columns come from an embedded struct.
type Tenant struct {
	AppID          xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`
}

// Team embeds them: fine.
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Tenant
}
