package drift

import "github.com/schemalint/schemalint/drift/kind"

// Kind is what a finding is about. The kinds live in drift/kind, which
// the lint binary's rules catalogue reads without linking drift; these
// are their names here.
type Kind = kind.Kind

// KindInfo documents a kind.
type KindInfo = kind.Info

// The finding kinds (see drift/kind).
const (
	TableMissing      = kind.TableMissing
	TableExtra        = kind.TableExtra
	ColumnMissing     = kind.ColumnMissing
	ColumnExtra       = kind.ColumnExtra
	ColumnType        = kind.ColumnType
	ColumnNullability = kind.ColumnNullability
	ColumnDefault     = kind.ColumnDefault
	PrimaryKey        = kind.PrimaryKey
	Unique            = kind.Unique
	IndexMissing      = kind.IndexMissing
	IndexExtra        = kind.IndexExtra
	IndexDifferent    = kind.IndexDifferent
	FKMissing         = kind.FKMissing
	FKExtra           = kind.FKExtra
	FKDifferent       = kind.FKDifferent
)

// Kinds lists every kind in ID order.
var Kinds = kind.All
