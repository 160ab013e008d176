package models

import "github.com/uptrace/bun"

// TestOnly is a model declared in a test file.
type TestOnly struct {
	bun.BaseModel `bun:"table:test_onlies,alias:to"`
	ID            int64 `bun:",pk"`
}
