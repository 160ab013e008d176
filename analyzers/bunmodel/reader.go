package bunmodel

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

const bunSchemaPkg = "github.com/uptrace/bun/schema"

// Reader computes Bun's view of struct types. It memoizes tables, so one
// Reader should serve a whole package. It is safe for concurrent use: the
// rules of a package share their analyzer's Reader and run in parallel.
type Reader struct {
	mu     sync.Mutex
	tables typeutil.Map // types.Type -> *Table
	// pending are tables whose relations are yet to be resolved, while
	// an outer complete resolves them (see complete).
	pending    []*Table
	completing bool
}

// NewReader returns an empty Reader.
func NewReader() *Reader { return &Reader{} }

// Table returns Bun's view of the named struct type t, or nil when t is
// not a struct. The table of a model is complete, relations included; a
// table reached through a cycle of pointer embeddings may be partial, as it
// is for Bun.
func (r *Reader) Table(t *types.Named) *Table {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.complete(r.inProgress(t))
}

// complete resolves the relations of tab, and of the tables they reach,
// before it returns. A relation needs only its target's fields, so the
// tables reached are queued rather than completed by recursion: a chain
// of 2,000 models (each has-many the next) made a recursion 2,000 calls
// deep, whose stack copies took half of the model reader's time.
func (r *Reader) complete(tab *Table) *Table {
	if tab.done {
		return tab
	}
	tab.done = true
	r.pending = append(r.pending, tab)
	if r.completing {
		return tab // the outer complete resolves it
	}
	r.completing = true
	for len(r.pending) > 0 {
		next := r.pending[0]
		r.pending = r.pending[1:]
		r.initRelations(next)
	}
	r.pending, r.completing = nil, false
	return tab
}

// TableOf is Table for any struct type, named or not: it looks through
// aliases and one pointer, as Bun's indirectType does. It returns nil for
// other types, type parameters included.
func (r *Reader) TableOf(t types.Type) *Table {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tableOf(t)
}

// tableOf is TableOf with the lock held.
func (r *Reader) tableOf(t types.Type) *Table {
	if st, ok := structType(t); ok {
		return r.complete(r.inProgress(st))
	}
	return nil
}

// inProgress mirrors Bun's Tables.InProgress: it returns the table of t,
// processing its fields on first use. Relations are resolved later, by
// Table.
func (r *Reader) inProgress(t types.Type) *Table {
	if v := r.tables.At(t); v != nil {
		return v.(*Table)
	}
	tab := &Table{}
	r.tables.Set(t, tab)
	name := ""
	if n, ok := t.(*types.Named); ok {
		tab.Type = n
		name = reflectName(n)
	}
	tab.TypeName = toExported(name)
	tab.ModelName = underscore(name)
	tab.Alias = tab.ModelName
	tab.fieldMap = map[string]*Field{}
	r.processFields(tab, t.Underlying().(*types.Struct))
	if !tab.nameSet {
		// Bun starts from this default; it is computed last because
		// inflection is slow and most models name their table.
		tab.Name = defaultTableName(name)
	}
	return tab
}

type embeddedField struct {
	prefix   string
	via      *types.Var
	index    []int
	subtable *Table
	subfield *Field
}

