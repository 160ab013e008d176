//go:build cgo

package models

// #include <stdlib.h>
import "C"

import "github.com/uptrace/bun"

// WithCgo is a model in a cgo file.
type WithCgo struct {
	bun.BaseModel `bun:"table:with_cgos,alias:wc"`
	ID            int64 `bun:",pk"`
	Size          C.int `bun:"size"`
}
