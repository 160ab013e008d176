// Package models is valid Go that stresses the model reader: generics,
// aliases, pointer embeddings, recursion, cross-package embedding, odd
// field types and malformed tags.
package models

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"

	"example.com/robust/base"
)

// Page is generic.
type Page[T any] struct {
	bun.BaseModel `bun:"table:pages,alias:pg"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Items         []T    `bun:"items,type:json"`
	Value         T      `bun:"value"`
	Ptr           *T     `bun:"ptr,embed:p_"`
}

// Pages instantiates Page.
var Pages = []any{Page[string]{}, Page[base.Stamps]{}}

// UserAlias is an alias of a model.
type UserAlias = User

// User embeds a model of another package and a pointer.
type User struct {
	*base.Model `bun:",extend"`
	*base.Stamps
	Name     string
	Friend   *UserAlias `bun:"rel:belongs-to,join:friend_id=id"`
	FriendID *xid.ID    `bun:"friend_id,type:varchar(20)"`
}

// Node is recursive.
type Node struct {
	bun.BaseModel `bun:"table:nodes,alias:n"`
	ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
	ParentID      *xid.ID `bun:"parent_id,type:varchar(20)"`
	Parent        *Node   `bun:"rel:belongs-to,join:parent_id=id"`
	Children      []*Node `bun:"rel:has-many,join:id=parent_id"`
}

// Loop embeds a pointer to itself.
type Loop struct {
	bun.BaseModel `bun:"table:loops,alias:l"`
	*Loop
	ID int64 `bun:",pk"`
}

// NotBase embeds bun.BaseModel under an alias name: not a model for Bun.
type NotBase struct {
	base.BM
	ID int64 `bun:",pk"`
}

// secret is unexported.
type secret struct {
	bun.BaseModel `bun:"table:secrets,alias:sec"`
	ID            int64 `bun:",pk"`
	hidden        string
}

var _ = secret{hidden: ""}

// Odd has fields of every strange kind and malformed tags.
type Odd struct {
	bun.BaseModel `bun:"table:odds,alias:o"`
	ID            int64           `bun:",pk"`
	Fn            func()          `bun:"-"`
	Ch            chan int        `bun:"ch"`
	Iface         interface{}     `bun:"iface"`
	Arr           [4]byte         `bun:"arr"`
	Quote         string          `bun:"\"unterminated"`
	Weird         string          `bun:",,,:,::"`
	NotKV         string          `bun:weird`
	Nested        struct{ A int } `bun:"nested,embed:n_"`
	Map           map[xid.ID]int  `bun:"map"`
	When          time.Time
	Relation      *Nowhere `bun:"rel:sideways"`
	Many          Node     `bun:"rel:has-many"`
	M2M           []Node   `bun:"m2m:no_such_table"`
	Embed         int      `bun:"embed:e_"`
	Anonymous     struct {
		bun.BaseModel `bun:"table:anonymous"`
		ID            int64 `bun:",pk"`
	}
}

// Nowhere is a struct without a key.
type Nowhere struct{ X int }

func local() any {
	// A model declared inside a function.
	type Local struct {
		bun.BaseModel `bun:"table:locals,alias:lo"`
		ID            int64 `bun:",pk"`
	}
	return Local{}
}

var _ = local
