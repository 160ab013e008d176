// Package models are the models the unmigrated fixture migrates.
package models

import (
	"context"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is created.
type Org struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Report is never created.
type Report struct {
	bun.BaseModel `bun:"table:reports,alias:r"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// OrgSummary reads a view another system maintains; it is ignored by
// configuration.
type OrgSummary struct {
	bun.BaseModel `bun:"table:org_summaries,alias:os"`
	OrgID         xid.ID `bun:"org_id,type:varchar(20)"`
}

// Badge is created on PostgreSQL only.
type Badge struct {
	bun.BaseModel `bun:"table:badges,alias:b"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
}

// Setup creates what the models need, out of sight of the migrations
// package's extraction.
func Setup(ctx context.Context, db *bun.DB) error {
	_, err := db.NewCreateTable().Model((*Report)(nil)).Exec(ctx)
	return err
}
