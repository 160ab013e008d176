// Package models declares indexes in doc comments; the migrations,
// which do not import it, create some of them.
package models

import "github.com/uptrace/bun"

// Account's directives: one no migration creates, one a migration
// creates as declared, one a migration creates otherwise, one named as
// an index of logs, one on PostgreSQL only and a partial one.
//
//schemalint:index idx_accounts_code (code)
//schemalint:index idx_accounts_email (email)
//schemalint:index idx_accounts_name (name) unique
//schemalint:index idx_shared (code, name)
//schemalint:index idx_accounts_tags (tags) using gin dialect pg
//schemalint:index idx_accounts_live (email) where "code IS NOT NULL"
type Account struct {
	bun.BaseModel `bun:"table:accounts"`

	ID    int64    `bun:"id,pk,autoincrement"`
	Email string   `bun:"email,notnull,unique"`
	Code  string   `bun:"code"`
	Name  string   `bun:"name"`
	Tags  []string `bun:"tags,array"`
}

// Note has no migration yet.
//
//schemalint:index idx_notes_body (body)
type Note struct {
	bun.BaseModel `bun:"table:notes"`

	ID   int64  `bun:"id,pk,autoincrement"`
	Body string `bun:"body"`
}
