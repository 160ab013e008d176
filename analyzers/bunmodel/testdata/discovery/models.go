// Package discovery holds one struct per case of model discovery; the
// comment on each says whether it is a model and why.
package discovery

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

// Post is a model: it embeds bun.BaseModel. PostDraft embedding it does
// not hide it.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:p"`
	ID            int64 `bun:"id,pk,autoincrement"`
	Title         string
}

// PostDraft wraps Post and is never used as a model: not a table.
type PostDraft struct {
	*Post
}

// Rule is a model.
type Rule struct {
	bun.BaseModel `bun:"table:rules,alias:r"`
	ID            int64 `bun:"id,pk,autoincrement"`
}

// AllowRule wraps Rule and the code uses it as a model: a table of its
// own under Bun's default naming (allow_rules).
type AllowRule struct {
	Rule
}

// IDBase and Audited are mixins: only ever embedded, never tables.
type IDBase struct {
	ID string `bun:"id,pk"`
}

// Audited holds the timestamps.
type Audited struct {
	CreatedAt time.Time `bun:"created_at,notnull"`
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

// Account is a model through its mixins' tags and its use below.
type Account struct {
	IDBase
	Audited
	Name     string   `bun:"name,notnull"`
	Settings Settings `bun:"settings,type:jsonb"`
	Owner    *Person  `bun:"rel:belongs-to,join:owner_id=id"`
	OwnerID  string   `bun:"owner_id"`
}

// Settings is stored as JSON in Account.Settings: not a table.
type Settings struct {
	Theme string `bun:"theme"`
}

// Person is a model: the target of Account's relation.
type Person struct {
	ID string `bun:"id,pk"`
}

// AccountRow is a scan struct: a model plus a computed column, never used
// as a model. Not a table.
type AccountRow struct {
	Post
	Comments int `bun:"comments,scanonly"`
}

// Event and Tag are tag-only structs the code creates in a loop over a
// literal list: models.
type Event struct {
	ID   int64  `bun:"id,pk,autoincrement"`
	Kind string `bun:"kind"`
}

// Tag is a model by RegisterModel.
type Tag struct {
	ID int64 `bun:"id,pk"`
}

// Note is created through a list held in a variable: a model.
type Note struct {
	ID int64 `bun:"id,pk"`
}

// Stat has bun tags but nothing uses it as a model: left out, with the
// reason, unless models: {tagged: true}.
type Stat struct {
	Count int `bun:"count"`
}

// BaseRecord holds bun.BaseModel without a table name and is extended by
// Invoice, which adds columns: a mixin, not a table.
type BaseRecord struct {
	bun.BaseModel
	ID int64 `bun:"id,pk,autoincrement"`
}

// Invoice is a model through BaseRecord.
type Invoice struct {
	BaseRecord
	Total int64 `bun:"total,notnull"`
}

// Setup creates the tables and registers the join models, as applications
// do at start-up.
func Setup(ctx context.Context, db *bun.DB) error {
	db.RegisterModel((*Tag)(nil))
	for _, m := range []any{(*Event)(nil), (*AllowRule)(nil)} {
		if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil {
			return err
		}
	}
	notes := []any{(*Note)(nil)}
	for _, m := range notes {
		if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil {
			return err
		}
	}
	var acc Account
	return db.NewSelect().Model(&acc).Scan(ctx)
}
