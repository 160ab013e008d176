package bunmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strconv"
)

// This file decides which struct types of a package are models (tables).
// Lint, the index rules and drift all ask it, so they agree on what a
// model is.
//
// Bun itself maps any struct it is handed: a table is whatever the code
// passes to Model, NewCreateTable, RegisterModel or reaches through a
// relation. So the evidence, per struct type of the package:
//
//   - it embeds bun.BaseModel itself (the model declares it), or through
//     an embedded struct that is not a model of its own (a mixin such as
//     an IDBase holding bun.BaseModel, id and timestamps);
//   - or the package's code uses it as a model: Model(...), RegisterModel,
//     NewValues, or as the target of a relation of one of its models;
//   - or the configuration says every struct with bun tags is a model
//     (models: {tagged: true}).
//
// Left out, each with its reason: structs only ever embedded (mixins),
// structs that embed another model and are never used as one (scan and
// view structs: Bun would ignore the inner BaseModel's table name), structs
// extending another model (the same table), structs stored as JSON in a
// model's column, and structs with bun tags and no evidence. Evidence is
// taken from the type's own package only: lint sees one package at a time,
// and drift must agree with it.

// Verdict is the decision on one struct type.
type Verdict struct {
	Obj   *types.TypeName
	Table *Table
	// Model reports a table; Reason says why it is one, or why not.
	Model  bool
	Reason string
}

// DiscoverOptions are the configurable parts of discovery.
type DiscoverOptions struct {
	// Tagged counts every struct with bun tags as a model unless it is
	// only embedded or stored as JSON.
	Tagged bool
}

// Discover decides, for every named struct type declared in files (which
// info describes) that embeds bun.BaseModel or has a bun tag, whether it is
// a model. The verdicts follow source order.
func Discover(fset *token.FileSet, files []*ast.File, info *types.Info, reader *Reader, opts DiscoverOptions) []Verdict {
	d := &discoverer{fset: fset, info: info, reader: reader, opts: opts,
		embeddedBy: map[*types.TypeName]string{}, extendedBy: map[*types.TypeName]string{}, json: map[*types.TypeName]string{},
		uses: map[*types.TypeName]string{}, verdicts: map[*types.TypeName]*Verdict{}}
	var order []*types.TypeName
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			// No type is declared inside a type declaration, nor any
			// code: this and the walks below skip them, most of a models
			// package's syntax.
			if ts.Assign.IsValid() {
				return false
			}
			tn, ok := info.Defs[ts.Name].(*types.TypeName)
			if !ok {
				return false
			}
			if named, ok := tn.Type().(*types.Named); ok {
				if _, ok := named.Underlying().(*types.Struct); ok {
					order = append(order, tn)
				}
			}
			return false
		})
	}
	d.local = map[*types.TypeName]bool{}
	for _, tn := range order {
		d.local[tn] = true
	}
	for _, tn := range order {
		d.structUses(tn)
	}
	d.initializers(files)
	for _, f := range files {
		d.codeUses(f)
	}
	var out []Verdict
	for _, tn := range order {
		if v := d.verdict(tn); v != nil {
			out = append(out, *v)
		}
	}
	return out
}

type discoverer struct {
	fset   *token.FileSet
	info   *types.Info
	reader *Reader
	opts   DiscoverOptions
	local  map[*types.TypeName]bool
	// embeddedBy, json and uses map a struct to the first place that
	// embeds it, stores it as JSON or uses it as a model.
	embeddedBy, json, uses map[*types.TypeName]string
	// extendedBy maps a struct to one that embeds it by value and adds
	// columns of its own: the shape of a mixin and its table.
	extendedBy map[*types.TypeName]string
	verdicts   map[*types.TypeName]*Verdict
	deciding   map[*types.TypeName]bool
	// inits are the variables' initializers (see initializers).
	inits map[types.Object]ast.Expr
}

func (d *discoverer) note(m map[*types.TypeName]string, tn *types.TypeName, why string) {
	if tn != nil && d.local[tn] {
		if _, ok := m[tn]; !ok {
			m[tn] = why
		}
	}
}

