package basic

import (
	stdtime "time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// TimeAlias's file imports time under another name, where a new field of
// type time.Time would not compile: there is no fix.
type TimeAlias struct { // want `TimeAlias has no CreatedAt or UpdatedAt`
	bun.BaseModel `bun:"table:renameds,alias:rn"`
	ID            xid.ID       `bun:"id,pk,type:varchar(20)"`
	Seen          stdtime.Time `bun:"seen,notnull"`
}
