package lint

import (
	"go/types"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/jinzhu/inflection"
	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// Keys is the analyzer that indexes a package's models once for all rules:
// the models it can see, and every local model's foreign keys. Rules read
// it through Pass.KnownModels, Pass.ModelForPrefix and Pass.ForeignKeys.
// Doing this per rule made linting quadratic in the number of models.
var Keys = &analysis.Analyzer{
	Name:       "schemalint_keys",
	Doc:        "indexes models and their foreign keys for schemalint's rules",
	Requires:   []*analysis.Analyzer{bunmodel.Analyzer},
	Run:        runKeys,
	ResultType: reflect.TypeOf((*KeyIndex)(nil)),
}

// KeyIndex is Keys' result.
type KeyIndex struct {
	known     []*KnownModel
	byTable   map[string]*KnownModel
	byName    map[string]*KnownModel // underscored type name
	byType    map[types.Type]*KnownModel
	fks       map[*bunmodel.Model][]ForeignKey
	pluralsMu sync.Mutex
	plurals   map[string]string
}

func runKeys(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[bunmodel.Analyzer].(*bunmodel.Result)
	x := &KeyIndex{byTable: map[string]*KnownModel{}, byName: map[string]*KnownModel{},
		byType: map[types.Type]*KnownModel{}, fks: map[*bunmodel.Model][]ForeignKey{}, plurals: map[string]string{}}
	if len(res.Models) == 0 {
		return x, nil
	}
	for _, m := range res.Models {
		x.add(&KnownModel{TypeName: m.Obj.Name(), Pkg: pass.Pkg.Path(), Table: m.Name, Alias: m.Alias, Local: m, Fact: m.Fact, Obj: m.Obj})
	}
	for _, im := range res.Imported {
		x.add(&KnownModel{TypeName: im.Obj.Name(), Pkg: im.Obj.Pkg().Path(), Table: im.Fact.Table, Alias: im.Fact.Alias, Fact: im.Fact, Obj: im.Obj})
	}
	// has-one and has-many relations make foreign keys on their target.
	type incoming struct {
		from *bunmodel.Model
		rel  *bunmodel.Relation
	}
	into := map[types.Type][]incoming{}
	for _, m := range res.Models {
		for _, rel := range m.Relations {
			if (rel.Kind == bunmodel.HasMany || rel.Kind == bunmodel.HasOne) && rel.Target != nil && rel.Target.Type != nil && len(rel.Problems) == 0 {
				into[rel.Target.Type] = append(into[rel.Target.Type], incoming{m, rel})
			}
		}
	}
	for _, m := range res.Models {
		fk := &fkCollector{seen: map[*bunmodel.Field]bool{}}
		for _, rel := range m.Relations {
			if rel.Kind != bunmodel.BelongsTo || rel.Target == nil || len(rel.Problems) > 0 {
				continue
			}
			target := x.modelOfTable(rel.Target)
			for i, base := range rel.BaseColumns {
				fk.add(base, target, rel.TargetColumns[i].Name, bunmodel.BelongsTo)
			}
		}
		for _, in := range into[m.Type] {
			target := x.modelOfTable(in.from.Table)
			for i, col := range in.rel.TargetColumns {
				fk.add(m.Field(col.Name), target, in.rel.BaseColumns[i].Name, in.rel.Kind)
			}
		}
		for _, f := range m.Fields {
			prefix, ok := strings.CutSuffix(f.Name, "_id")
			if !ok || prefix == "" {
				continue
			}
			if target := x.forPrefix(prefix); target != nil && target.Table != m.Name {
				if pk, ok := target.PK(); ok {
					fk.add(f, target, pk.Name, "name")
				}
			}
		}
		sort.Slice(fk.out, func(i, j int) bool { return indexLess(fk.out[i].Field.Index, fk.out[j].Field.Index) })
		x.fks[m] = fk.out
	}
	return x, nil
}

func (x *KeyIndex) add(k *KnownModel) {
	x.known = append(x.known, k)
	if _, ok := x.byTable[k.Table]; !ok {
		x.byTable[k.Table] = k
	}
	name := underscoreName(k.TypeName)
	if _, ok := x.byName[name]; !ok {
		x.byName[name] = k
	}
	if _, ok := x.byType[k.Obj.Type()]; !ok {
		x.byType[k.Obj.Type()] = k
	}
}

func (x *KeyIndex) forPrefix(prefix string) *KnownModel {
	if k := x.byTable[x.plural(prefix)]; k != nil {
		return k
	}
	if k := x.byTable[prefix]; k != nil {
		return k
	}
	return x.byName[prefix]
}

// plural memoizes inflection.Plural, which runs a list of regexps.
func (x *KeyIndex) plural(s string) string {
	x.pluralsMu.Lock()
	defer x.pluralsMu.Unlock()
	p, ok := x.plurals[s]
	if !ok {
		p = inflection.Plural(s)
		x.plurals[s] = p
	}
	return p
}

// modelOfTable finds the known model for a table the reader resolved.
func (x *KeyIndex) modelOfTable(t *bunmodel.Table) *KnownModel {
	if t.Type == nil {
		return nil
	}
	if k := x.byType[t.Type]; k != nil {
		return k
	}
	// A relation target that is not a model (no bun.BaseModel): Bun
	// still maps it; describe it from the reader.
	return &KnownModel{TypeName: t.TypeName, Table: t.Name, Alias: t.Alias, Fact: bunmodel.NewModelFact(t), Obj: t.Type.Obj()}
}

type fkCollector struct {
	out  []ForeignKey
	seen map[*bunmodel.Field]bool
}

func (c *fkCollector) add(f *bunmodel.Field, target *KnownModel, col, via string) {
	if f == nil || f.PK || c.seen[f] || target == nil {
		return
	}
	tc, ok := target.Fact.Column(col)
	if !ok {
		return
	}
	c.seen[f] = true
	c.out = append(c.out, ForeignKey{Field: f, Target: target, TargetColumn: tc, Via: via})
}
