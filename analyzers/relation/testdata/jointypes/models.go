package jointypes

import (
	"database/sql"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Legacy is a target with an integer key.
type Legacy struct {
	bun.BaseModel `bun:"table:legacies,alias:l"`
	ID            int64 `bun:"id,pk"`
}

// User is the target, with an xid key.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	Posts         []*Post `bun:"rel:has-many,join:id=legacy_user_id"` // want `Posts joins User.id \(xid.ID\) to Post.legacy_user_id \(int64\): both sides of a join need one Go type`
	Drafts        []*Post `bun:"rel:has-many,join:id=editor_id"`
}

// Post refers to users in several ways.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            xid.ID        `bun:"id,pk,type:varchar(20)"`
	LegacyUserID  int64         `bun:"legacy_user_id"`
	EditorID      *xid.ID       `bun:"editor_id,type:varchar(20)"`
	ReviewerID    sql.NullInt64 `bun:"reviewer_id"`
	Legacy        *User         `bun:"rel:belongs-to,join:legacy_user_id=id"` // want `Legacy joins Post.legacy_user_id \(int64\) to User.id \(xid.ID\)`
	Editor        *User         `bun:"rel:belongs-to,join:editor_id=id"`      // a pointer to the same type: fine
	Reviewer      *User         `bun:"rel:belongs-to,join:reviewer_id=id"`    // want `Reviewer joins Post.reviewer_id \(sql.NullInt64\) to User.id \(xid.ID\)`
	Old           *Legacy       `bun:"rel:belongs-to,join:reviewer_id=id"`    // sql.NullInt64 holds int64s: fine
	Older         *Legacy       `bun:"rel:belongs-to,join:legacy_user_id=id"` // fine
}
