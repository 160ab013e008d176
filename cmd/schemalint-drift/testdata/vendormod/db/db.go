// Package db opens the application's database: it is why the SQLite
// dialect (and no other) is in the vendor directory.
package db

import (
	"database/sql"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"
)

// Open wraps sqldb for Bun.
func Open(sqldb *sql.DB) *bun.DB { return bun.NewDB(sqldb, sqlitedialect.New()) }
