package lint

import (
	"go/types"
	"sort"
	"strings"

	"github.com/jinzhu/inflection"

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
func (p *Pass) KnownModels() []*KnownModel {
	if p.known != nil {
		return p.known
	}
	for _, m := range p.Models.Models {
		p.known = append(p.known, &KnownModel{TypeName: m.Obj.Name(), Pkg: p.Pkg.Path(), Table: m.Name, Alias: m.Alias,
			Local: m, Fact: m.Fact, Obj: m.Obj})
	}
	for _, im := range p.Models.Imported {
		p.known = append(p.known, &KnownModel{TypeName: im.Obj.Name(), Pkg: im.Obj.Pkg().Path(),
			Table: im.Fact.Table, Alias: im.Fact.Alias, Fact: im.Fact, Obj: im.Obj})
	}
	return p.known
}

// ModelForPrefix returns the model a "<prefix>_id" column refers to by
// naming convention: its table is the plural of prefix (or prefix itself),
// or its underscored type name is prefix.
func (p *Pass) ModelForPrefix(prefix string) *KnownModel {
	// The first known model that matches, as a loop over KnownModels
	// would find it; the index makes a package of n models cost O(n)
	// rather than O(n²) (every <x>_id column of every model asks).
	ix := p.prefixIndex()
	plural, ok := ix.plural[prefix]
	if !ok {
		plural = inflection.Plural(prefix)
		ix.plural[prefix] = plural
	}
	best := -1
	for _, j := range []int{lookup(ix.byTable, plural), lookup(ix.byTable, prefix), lookup(ix.byName, prefix)} {
		if j >= 0 && (best < 0 || j < best) {
			best = j
		}
	}
	if best < 0 {
		return nil
	}
	return p.KnownModels()[best]
}

func lookup(m map[string]int, key string) int {
	if i, ok := m[key]; ok {
		return i
	}
	return -1
}

// prefixes indexes the known models by table, by underscored type name
// and by type, first occurrence first, for ModelForPrefix and
// modelOfTable.
type prefixes struct {
	byTable, byName map[string]int
	byType          map[types.Type]int
	plural          map[string]string
}

func (p *Pass) prefixIndex() *prefixes {
	if p.prefixes != nil {
		return p.prefixes
	}
	ix := &prefixes{byTable: map[string]int{}, byName: map[string]int{}, byType: map[types.Type]int{}, plural: map[string]string{}}
	for i, k := range p.KnownModels() {
		if _, ok := ix.byType[k.Obj.Type()]; !ok {
			ix.byType[k.Obj.Type()] = i
		}
		if _, ok := ix.byTable[k.Table]; !ok {
			ix.byTable[k.Table] = i
		}
		if name := underscoreName(k.TypeName); name != "" {
			if _, ok := ix.byName[name]; !ok {
				ix.byName[name] = i
			}
		}
	}
	p.prefixes = ix
	return ix
}

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
func (p *Pass) ForeignKeys(m *bunmodel.Model) []ForeignKey {
	if p.localHas == nil {
		others := make([]*bunmodel.Table, len(p.Models.Models))
		for i, o := range p.Models.Models {
			others[i] = o.Table
		}
		p.localHas = indexHas(others)
	}
	return p.foreignKeys(m.Table, p.localHas)
}

// ForeignKeysOf is ForeignKeys for any table the package can see, such as
// a model of an imported package that a migration creates: others are the
// tables whose has-one and has-many relations may join on t.
func (p *Pass) ForeignKeysOf(t *bunmodel.Table, others []*bunmodel.Table) []ForeignKey {
	return p.foreignKeys(t, indexHas(others))
}

// hasRel is a has-one or has-many relation of a table.
type hasRel struct {
	owner *bunmodel.Table
	rel   *bunmodel.Relation
}

// indexHas indexes the sound has-one and has-many relations of tables by
// the type they target, in table and field order.
func indexHas(tables []*bunmodel.Table) map[*types.Named][]hasRel {
	out := map[*types.Named][]hasRel{}
	for _, o := range tables {
		for _, rel := range o.Relations {
			if (rel.Kind != bunmodel.HasMany && rel.Kind != bunmodel.HasOne) || rel.Target == nil || rel.Target.Type == nil || len(rel.Problems) > 0 {
				continue
			}
			out[rel.Target.Type] = append(out[rel.Target.Type], hasRel{owner: o, rel: rel})
		}
	}
	return out
}

func (p *Pass) foreignKeys(t *bunmodel.Table, has map[*types.Named][]hasRel) []ForeignKey {
	var out []ForeignKey
	seen := map[*bunmodel.Field]bool{}
	add := func(f *bunmodel.Field, target *KnownModel, col string, via string) {
		if f == nil || f.PK || seen[f] || target == nil {
			return
		}
		tc, ok := target.Fact.Column(col)
		if !ok {
			return
		}
		seen[f] = true
		out = append(out, ForeignKey{Field: f, Target: target, TargetColumn: tc, Via: via})
	}
	for _, rel := range t.Relations {
		if rel.Kind != bunmodel.BelongsTo || rel.Target == nil || len(rel.Problems) > 0 {
			continue
		}
		target := p.modelOfTable(rel.Target)
		for i, base := range rel.BaseColumns {
			add(base, target, rel.TargetColumns[i].Name, bunmodel.BelongsTo)
		}
	}
	if t.Type != nil {
		for _, h := range has[t.Type] {
			target := p.modelOfTable(h.owner)
			for i, col := range h.rel.TargetColumns {
				add(t.Field(col.Name), target, h.rel.BaseColumns[i].Name, h.rel.Kind)
			}
		}
	}
	for _, f := range t.Fields {
		prefix, ok := strings.CutSuffix(f.Name, "_id")
		if !ok || prefix == "" {
			continue
		}
		if target := p.ModelForPrefix(prefix); target != nil && target.Table != t.Name {
			if pk, ok := target.PK(); ok {
				add(f, target, pk.Name, "name")
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return indexLess(out[i].Field.Index, out[j].Field.Index) })
	return out
}

func indexLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// modelOfTable finds the known model for a table the reader resolved.
func (p *Pass) modelOfTable(t *bunmodel.Table) *KnownModel {
	if t.Type != nil {
		if i, ok := p.prefixIndex().byType[t.Type]; ok {
			return p.KnownModels()[i]
		}
	}
	if t.Type != nil {
		// A relation target that is not a model (no bun.BaseModel): Bun
		// still maps it; describe it from the reader.
		f := bunmodel.NewModelFact(t)
		return &KnownModel{TypeName: t.TypeName, Table: t.Name, Alias: t.Alias, Fact: f, Obj: t.Type.Obj()}
	}
	return nil
}

// underscoreName is Bun's underscore of a Go name.
func underscoreName(s string) string { return bunmodel.Underscore(s) }
