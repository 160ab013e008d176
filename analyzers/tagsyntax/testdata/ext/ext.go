// Package ext declares a struct that models of other packages embed. It
// has no model of its own, so SL100 judges it where it is embedded.
package ext

import "time"

// Timestamps is shared by models of other packages.
type Timestamps struct {
	CreatedAt time.Time `bun:"created_at,notnul"`
	UpdatedAt time.Time `bun:"updated_at,nullzero"`
}
