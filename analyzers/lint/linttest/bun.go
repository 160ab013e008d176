package linttest

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/schema"
)

// BunResult is what Bun itself makes of a model.
type BunResult struct {
	// Table is Bun's table, nil when Bun panicked.
	Table *schema.Table
	// Warnings are the lines Bun logged while reading the model.
	Warnings []string
	// Panic is the value Bun panicked with, nil if it did not.
	Panic any
}

// bunLog serializes Bun calls, because Bun's logger is global.
var bunLog sync.Mutex

type warnings []string

func (w *warnings) Printf(format string, args ...any) { *w = append(*w, fmt.Sprintf(format, args...)) }

// Bun reflects model (a pointer to a struct, nil or not) with Bun's
// PostgreSQL dialect, after registering register, the way the first query
// on it would: relations included, which is where Bun panics. Rules use
// it to prove what they say about Bun.
func Bun(model any, register ...any) (res BunResult) {
	bunLog.Lock()
	defer bunLog.Unlock()
	var logged warnings
	bun.SetLogger(&logged)
	defer bun.SetLogger(nil)
	defer func() {
		res.Warnings = logged
		if p := recover(); p != nil {
			res.Panic = p
		}
	}()
	tables := pgdialect.New().Tables()
	tables.Register(register...)
	res.Table = tables.Get(reflect.TypeOf(model))
	return res
}
