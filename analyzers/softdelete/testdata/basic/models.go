package basic

import (
	"database/sql"
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Good is the convention: no finding.
type Good struct {
	bun.BaseModel `bun:"table:goods,alias:g"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete"`
}

// Forgotten has a deleted_at Bun does not know about.
type Forgotten struct {
	bun.BaseModel `bun:"table:forgottens,alias:f"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	DeletedAt     *time.Time `bun:"deleted_at" json:"deleted_at"` // want `Forgotten.DeletedAt is column deleted_at without soft_delete`
}

// Renamed uses the Go name Bun derives the column from.
type Renamed struct {
	bun.BaseModel `bun:"table:renameds,alias:r"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	DeletedAt     *time.Time // want `Renamed.DeletedAt is column deleted_at without soft_delete`
}

// NotNull can never hold a live row.
type NotNull struct {
	bun.BaseModel `bun:"table:not_nulls,alias:nn"`
	ID            xid.ID    `bun:"id,pk,type:varchar(20)"`
	DeletedAt     time.Time `bun:"deleted_at,notnull,soft_delete"` // want `soft-delete column deleted_at is NOT NULL`
}

// NullTime works in Bun but is not the convention.
type NullTime struct {
	bun.BaseModel `bun:"table:null_times,alias:nt"`
	ID            xid.ID       `bun:"id,pk,type:varchar(20)"`
	DeletedAt     sql.NullTime `bun:"deleted_at,soft_delete"` // want `soft-delete field DeletedAt is sql.NullTime; the convention is \*time.Time`
}

// Archived soft-deletes under another name: fine.
type Archived struct {
	bun.BaseModel `bun:"table:archiveds,alias:ar"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	ArchivedAt    *time.Time `bun:"archived_at,soft_delete"`
}

// NotAModel has no BaseModel, so Bun conventions do not apply.
type NotAModel struct {
	DeletedAt *time.Time `bun:"deleted_at"`
}

// Suppressed is a deliberate exception.
type Suppressed struct {
	bun.BaseModel `bun:"table:suppresseds,alias:s"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	//schemalint:ignore SL005 mirrors an upstream table whose rows we never delete
	DeletedAt *time.Time `bun:"deleted_at"`
}

// Base brings a deleted_at through embedding.
type Base struct {
	DeletedAt *time.Time `bun:"deleted_at"`
}

// Embedding inherits the problem; the fix belongs in Base.
type Embedding struct {
	bun.BaseModel `bun:"table:embeddings,alias:e"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	Base                 // want `Embedding.DeletedAt is column deleted_at without soft_delete`
}