// processFields is Bun's Table.processFields.
func (r *Reader) processFields(t *Table, st *types.Struct) {
	var names []string // declared on the struct itself, for the ambiguity check
	var embedded []embeddedField
	unique := map[string][]*Field{}

	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		tagstr := reflect.StructTag(st.Tag(i)).Get("bun")
		if tagstr == "-" {
			names = append(names, v.Name())
			continue
		}
		tag := ParseTag(tagstr)
		if !v.Exported() && !v.Embedded() {
			continue
		}
		if v.Embedded() {
			if v.Name() == "BaseModel" && isBunBaseModel(v.Type()) {
				t.BaseModel = &BaseModel{Var: v, Tag: tag}
				r.processBaseModelTag(t, tag)
				continue
			}
			st, ok := structType(v.Type())
			if !ok { // Bun ignores embedded non-struct types
				continue
			}
			sub := r.inProgress(st)
			for _, sf := range sub.all {
				embedded = append(embedded, embeddedField{via: v, index: []int{i}, subtable: sub, subfield: sf})
			}
			if t.BaseModel == nil && sub.BaseModel != nil {
				t.BaseModel = &BaseModel{Var: sub.BaseModel.Var, Path: append([]*types.Var{v}, sub.BaseModel.Path...), Tag: sub.BaseModel.Tag}
			}
			if tagstr != "" && (tag.HasOption("inherit") || tag.HasOption("extend")) {
				t.Name, t.Alias, t.TypeName, t.ModelName = sub.Name, sub.Alias, sub.TypeName, sub.ModelName
				t.nameSet = true
			}
			continue
		}
		if prefix, ok := tag.Option("embed"); ok {
			st, ok := structType(v.Type())
			if !ok {
				if isTypeParam(v.Type()) {
					continue // known only once instantiated
				}
				// Bun panics: "bun: embed T.F: got K, wanted reflect.Struct".
				t.Problems = append(t.Problems, Problem{Var: v,
					Message: fmt.Sprintf("embed: needs a struct field, but %s is %s; Bun panics on this model", v.Name(), types.TypeString(v.Type(), nil))})
				continue
			}
			sub := r.inProgress(st)
			for _, sf := range sub.all {
				embedded = append(embedded, embeddedField{prefix: prefix, via: v, index: []int{i}, subtable: sub, subfield: sf})
			}
			continue
		}
		f := newField(v, i, tag, tagstr)
		if vs, ok := tag.Options["unique"]; ok {
			addUnique(unique, f, "", vs)
		}
		t.addField(f)
		names = append(names, f.Name)
	}

	// Only unambiguous embedded fields are kept; a field declared on the
	// struct itself always wins. (Most models embed nothing but
	// bun.BaseModel: no maps for them.)
	var ambiguousNames, ambiguousTags map[string]int
	if len(embedded) > 0 {
		ambiguousNames = make(map[string]int, len(names)+len(embedded))
		ambiguousTags = make(map[string]int, len(names)+len(embedded))
		for _, name := range names {
			ambiguousNames[name], ambiguousTags[name] = 1, 1 // once, however often declared
		}
	}
	for _, e := range embedded {
		ambiguousNames[e.prefix+e.subfield.Name]++
		if !e.subfield.Tag.IsZero() {
			ambiguousTags[e.prefix+e.subfield.Name]++
		}
	}
	var dropped []embeddedField
	for _, e := range embedded {
		name := e.prefix + e.subfield.Name
		if ambiguousNames[name] > 1 && (e.subfield.Tag.IsZero() || ambiguousTags[name] != 1) {
			dropped = append(dropped, e)
			continue
		}
		f := e.subfield.clone()
		f.Index = slices.Concat(e.index, f.Index)
		f.Path = append([]*types.Var{e.via}, f.Path...)
		if e.prefix != "" {
			f.Name = e.prefix + f.Name
			f.Prefix = e.prefix + f.Prefix
		}
		t.addField(f)
		if vs, ok := f.Tag.Options["unique"]; ok {
			addUnique(unique, f, e.prefix, vs)
		}
	}
	for _, e := range dropped {
		f := e.subfield.clone()
		f.Index = slices.Concat(e.index, f.Index)
		f.Path = append([]*types.Var{e.via}, f.Path...)
		if e.prefix != "" {
			f.Name = e.prefix + f.Name
			f.Prefix = e.prefix + f.Prefix
		}
		t.Dropped = append(t.Dropped, &Dropped{Field: f, Winner: t.fieldMap[f.Name]})
	}
	if len(embedded) > 0 {
		byIndex := func(a, b *Field) int { return slices.Compare(a.Index, b.Index) }
		slices.SortFunc(t.all, byIndex)
		slices.SortFunc(t.Fields, byIndex)
	}
	t.sortUnique(unique)
	// Bun gives dialect types only to the fields its FieldMap holds; a
	// field another field's column (or alt:) displaced keeps no type, and
	// CREATE TABLE writes none for it.
	mapped := make(map[*Field]bool, len(t.fieldMap))
	for _, f := range t.fieldMap {
		mapped[f] = true
	}
	for _, f := range t.Fields {
		f.unmapped = !mapped[f]
	}
}