// structUses records what the fields of struct tn embed and hold.
func (d *discoverer) structUses(tn *types.TypeName) {
	named := tn.Type().(*types.Named)
	st := named.Underlying().(*types.Struct)
	table := d.reader.Table(named)
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		held := namedStruct(v.Type())
		if held == nil {
			continue
		}
		tag := reflect.StructTag(st.Tag(i)).Get("bun")
		switch {
		case v.Anonymous():
			d.note(d.embeddedBy, held, tn.Name())
			if _, ptr := types.Unalias(v.Type()).(*types.Pointer); !ptr && addsColumns(st) {
				d.note(d.extendedBy, held, tn.Name())
			}
		case tag == "-" || !v.Exported() || table == nil || table.BaseModel == nil && !hasOwnBunTags(st):
		case table != nil && table.FieldByGoName(v.Name()) != nil && table.FieldByGoName(v.Name()).Relation:
			d.note(d.uses, held, "the target of relation "+tn.Name()+"."+v.Name())
		default:
			d.note(d.json, held, tn.Name()+"."+v.Name())
		}
	}
}

// bunPkg is the module path of Bun's query builders.
const bunPkg = "github.com/uptrace/bun"

// codeUses records the structs that f hands to Bun as models.
func (d *discoverer) codeUses(f *ast.File) {
	// Values of range loops over literal lists ([]any{(*A)(nil), ...})
	// stand for each element.
	ranged := map[types.Object][]ast.Expr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.TypeSpec); ok {
			return false
		}
		if rs, ok := n.(*ast.RangeStmt); ok {
			if id, ok := rs.Value.(*ast.Ident); ok {
				if obj := d.info.ObjectOf(id); obj != nil {
					ranged[obj] = d.literalElems(rs.X)
				}
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			_, isType := n.(*ast.TypeSpec)
			return !isType
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		fn, ok := d.info.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != bunPkg {
			return true
		}
		switch fn.Name() {
		case "Model", "RegisterModel", "NewValues":
		default:
			return true
		}
		for _, arg := range call.Args {
			args := []ast.Expr{arg}
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if elems, ok := ranged[d.info.ObjectOf(id)]; ok {
					args = elems
				}
			}
			for _, a := range args {
				d.note(d.uses, namedStruct(d.info.TypeOf(a)), fn.Name()+"(...) at "+d.position(a.Pos()))
			}
		}
		return true
	})
}

// literalElems returns the elements of a composite literal, or of the
// literal a variable is initialised with.
func (d *discoverer) literalElems(x ast.Expr) []ast.Expr {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if init, ok := d.inits[d.info.ObjectOf(id)]; ok && init != x {
			return d.literalElems(init)
		}
		return nil
	}
	if cl, ok := x.(*ast.CompositeLit); ok {
		return cl.Elts
	}
	return nil
}

// initializers records the expression each variable of the files is
// declared with (var x = e, x := e), for literalElems: types.Info does not
// keep it, and the parser may not resolve objects.
func (d *discoverer) initializers(files []*ast.File) {
	d.inits = map[types.Object]ast.Expr{}
	add := func(names []ast.Expr, values []ast.Expr) {
		if len(names) != len(values) {
			return
		}
		for i, n := range names {
			if id, ok := n.(*ast.Ident); ok {
				if obj := d.info.Defs[id]; obj != nil {
					d.inits[obj] = values[i]
				}
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				return false
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					add(n.Lhs, n.Rhs)
				}
			case *ast.ValueSpec:
				names := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					names[i] = id
				}
				add(names, n.Values)
			}
			return true
		})
	}
}

