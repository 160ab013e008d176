// Package ext declares structs that models of other packages embed.
package ext

import "time"

// Timestamps is a base struct of another package.
type Timestamps struct {
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// Touch sets UpdatedAt, as a hook would.
func (t *Timestamps) Touch() { t.UpdatedAt = time.Now() }

// Clashing maps two fields to one column.
type Clashing struct {
	Label string `bun:"label"`
	Title string `bun:"label"`
}
