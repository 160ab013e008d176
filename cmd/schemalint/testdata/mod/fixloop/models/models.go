// Package models are the models of the fixloop fixture: a blog whose
// migration creates its tables in a loop, as issue 11 found SL200's fix
// breaking.
package models

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User writes posts and comments.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
}

// Post is written by a user.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	AuthorID      xid.ID    `bun:"author_id,notnull,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
	Author        *User     `bun:"rel:belongs-to,join:author_id=id"`
}

// Comment is written by a user on a post.
type Comment struct {
	bun.BaseModel `bun:"table:comments,alias:c"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	PostID        xid.ID    `bun:"post_id,notnull,type:varchar(20)"`
	AuthorID      xid.ID    `bun:"author_id,notnull,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time `bun:"updated_at,notnull,default:current_timestamp"`
	Post          *Post     `bun:"rel:belongs-to,join:post_id=id"`
	Author        *User     `bun:"rel:belongs-to,join:author_id=id"`
}
