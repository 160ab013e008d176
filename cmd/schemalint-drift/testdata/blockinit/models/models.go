// Package models has an init function that never returns, as one waiting
// for a service that is not there would: drift must give up within
// --timeout and leave no process behind.
package models

import (
	"time"

	"github.com/uptrace/bun"
)

func init() {
	// A sleep, not select{}: the runtime would call that a deadlock and
	// exit.
	for {
		time.Sleep(time.Second)
	}
}

// Account is the model the program never gets to reflect.
type Account struct {
	bun.BaseModel `bun:"table:accounts"`

	ID    int64  `bun:"id,pk,autoincrement"`
	Email string `bun:"email,notnull,unique"`
}
