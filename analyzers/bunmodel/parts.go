package bunmodel

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Part is a struct type whose bun tags shape the package's models: a
// model itself, or a struct that a model embeds (anonymously or with
// embed:), at any depth. Rules that judge the tags or columns of a struct
// walk parts rather than models, so that a base struct shared by ten
// models is judged once, where it is declared, and not once per model.
type Part struct {
	// Table is Bun's view of the struct on its own (for a generic type,
	// of its declaration).
	Table *Table
	// Struct is the struct type; for a generic type, the declaration's,
	// whose fields are the ones written in the source.
	Struct *types.Struct
	// Name names the struct: its type name, or "Model.Field" for an
	// unnamed struct type used with embed:.
	Name string
	// Model is the first model, in source order, that uses the part;
	// findings about the part are attributed to it for exclusions.
	Model *Model
	// Via is nil for a struct declared in this package. For a struct of
	// another package it is the field of this package that brings it in:
	// the only line here a finding about the struct can point at.
	Via *types.Var
}

// Local reports whether the part is declared in the package analysed.
func (p *Part) Local() bool { return p.Via == nil }

// Parts returns the package's models and the structs they embed, each
// once, models first in source order, then embedded structs in the order
// they are reached. Rules share the slice: they must not change it.
func (r *Result) Parts() []*Part {
	r.partsOnce.Do(func() { r.parts = r.findParts() })
	return r.parts
}

func (r *Result) findParts() []*Part {
	var parts []*Part
	var seen typeutil.Map
	var visit func(t types.Type, name string, m *Model, via *types.Var)
	visit = func(t types.Type, name string, m *Model, via *types.Var) {
		if n, ok := t.(*types.Named); ok {
			t = n.Origin()
		}
		if seen.At(t) != nil {
			return
		}
		seen.Set(t, true)
		st := t.Underlying().(*types.Struct)
		parts = append(parts, &Part{Table: r.Reader.TableOf(t), Struct: st, Name: name, Model: m, Via: via})
		for i := 0; i < st.NumFields(); i++ {
			v := st.Field(i)
			sub, ok := embeddedStruct(v, st.Tag(i))
			if !ok {
				continue
			}
			subName, local := v.Name(), v.Pkg() == r.pkg
			if n, ok := sub.(*types.Named); ok {
				subName, local = n.Obj().Name(), n.Obj().Pkg() == r.pkg
			} else {
				subName = name + "." + subName
			}
			subVia := via
			switch {
			case local:
				subVia = nil
			case subVia == nil:
				subVia = v
			}
			visit(sub, subName, m, subVia)
		}
	}
	for _, m := range r.Models {
		visit(m.Obj.Type(), m.Obj.Name(), m, nil)
	}
	return parts
}

// embeddedStruct returns the struct whose fields Bun flattens into the
// struct declaring v: an anonymous struct field other than bun.BaseModel,
// or a field tagged embed:. It follows processFields.
func embeddedStruct(v *types.Var, tag string) (types.Type, bool) {
	bun := reflect.StructTag(tag).Get("bun")
	if bun == "-" || (!v.Exported() && !v.Embedded()) {
		return nil, false
	}
	if v.Embedded() {
		if v.Name() == "BaseModel" && isBunBaseModel(v.Type()) {
			return nil, false
		}
		return structType(v.Type())
	}
	if !strings.Contains(bun, "embed") { // most fields: no need to parse
		return nil, false
	}
	if _, ok := ParseTag(bun).Option("embed"); ok {
		return structType(v.Type())
	}
	return nil, false
}

// AllFields returns every field of the table in Bun's order, relations
// and scanonly fields included (Bun's allFields); Fields holds only the
// columns CREATE TABLE creates.
func (t *Table) AllFields() []*Field { return t.all }
