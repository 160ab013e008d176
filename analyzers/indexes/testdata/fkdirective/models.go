// Package fkdirective declares its indexes in doc comments: it has no
// migrations.
package fkdirective

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Team is referenced.
//
//schemalint:index idx_teams_slug (slug) unique
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Slug          string `bun:"slug,notnull"`
}

// Player has no index on its key.
type Player struct {
	bun.BaseModel `bun:"table:players,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	TeamID        xid.ID `bun:"team_id,notnull,type:varchar(20)"` // want `foreign key players.team_id \(fkdirective.Player.TeamID\) is the first column of no index: .*; add index idx_players_team_id \(team_id\)`
	Team          *Team  `bun:"rel:belongs-to,join:team_id=id"`
}

// Coach declares the index.
//
//schemalint:index idx_coaches_team (team_id, id)
type Coach struct {
	bun.BaseModel `bun:"table:coaches,alias:c"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	TeamID        xid.ID `bun:"team_id,notnull,type:varchar(20)"`
}

// Fan declares it for PostgreSQL only.
//
//schemalint:index idx_fans_team (team_id) dialect pg
type Fan struct {
	bun.BaseModel `bun:"table:fans,alias:f"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	TeamID        xid.ID `bun:"team_id,notnull,type:varchar(20)"` // want `foreign key fans.team_id \(fkdirective.Fan.TeamID\) is the first column of no index on MySQL and SQLite`
}
