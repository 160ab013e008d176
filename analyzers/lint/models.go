package lint

import (
	"go/types"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// KnownModel is a model the package can see: declared in it, or in a
// package it imports (through bunmodel.ModelFact).
type KnownModel struct {
	// TypeName is the Go type name; Pkg its package path.
	TypeName, Pkg string
	Table, Alias  string
	// Local is the model when it is declared in this package.
	Local *bunmodel.Model
	// Fact is its fact.
	Fact *bunmodel.ModelFact
	// Obj is the type name object (local or imported).
	Obj *types.TypeName
}

// PK returns the model's single primary-key column, if it has exactly one.
func (k *KnownModel) PK() (bunmodel.ColumnFact, bool) {
	var pk bunmodel.ColumnFact
	n := 0
	for _, c := range k.Fact.Columns {
		if c.PK {
			pk, n = c, n+1
		}
	}
	return pk, n == 1
}

// KnownModels returns every model the package can see: its own first, in
// source order, then imported ones by package and name.
func (p *Pass) KnownModels() []*KnownModel { return p.keys.known }

// ForeignKey is a column of a model that refers to another model.
type ForeignKey struct {
	Field *bunmodel.Field
	// Target is the referenced model, TargetColumn its column (the pk
	// unless a join: says otherwise).
	Target       *KnownModel
	TargetColumn bunmodel.ColumnFact
	// Via tells how it was recognised: "belongs-to", "has-many" /
	// "has-one" (a relation on the other model), or "name".
	Via string
}

// ForeignKeys returns the foreign-key columns of a model of the package:
// the join columns of its belongs-to relations, the columns that has-one
// and has-many relations of other models join on, and "<model>_id" columns
// named after a known model. Primary-key columns are left out: they
// identify the row itself.
func (p *Pass) ForeignKeys(m *bunmodel.Model) []ForeignKey { return p.keys.fks[m] }

// ForeignKeysOf is ForeignKeys for any table the package can see, such as
// a model of an imported package that a migration creates: others are the
// tables whose has-one and has-many relations may join on t.
func (p *Pass) ForeignKeysOf(t *bunmodel.Table, others []*bunmodel.Table) []ForeignKey {
	return p.keys.foreignKeys(t, indexHas(others))
}

func indexLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// underscoreName is Bun's underscore of a Go name.
func underscoreName(s string) string { return bunmodel.Underscore(s) }
