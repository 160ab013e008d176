// Package directives declares indexes in doc comments, without
// migrations.
package directives

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Team is referenced.
//
//schemalint:index idx_teams_slug (slug) unique where "deleted_at IS NULL" dialect pg,sqlite
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Slug          string     `bun:"slug,notnull"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Player belongs to a team.
//
//schemalint:index idx_players_team (team_id, created_at DESC)
//schemalint:index idx_players_bad (team_id
type Player struct {
	bun.BaseModel `bun:"table:players,alias:p"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	TeamID        xid.ID    `bun:"team_id,notnull,type:varchar(20)"`
	CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
}
