package lint

import (
	"go/types"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/jinzhu/inflection"
	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
)

// Keys is the analyzer that indexes a package's models once for all rules:
// the models it can see, and every local model's foreign keys. Rules read
// it through Pass.KnownModels, Pass.ForeignKeys and Pass.ForeignKeysOf.
// Doing this per rule made linting quadratic in the number of models.
var Keys = &analysis.Analyzer{
	Name:       "schemalint_keys",
	Doc:        "indexes models and their foreign keys for schemalint's rules",
	Requires:   []*analysis.Analyzer{bunmodel.Analyzer},
	Run:        runKeys,
	ResultType: reflect.TypeFor[*KeyIndex](),
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
	// cfg declares foreign keys by column name (foreign_keys:).
	cfg *config.Config
}

func runKeys(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[bunmodel.Analyzer].(*bunmodel.Result)
	n := len(res.Models) + len(res.Imported)
	x := &KeyIndex{byTable: make(map[string]*KnownModel, n), byName: make(map[string]*KnownModel, n),
		byType: make(map[types.Type]*KnownModel, n), fks: make(map[*bunmodel.Model][]ForeignKey, len(res.Models)), plurals: map[string]string{},
		known: make([]*KnownModel, 0, n)}
	if len(res.Models) == 0 && len(res.Imported) == 0 {
		return x, nil
	}
	// An unreadable configuration is reported by the rules (Env).
	x.cfg, _ = bunmodel.ConfigFor(packageDir(pass))
	if x.cfg == nil {
		x.cfg = &config.Config{}
	}
	for _, m := range res.Models {
		x.add(&KnownModel{TypeName: m.Obj.Name(), Pkg: pass.Pkg.Path(), Table: m.Name, Alias: m.Alias, Local: m, Fact: m.Fact, Obj: m.Obj})
	}
	for _, im := range res.Imported {
		x.add(&KnownModel{TypeName: im.Obj.Name(), Pkg: im.Obj.Pkg().Path(), Table: im.Fact.Table, Alias: im.Fact.Alias, Fact: im.Fact, Obj: im.Obj})
	}
	locals := make([]*bunmodel.Table, len(res.Models))
	for i, m := range res.Models {
		locals[i] = m.Table
	}
	has := indexHas(locals)
	// Each model's foreign keys read only what is indexed above (and
	// the locked plurals): the models are split between the cores, as
	// every rule waits for this index.
	fks := make([][]ForeignKey, len(res.Models))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(res.Models)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(res.Models); i += workers {
				fks[i] = x.foreignKeys(res.Models[i].Table, has)
			}
		})
	}
	wg.Wait()
	for i, m := range res.Models {
		x.fks[m] = fks[i]
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

// naturalKey reports whether the target table has a column of the
// column's own name (aws_vpc.vpc_id for a vpc_id): the name then points at
// that column, an identifier from elsewhere, not at the primary key.
func naturalKey(target *KnownModel, column string) bool {
	c, ok := target.Fact.Column(column)
	return ok && !c.PK
}

// declared returns what foreign_keys: says a column references, or "".
func (x *KeyIndex) declared(column string) string {
	if x.cfg == nil {
		return ""
	}
	return x.cfg.ForeignKeyFor(column)
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

// foreignKeys finds the foreign keys of table t: the join columns of its
// belongs-to relations, the columns has-one and has-many relations (of
// the tables indexed in has) join on, and "<model>_id" columns named after
// a known model.
func (x *KeyIndex) foreignKeys(t *bunmodel.Table, has map[*types.Named][]hasRel) []ForeignKey {
	var out []ForeignKey
	seen := map[*bunmodel.Field]bool{}
	add := func(f *bunmodel.Field, target *KnownModel, col, via string) {
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
	// A column a relation of the model joins on is what that relation
	// says, not what its name suggests: join:vpc_id=vpc_id joins the
	// target's vpc_id, not its primary key.
	joined := map[*bunmodel.Field]bool{}
	for _, rel := range t.Relations {
		for _, c := range rel.BaseColumns {
			joined[c] = true
		}
	}
	for _, rel := range t.Relations {
		if rel.Kind != bunmodel.BelongsTo || rel.Target == nil || len(rel.Problems) > 0 {
			continue
		}
		target := x.modelOfTable(rel.Target)
		for i, base := range rel.BaseColumns {
			add(base, target, rel.TargetColumns[i].Name, bunmodel.BelongsTo)
		}
	}
	if t.Type != nil {
		for _, h := range has[t.Type] {
			target := x.modelOfTable(h.owner)
			for i, col := range h.rel.TargetColumns {
				add(t.Field(col.Name), target, h.rel.BaseColumns[i].Name, h.rel.Kind)
			}
		}
	}
	for _, f := range t.Fields {
		if ref := x.declared(f.Name); ref != "" {
			// foreign_keys: in the configuration decides, over the name.
			var target *KnownModel
			switch ref {
			case "none":
				continue
			case "self":
				target = x.modelOfTable(t)
			default:
				target = x.byTable[ref]
			}
			if target != nil {
				if pk, ok := target.PK(); ok {
					add(f, target, pk.Name, "configuration")
				}
			}
			continue
		}
		prefix, ok := strings.CutSuffix(f.Name, "_id")
		if !ok || prefix == "" || joined[f] {
			continue
		}
		if target := x.forPrefix(prefix); target != nil && target.Table != t.Name && !naturalKey(target, f.Name) {
			if pk, ok := target.PK(); ok {
				add(f, target, pk.Name, "name")
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return indexLess(out[i].Field.Index, out[j].Field.Index) })
	return out
}
