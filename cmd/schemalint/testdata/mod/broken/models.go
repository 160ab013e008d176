// Package broken does not compile.
package broken

import "github.com/uptrace/bun"

// Bad refers to an undefined type.
type Bad struct {
	bun.BaseModel `bun:"table:bads,alias:b"`
	ID            UndefinedType `bun:"id,pk"`
}