// processBaseModelTag is Bun's processBaseModelField for the names.
func (r *Reader) processBaseModelTag(t *Table, tag Tag) {
	if tag.Name != "" {
		t.Name, t.nameSet = tag.Name, true
	}
	if s, ok := tag.Option("table"); ok {
		t.Name, t.nameSet = s, true
	}
	if s, ok := tag.Option("alias"); ok {
		t.Alias = s
	}
}

// newField is Bun's Table.newField, minus what needs reflect.
func newField(v *types.Var, index int, tag Tag, raw string) *Field {
	name := underscore(v.Name())
	if tag.Name != "" && tag.Name != name {
		name = tag.Name
	}
	if s, ok := tag.Option("column"); ok {
		name = s
	}
	f := &Field{
		GoName: v.Name(), Name: name, Var: v, Index: []int{index}, Type: v.Type(),
		Tag: tag, RawTag: raw,
		NotNull:  tag.HasOption("notnull"),
		NullZero: tag.HasOption("nullzero"),
		Identity: tag.HasOption("identity"),
		ScanOnly: tag.HasOption("scanonly"),
		Relation: tag.HasOption("rel") || tag.HasOption("m2m"),
	}
	if tag.HasOption("pk") {
		f.PK, f.NotNull = true, true
	}
	if tag.HasOption("autoincrement") {
		f.AutoIncrement, f.NotNull, f.NullZero = true, true, true
	}
	f.Default, f.HasDefault = tag.Option("default")
	f.UserSQLType, _ = tag.Option("type")
	return f
}

func (f *Field) clone() *Field {
	c := *f
	c.Index = slices.Clip(f.Index)
	c.Path = slices.Clip(f.Path)
	return &c
}

// addField is Bun's Table.addField.
func (t *Table) addField(f *Field) {
	t.all = append(t.all, f)
	if f.Relation {
		return
	}
	t.fieldMap[f.Name] = f
	if alt, ok := f.Tag.Option("alt"); ok {
		t.fieldMap[alt] = f
	}
	if f.ScanOnly {
		return
	}
	if _, ok := f.Tag.Options["soft_delete"]; ok {
		f.SoftDelete = true
		t.SoftDelete = f
	}
	t.Fields = append(t.Fields, f)
}

// addUnique is Bun's Table.addUnique.
func addUnique(groups map[string][]*Field, f *Field, prefix string, values []string) {
	names := values
	if len(values) == 1 {
		names = strings.Split(values[0], ",")
	}
	for _, name := range names {
		if name != "" && prefix != "" {
			name = prefix + name
		}
		groups[name] = append(groups[name], f)
	}
}

// isBunBaseModel reports whether t is bun.BaseModel (an alias of
// schema.BaseModel).
func isBunBaseModel(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "BaseModel" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == bunSchemaPkg
}

// structType returns the struct type behind t (named or not), looking
// through aliases and one pointer, as Bun's indirectType does.
func structType(t types.Type) (types.Type, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if _, ok := t.(*types.TypeParam); ok {
		return nil, false
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil, false
	}
	return t, true
}

func isTypeParam(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	_, ok := t.(*types.TypeParam)
	return ok
}

// reflectName is the name reflect gives a named type: its declared name,
// plus the type arguments spelled with full package paths for an
// instantiated generic ("Page[github.com/x/y.User]").
func reflectName(n *types.Named) string {
	args := n.TypeArgs()
	if args.Len() == 0 {
		return n.Obj().Name()
	}
	parts := make([]string, args.Len())
	for i := range parts {
		parts[i] = types.TypeString(args.At(i), nil)
	}
	return n.Obj().Name() + "[" + strings.Join(parts, ",") + "]"
}
