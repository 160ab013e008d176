package json

import (
	"database/sql"
	"encoding/json"
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Settings is a struct stored as JSON.
type Settings struct {
	Theme string
}

// Doc exercises every JSON-valued kind on three dialects.
type Doc struct {
	bun.BaseModel `bun:"table:docs,alias:d"`
	ID            xid.ID            `bun:"id,pk,type:varchar(20)"`
	Good          map[string]any    `bun:"good,type:json"`
	GoodUpper     []string          `bun:"good_upper,type:JSON"`
	Raw           json.RawMessage   `bun:"raw"`
	NoType        map[string]any    `bun:"no_type"`          // want `NoType \(map\[string\]any\) is stored as JSON but Bun creates VARCHAR\(255\) on MySQL, VARCHAR on SQLite: add type:json`
	JSONB         map[string]string `bun:"jsonb,type:jsonb"` // want `JSONB has type:jsonb, which gives jsonb on MySQL: use type:json`
	Text          []string          `bun:"text,type:text"`   // want `Text has type:text, which gives text on PostgreSQL, text on MySQL: use type:json`
	Struct        Settings          `bun:"struct"`           // want `Struct \(json.Settings\) is stored as JSON`
	Pointer       *Settings         `bun:"pointer,type:json"`
	Array         []string          `bun:"array,array"`
	Bytes         []byte            `bun:"bytes"`
	When          time.Time         `bun:"when"`
	Maybe         sql.NullString    `bun:"maybe"`
	Name          string            `bun:"name"`
}
