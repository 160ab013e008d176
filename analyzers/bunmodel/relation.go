package bunmodel

import (
	"fmt"
	"go/types"
	"strings"
)

// Relation kinds, as written in rel: (and "m2m" for m2m:).
const (
	BelongsTo  = "belongs-to"
	HasOne     = "has-one"
	HasMany    = "has-many"
	ManyToMany = "m2m"
)

// Relation is a rel: or m2m: field, resolved the way Bun resolves it on
// first use. Bun checks relations lazily and panics at the first query
// that touches a broken one; Problems lists what would make it panic.
type Relation struct {
	Field *Field
	// Kind is BelongsTo, HasOne, HasMany or ManyToMany; anything else is
	// kept as written (and is a Problem).
	Kind string
	// Target is the related struct's table; nil when the field's type is
	// not what the kind needs (also a Problem).
	Target *Table
	// Join holds the join: pairs as written ("base=join"); for m2m they
	// name Go fields of the join model.
	Join []JoinPair
	// BaseColumns and TargetColumns are the resolved join columns (for
	// belongs-to, has-one and has-many), with and without join:.
	BaseColumns, TargetColumns []*Field
	// M2MTable is the m2m: join table name.
	M2MTable string
	// ImplicitPK reports a belongs-to without join: whose model has no
	// <field>_<pk> column, so Bun joins on the model's own pk column:
	// "Author *User" with no author_id joins users.id = this.id.
	ImplicitPK bool
	// Problems are the reasons Bun would panic.
	Problems []string
}

// JoinPair is one base=join item of a join: option.
type JoinPair struct{ Base, Join string }

func (r *Reader) initRelations(t *Table) {
	for _, f := range t.all {
		if f.Relation {
			t.Relations = append(t.Relations, r.relation(t, f))
		}
	}
}

func (r *Reader) relation(t *Table, f *Field) *Relation {
	rel := &Relation{Field: f}
	if kind, ok := f.Tag.Option("rel"); ok {
		rel.Kind = kind
	} else {
		rel.Kind = ManyToMany
		rel.M2MTable, _ = f.Tag.Option("m2m")
	}
	if js, ok := f.Tag.Options["join"]; ok {
		pairs, err := parseJoin(js)
		if err != nil {
			rel.Problems = append(rel.Problems, err.Error())
		}
		rel.Join = pairs
	}
	switch rel.Kind {
	case BelongsTo, HasOne:
		rel.Target = r.tableOf(f.Type)
		if rel.Target == nil {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s relation needs a struct or pointer to struct, got %s", rel.Kind, typeString(f.Type)))
			return rel
		}
	case HasMany, ManyToMany:
		elem := sliceElem(f.Type)
		if elem == nil {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s relation requires a slice, got %s", rel.Kind, typeString(f.Type)))
			return rel
		}
		rel.Target = r.tableOf(elem)
		if rel.Target == nil {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s relation needs a slice of structs, got %s", rel.Kind, typeString(f.Type)))
			return rel
		}
	default:
		rel.Problems = append(rel.Problems, fmt.Sprintf("unknown relation rel:%s (want belongs-to, has-one or has-many)", rel.Kind))
		return rel
	}
	switch rel.Kind {
	case BelongsTo:
		r.resolveBelongsTo(t, rel)
	case HasOne, HasMany:
		r.resolveHas(t, rel)
	case ManyToMany:
		if len(t.PKs()) == 0 {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s has no primary key", t.TypeName))
		}
		if len(rel.Target.PKs()) == 0 {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s has no primary key", rel.Target.TypeName))
		}
		if rel.M2MTable == "" {
			rel.Problems = append(rel.Problems, "m2m: names no join table")
		}
	}
	return rel
}

