// Package targetmodels declares indexes in doc comments, some wrong.
package targetmodels

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Team has a directive on a column it lacks, and a malformed one.
//
//schemalint:index idx_teams_slug (slug) unique
//schemalint:index idx_teams_name (Name) // want `index idx_teams_name names column Name, which Team \(table teams\) does not have; did you mean name\?`
//schemalint:index idx_teams_owner (owner_id // want `malformed //schemalint:index: unbalanced parentheses`
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Slug          string `bun:"slug,notnull"`
	Name          string `bun:"name,notnull"`
}

//schemalint:index idx_nothing (a) // want `//schemalint:index declares nothing here: it belongs in the doc comment of a Bun model`
var _ = 0