func (d *discoverer) position(pos token.Pos) string {
	p := d.fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// verdict decides tn, once; cycles (a struct embedding itself through a
// pointer) end as "not a model".
func (d *discoverer) verdict(tn *types.TypeName) *Verdict {
	if v, ok := d.verdicts[tn]; ok {
		return v
	}
	if d.deciding == nil {
		d.deciding = map[*types.TypeName]bool{}
	}
	if d.deciding[tn] {
		return nil
	}
	d.deciding[tn] = true
	defer delete(d.deciding, tn)
	v := d.decide(tn)
	d.verdicts[tn] = v
	return v
}

func (d *discoverer) decide(tn *types.TypeName) *Verdict {
	named := tn.Type().(*types.Named)
	table := d.reader.Table(named)
	if table == nil || table.BaseModel == nil && !hasOwnBunTags(named.Underlying().(*types.Struct)) {
		return nil
	}
	v := &Verdict{Obj: tn, Table: table}
	used, isUsed := d.uses[tn]
	yes := func(why string) *Verdict { v.Model, v.Reason = true, why; return v }
	no := func(why string) *Verdict { v.Reason = why; return v }
	if isUsed {
		return yes("used as a model: " + used)
	}
	bm := table.BaseModel
	switch {
	case bm != nil && len(bm.Path) == 0:
		if by, ok := d.extendedBy[tn]; ok && bm.Tag.Name == "" && !bm.Tag.HasOption("table") {
			// A bun.BaseModel holder without a table name that another
			// struct embeds and adds columns to is that table's mixin; a
			// wrapper adding none (PostDraft{*Post}) leaves it a model.
			return no("embedded by " + by + ", which adds its own columns, and never used as a model itself (a mixin)")
		}
		return yes("embeds bun.BaseModel")
	case bm != nil:
		outer := namedStruct(bm.Path[0].Type())
		if outer != nil && d.local[outer] {
			if ov := d.verdict(outer); ov != nil && ov.Model {
				switch tag := embedTag(named, bm.Path[0]); {
				case tag.HasOption("extend") || tag.HasOption("inherit"):
					return yes("extends model " + outer.Name())
				case !tag.IsZero():
					// extend misspelt is still meant as a model.
					return yes("embeds model " + outer.Name() + " with a bun tag")
				}
				return no("embeds model " + outer.Name() + " but is never used as a model in its package (a scan or view struct; Bun would name its table after " + tn.Name() + ")")
			}
		} else if outer != nil && isDeclaredModel(outer) {
			return no("embeds model " + outer.Name() + " but is never used as a model in its package (a scan or view struct)")
		}
		return yes("embeds bun.BaseModel through " + bm.Path[0].Name())
	}
	if by, ok := d.embeddedBy[tn]; ok {
		return no("embedded by " + by + " (a mixin): its columns belong to that table")
	}
	if in, ok := d.json[tn]; ok {
		return no("stored as JSON in " + in)
	}
	if d.opts.Tagged {
		return yes("has bun tags (models: tagged)")
	}
	return no("has bun tags but its package never uses it as a model (Model, NewCreateTable, RegisterModel or a relation); set models: {tagged: true} in .schemalint.yml to count every tagged struct")
}

// isDeclaredModel reports, for a struct of another package, whether it
// declares bun.BaseModel with a table name: a model there.
func isDeclaredModel(tn *types.TypeName) bool {
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Anonymous() && f.Name() == "BaseModel" && isBunBaseModel(f.Type()) {
			tag := ParseTag(reflect.StructTag(st.Tag(i)).Get("bun"))
			return tag.Name != "" || tag.HasOption("table")
		}
	}
	return false
}

// embedTag returns the bun tag of the embedded field f of named.
func embedTag(named *types.Named, f *types.Var) Tag {
	st := named.Underlying().(*types.Struct)
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return ParseTag(reflect.StructTag(st.Tag(i)).Get("bun"))
		}
	}
	return Tag{}
}

// addsColumns reports whether a struct declares a column of its own: an
// exported field (Bun maps untagged ones too) that is not a relation,
// scanonly or "-".
func addsColumns(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		raw := reflect.StructTag(st.Tag(i)).Get("bun")
		if f := st.Field(i); raw == "-" || f.Anonymous() || !f.Exported() {
			continue
		}
		tag := ParseTag(raw)
		if !tag.HasOption("scanonly") && !tag.HasOption("rel") && !tag.HasOption("m2m") && !tag.HasOption("embed") {
			return true
		}
	}
	return false
}

// hasOwnBunTags reports whether a struct declares a field with a bun tag
// other than "-".
func hasOwnBunTags(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if tag, ok := reflect.StructTag(st.Tag(i)).Lookup("bun"); ok && tag != "-" {
			return true
		}
	}
	return false
}

// namedStruct returns the named struct type t holds, through pointers,
// slices, arrays and map values; nil for anything else.
func namedStruct(t types.Type) *types.TypeName {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); ok {
				return u.Obj()
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}
