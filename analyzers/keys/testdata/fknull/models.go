package fknull

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is referenced.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Member has every kind of foreign key.
type Member struct {
	bun.BaseModel `bun:"table:members,alias:m"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID  `bun:"org_id,notnull,type:varchar(20)"`
	BackupOrgID   *xid.ID `bun:"backup_org_id,type:varchar(20)"`
	ParentOrgID   xid.ID  `bun:"parent_org_id,type:varchar(20)"`        // want `foreign key ParentOrgID is a value but the column is nullable`
	OwnerOrgID    *xid.ID `bun:"owner_org_id,notnull,type:varchar(20)"` // want `foreign key OwnerOrgID is a pointer with notnull`
	BackupOrg     *Org    `bun:"rel:belongs-to,join:backup_org_id=id"`
	ParentOrg     *Org    `bun:"rel:belongs-to,join:parent_org_id=id"`
	OwnerOrg      *Org    `bun:"rel:belongs-to,join:owner_org_id=id"`
}

// Profile has pointer columns with notnull: Bun leaves a nil pointer out of
// a single-row INSERT (and sends DEFAULT or NULL in a bulk one), so only a
// column with a default survives it.
type Profile struct {
	bun.BaseModel `bun:"table:profiles,alias:p"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	Nickname      *string `bun:"nickname,notnull"` // want `column nickname \(Profile.Nickname, \*string\) is a pointer with notnull and no default`
	Theme         *string `bun:"theme,notnull,default:'light'"`
	OrgID         *xid.ID `bun:"org_id,notnull,default:'none',type:varchar(20)"`
}
