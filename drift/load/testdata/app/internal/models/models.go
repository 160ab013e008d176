// Package models holds the models of the load tests: one of each kind of
// struct discovery must tell apart. It is internal, so only a program
// inside the module can import it.
package models

import "github.com/uptrace/bun"

// Base is only embedded: part of tables, not a table.
type Base struct {
	ID int64 `bun:"id,pk,autoincrement"`
}

// Address is only stored as JSON: not a table.
type Address struct {
	Street string `bun:"street"`
}

// User embeds BaseModel.
type User struct {
	bun.BaseModel `bun:"table:users"`
	Base

	Name string  `bun:"name,notnull"`
	Home Address `bun:"home,type:json"`
	Orgs []Org   `bun:"m2m:user_orgs,join:User=Org"`
}

// Org has bun tags and no BaseModel: Bun maps it to "orgs".
type Org struct {
	ID   int64  `bun:"id,pk"`
	Name string `bun:"name"`
}

// UserOrg is the m2m join model; Bun panics on User.Orgs unless it is
// registered first.
type UserOrg struct {
	bun.BaseModel `bun:"table:user_orgs"`

	UserID int64 `bun:"user_id,pk"`
	User   *User `bun:"rel:belongs-to,join:user_id=id"`
	OrgID  int64 `bun:"org_id,pk"`
	Org    *Org  `bun:"rel:belongs-to,join:org_id=id"`
}

// hidden cannot be imported by the generated program.
type hidden struct {
	bun.BaseModel `bun:"table:hidden"`
	ID            int64 `bun:"id,pk"`
}

// Page is generic: no table until instantiated.
type Page[T any] struct {
	bun.BaseModel `bun:"table:pages"`
	ID            int64 `bun:"id,pk"`
	Items         []T   `bun:"items"`
}

// Request has no bun tags: not a model.
type Request struct {
	Limit int `json:"limit"`
}

var _ = hidden{}
