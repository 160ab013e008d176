package names

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is the convention.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Bare relies on Bun's defaults.
type Bare struct { // want `Bare's bun.BaseModel has no table: \(Bun derives bares from the type name\) and has no alias: \(Bun derives bare`
	bun.BaseModel
	ID xid.ID `bun:"id,pk,type:varchar(20)"`
}

// NameOnly names the table the short way.
type NameOnly struct { // want `NameOnly's bun.BaseModel names its table as bun:"name_onlies" \(write table:name_onlies\) and has no alias:`
	bun.BaseModel `bun:"name_onlies"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// NoAlias has a table only.
type NoAlias struct { // want `NoAlias's bun.BaseModel has no alias: \(Bun derives no_alias from the type name\)`
	bun.BaseModel `bun:"table:no_aliases"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Clash reuses User's alias.
type Clash struct { // want `alias u is also the alias of User`
	bun.BaseModel `bun:"table:clashes,alias:u"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Admin embeds User without extend and the code uses it as a model: a
// table of its own, admins.
type Admin struct { // want `Admin gets bun.BaseModel from User without extend, so Bun maps it to table admins`
	User
	Level int
}

// AdminRow embeds User plus a computed column and is never used as a
// model: a scan struct, not a table, so it draws no table finding.
type AdminRow struct {
	User
	Logins int `bun:"logins,scanonly"`
}

// Visit has no bun.BaseModel; the code uses it as a model, so Bun names
// its table after the type.
type Visit struct { // want `Visit has no bun.BaseModel, so Bun derives its table visits and alias visit from the type name: declare bun.BaseModel`
	ID xid.ID `bun:"id,pk,type:varchar(20)"`
}

// ListAdmins uses Admin as a model, and Visit.
func ListAdmins(db *bun.DB) *bun.SelectQuery {
	return db.NewSelect().Model((*Admin)(nil)).Join("JOIN visits").Model((*Visit)(nil))
}

// Extended embeds User with extend: same table and alias, by design.
type Extended struct {
	User  `bun:",extend"`
	Notes string
}
