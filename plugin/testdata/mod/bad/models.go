// Package bad breaks schemalint's rules; one finding is silenced with
// //nolint:schemalint.
package bad

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Org is a model with problems.
type Org struct {
	bun.BaseModel `bun:"table:orgs"`
	ID            xid.ID         `bun:"id,pk,type:varchar(20)"`
	Name          string         `bun:"name,notnul"`
	Settings      map[string]any `bun:"settings"` //nolint:schemalint // stored as text on purpose in this fixture
	CreatedAt     time.Time      `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt     time.Time      `bun:"updated_at,notnull,default:current_timestamp"`
	DeletedAt     *time.Time     `bun:"deleted_at"`
}
