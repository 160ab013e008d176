// Package fkforms creates its tables in the shapes real migrations take
// (loops, "return err" tails, transactions, dialect branches); SL200's
// fix must run once, after the table exists, and keep every error check.
package fkforms

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is referenced by everything.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Project is created in a loop.
type Project struct {
	bun.BaseModel `bun:"table:projects,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
	Org           *Org   `bun:"rel:belongs-to,join:org_id=id"`
}

// Comment is created by a statement followed by "return err".
type Comment struct {
	bun.BaseModel `bun:"table:comments,alias:c"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	ProjectID     xid.ID `bun:"project_id,notnull,type:varchar(20)"`
}

// Tag is created in an "if _, err := ...; err != nil" statement.
type Tag struct {
	bun.BaseModel `bun:"table:tags,alias:tg"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Label is created by "_, err = ..." checked on the next line.
type Label struct {
	bun.BaseModel `bun:"table:labels,alias:l"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Task is created in a transaction.
type Task struct {
	bun.BaseModel `bun:"table:tasks,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	ProjectID     xid.ID `bun:"project_id,notnull,type:varchar(20)"`
}

// Event is created differently per dialect, in a switch.
type Event struct {
	bun.BaseModel `bun:"table:events,alias:e"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Audit is created in a branch for PostgreSQL only.
type Audit struct {
	bun.BaseModel `bun:"table:audits,alias:a"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Note is created in transactions run in a loop.
type Note struct {
	bun.BaseModel `bun:"table:notes,alias:n"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Pin is created by a function literal the migration calls per model:
// no place in it runs once.
type Pin struct {
	bun.BaseModel `bun:"table:pins,alias:pi"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Badge is created by one statement on every dialect, and MySQL alone
// indexes its key: a statement after it would index MySQL twice.
type Badge struct {
	bun.BaseModel `bun:"table:badges,alias:b"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Vote's CREATE TABLE error is checked only after another statement.
type Vote struct {
	bun.BaseModel `bun:"table:votes,alias:v"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}

// Late is created by a deferred call, which runs after anything placed
// next to it.
type Late struct {
	bun.BaseModel `bun:"table:lates,alias:la"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	OrgID         xid.ID `bun:"org_id,notnull,type:varchar(20)"`
}
