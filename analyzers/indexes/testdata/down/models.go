package down

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Team is created in the first migration.
type Team struct {
	bun.BaseModel `bun:"table:teams,alias:t"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Name          string `bun:"name,notnull"`
}

// Player is created in the first migration too.
type Player struct {
	bun.BaseModel `bun:"table:players,alias:p"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	TeamID        xid.ID `bun:"team_id,notnull,type:varchar(20)"`
}