func (r *Reader) resolveBelongsTo(t *Table, rel *Relation) {
	target, f := rel.Target, rel.Field
	if len(target.PKs()) == 0 {
		rel.Problems = append(rel.Problems, fmt.Sprintf("%s has no primary key", target.TypeName))
		return
	}
	for _, opt := range []string{"on_update", "on_delete"} {
		if len(f.Tag.Options[opt]) > 1 {
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s is given %d times; a belongs-to relation takes it once", opt, len(f.Tag.Options[opt])))
		}
	}
	if rel.Join != nil {
		for _, p := range rel.Join {
			r.joinPair(t, rel, p)
		}
		return
	}
	prefix := underscore(f.GoName) + "_"
	for _, pk := range target.PKs() {
		rel.TargetColumns = append(rel.TargetColumns, pk)
		if fk := t.Field(prefix + pk.Name); fk != nil {
			rel.BaseColumns = append(rel.BaseColumns, fk)
			continue
		}
		if fk := t.Field(pk.Name); fk != nil {
			rel.BaseColumns = append(rel.BaseColumns, fk)
			rel.ImplicitPK = true
			continue
		}
		rel.Problems = append(rel.Problems, fmt.Sprintf("%s must have column %s (to override, use join:base_column=join_column)", t.TypeName, prefix+pk.Name))
	}
}

func (r *Reader) resolveHas(t *Table, rel *Relation) {
	target := rel.Target
	pks := t.PKs()
	if len(pks) == 0 {
		rel.Problems = append(rel.Problems, fmt.Sprintf("%s has no primary key", t.TypeName))
		return
	}
	// Only has-many reads polymorphic; has-one takes a "type" join pair
	// as an ordinary column pair.
	_, polymorphic := rel.Field.Tag.Option("polymorphic")
	polymorphic = polymorphic && rel.Kind == HasMany
	prefix := underscore(t.ModelName) + "_"
	typeColumn := "" // with join:, only a type=<column> pair names it
	if rel.Join != nil {
		for _, p := range rel.Join {
			if polymorphic && p.Base == "type" {
				typeColumn = p.Join
				continue
			}
			r.joinPair(t, rel, p)
		}
	} else {
		typeColumn = prefix + "type"
		for _, pk := range pks {
			rel.BaseColumns = append(rel.BaseColumns, pk)
			if fk := target.Field(prefix + pk.Name); fk != nil {
				rel.TargetColumns = append(rel.TargetColumns, fk)
				continue
			}
			if fk := target.Field(pk.Name); fk != nil {
				rel.TargetColumns = append(rel.TargetColumns, fk)
				continue
			}
			rel.Problems = append(rel.Problems, fmt.Sprintf("%s must have column %s (to override, use join:base_column=join_column)", target.TypeName, prefix+pk.Name))
		}
	}
	switch {
	case polymorphic && typeColumn == "":
		rel.Problems = append(rel.Problems, "polymorphic with join: needs a join:type=<column> pair naming the type column")
	case polymorphic && target.Field(typeColumn) == nil:
		rel.Problems = append(rel.Problems, fmt.Sprintf("%s must have polymorphic column %s", target.TypeName, typeColumn))
	}
}

func (r *Reader) joinPair(t *Table, rel *Relation, p JoinPair) {
	base, join := t.Field(p.Base), rel.Target.Field(p.Join)
	if base == nil {
		rel.Problems = append(rel.Problems, fmt.Sprintf("join:%s=%s: %s has no column %s", p.Base, p.Join, t.TypeName, p.Base))
	}
	if join == nil {
		rel.Problems = append(rel.Problems, fmt.Sprintf("join:%s=%s: %s has no column %s", p.Base, p.Join, rel.Target.TypeName, p.Join))
	}
	if base != nil && join != nil {
		rel.BaseColumns = append(rel.BaseColumns, base)
		rel.TargetColumns = append(rel.TargetColumns, join)
	}
}

// parseJoin is Bun's parseRelationJoin, returning an error where Bun
// panics.
func parseJoin(values []string) ([]JoinPair, error) {
	items := values
	if len(values) == 1 {
		items = strings.Split(values[0], ",")
	}
	pairs := make([]JoinPair, 0, len(items))
	for _, item := range items {
		base, join, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok || strings.Contains(join, "=") {
			return pairs, fmt.Errorf("cannot parse join:%s: want base_column=join_column", item)
		}
		pairs = append(pairs, JoinPair{Base: base, Join: join})
	}
	return pairs, nil
}

// sliceElem returns the element type of a slice (or pointer to slice).
func sliceElem(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		return s.Elem()
	}
	return nil
}

func typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
