// Package bunfixture is a set of models and migrations that uses every
// builder option and dialect branch the extraction follows. Its test
// (declared's TestFixtureMatchesBun) runs the migrations against a driver
// that records what Bun sends and checks that the static extraction finds
// exactly that. It is a package of the module, not testdata, so that the
// test can both load it from source and run it.
package bunfixture

import (
	"time"

	"github.com/uptrace/bun"
)

// Org is soft-deleted, with a unique slug.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            string     `bun:"id,pk,type:varchar(20)"`
	Slug          string     `bun:"slug,notnull,unique"`
	Name          string     `bun:"name"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Profile is what a user has one of.
type Profile struct {
	bun.BaseModel `bun:"table:profiles,alias:pr"`
	ID            string `bun:"id,pk,type:varchar(20)"`
	Bio           string `bun:"bio"`
}

// Group is joined to users through UserGroup.
type Group struct {
	bun.BaseModel `bun:"table:groups,alias:g"`
	ID            string `bun:"id,pk,type:varchar(20)"`
	Name          string `bun:"name,notnull"`
}

// User has every kind of relation WithForeignKeys turns into a foreign key.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            string   `bun:"id,pk,type:varchar(20)"`
	OrgID         string   `bun:"org_id,notnull,type:varchar(20)"`
	ManagerID     *string  `bun:"manager_id,type:varchar(20)"`
	ProfileID     *string  `bun:"profile_id,type:varchar(20)"`
	Email         string   `bun:"email,notnull"`
	Org           *Org     `bun:"rel:belongs-to,join:org_id=id,on_delete:cascade"`
	Manager       *User    `bun:"rel:belongs-to,join:manager_id=id,on_update:restrict,on_delete:set null"`
	Profile       *Profile `bun:"rel:has-one,join:profile_id=id"`
	Groups        []Group  `bun:"m2m:user_groups,join:User=Group"`
}

// UserGroup is the m2m join table: its primary-key columns get foreign
// keys.
type UserGroup struct {
	bun.BaseModel `bun:"table:user_groups,alias:ug"`
	UserID        string `bun:"user_id,pk,type:varchar(20)"`
	GroupID       string `bun:"group_id,pk,type:varchar(20)"`
	User          *User  `bun:"rel:belongs-to,join:user_id=id"`
	Group         *Group `bun:"rel:belongs-to,join:group_id=id"`
}

// Post has a unique group and untyped strings (Varchar applies).
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            int64     `bun:"id,pk,autoincrement"`
	AuthorID      string    `bun:"author_id,notnull,type:varchar(20),unique:posts_author_title"`
	Title         string    `bun:"title,notnull,unique:posts_author_title"`
	Body          string    `bun:"body"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
}
