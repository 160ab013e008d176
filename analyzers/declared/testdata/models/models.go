// Package models holds the models the migration fixtures create.
package models

import (
	"context"
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is soft-deleted.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Slug          string     `bun:"slug,notnull"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// User belongs to an org and, optionally, to a manager.
//
//schemalint:index idx_users_name (lower(name)) where "deleted_at IS NULL" dialect pg,sqlite
//schemalint:index idx_users_manager (manager_id)
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID     `bun:"org_id,notnull,type:varchar(20)"`
	Email         string     `bun:"email,notnull,unique"`
	Name          string     `bun:"name"`
	ManagerID     *xid.ID    `bun:"manager_id,type:varchar(20)"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
	Org           *Org       `bun:"rel:belongs-to,join:org_id=id,on_delete:cascade"`
	Manager       *User      `bun:"rel:belongs-to,join:manager_id=id"`
}

// Post has a unique group and a has-one back to its author.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	AuthorID      xid.ID `bun:"author_id,notnull,type:varchar(20),unique:posts_author_title"`
	Title         string `bun:"title,notnull,unique:posts_author_title"`
	Body          string `bun:"body"`
	Author        *User  `bun:"rel:belongs-to,join:author_id=id"`
}

// Audit creates its own index in a hook, which the extraction cannot see.
type Audit struct {
	bun.BaseModel `bun:"table:audits,alias:a"`
	ID            int64 `bun:"id,pk,autoincrement"`
	Action        string
}

// AfterCreateTable adds an index Bun's tags cannot declare.
func (*Audit) AfterCreateTable(ctx context.Context, q *bun.CreateTableQuery) error {
	_, err := q.DB().NewCreateIndex().Model((*Audit)(nil)).Index("idx_audits_action").Column("action").Exec(ctx)
	return err
}

// RegisterAll only registers models: calling it from a migration runs
// nothing.
func RegisterAll(db *bun.DB) { db.RegisterModel((*User)(nil)) }
