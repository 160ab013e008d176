package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	pathpkg "path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// IsNamed reports whether t (through aliases) is the named type path.name,
// e.g. IsNamed(t, "time.Time"), IsNamed(t, "github.com/rs/xid.ID").
func IsNamed(t types.Type, qualified string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path()+"."+n.Obj().Name() == qualified
}

// Deref returns the element of a pointer type (through aliases), and
// whether t was a pointer.
func Deref(t types.Type) (types.Type, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem(), true
	}
	return t, false
}

// TypeString spells t with package names, as a reader would write it.
func TypeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// FieldNode returns the syntax of f if the model declares it in this
// package.
func (p *Pass) FieldNode(f *bunmodel.Field) *ast.Field {
	if !f.Declared() {
		return nil
	}
	return p.Models.FieldNode(f.Var)
}

// FieldCode is the declaration of a struct field to insert.
type FieldCode struct {
	Name, Type, Tag string
	// Imports are the import paths Type needs.
	Imports []string
}

// AddFieldFix returns a fix inserting a field at the end of a model's
// struct, adding imports the field's type needs.
func (p *Pass) AddFieldFix(m *bunmodel.Model, message string, fields ...FieldCode) (analysis.SuggestedFix, bool) {
	st, ok := m.Spec.Type.(*ast.StructType)
	if !ok || !st.Fields.Closing.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	var b strings.Builder
	var imports []string
	for _, f := range fields {
		// A method of that name (a getter the model implements an
		// interface with) makes the new field a compile error; a
		// promoted field would be shadowed.
		if obj, _, _ := types.LookupFieldOrMethod(m.Obj.Type(), true, m.Obj.Pkg(), f.Name); obj != nil {
			return analysis.SuggestedFix{}, false
		}
		fmt.Fprintf(&b, "\t%s %s `bun:%s`\n", f.Name, f.Type, strconv.Quote(f.Tag))
		imports = append(imports, f.Imports...)
	}
	for _, path := range imports {
		if !p.importable(m.File, path) {
			return analysis.SuggestedFix{}, false
		}
	}
	text := b.String()
	at := lineStart(p.Fset, st.Fields.Closing)
	if !closingOnOwnLine(p, st) {
		// "struct{ X int }": put the new fields on lines of their own.
		at, text = st.Fields.Closing, "\n"+text
	}
	edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}}
	for _, path := range imports {
		edits = append(edits, EnsureImport(m.File, path)...)
	}
	return analysis.SuggestedFix{Message: message, TextEdits: edits}, true
}

func closingOnOwnLine(p *Pass, st *ast.StructType) bool {
	n := len(st.Fields.List)
	if n == 0 {
		return p.Fset.Position(st.Fields.Opening).Line != p.Fset.Position(st.Fields.Closing).Line
	}
	return p.Fset.Position(st.Fields.List[n-1].End()).Line < p.Fset.Position(st.Fields.Closing).Line
}

// importable reports whether the field types may name the package path
// by its own name in file: imported under that name, or not imported and
// the name free in the file and package.
func (p *Pass) importable(file *ast.File, path string) bool {
	name := pathpkg.Base(path)
	for _, imp := range p.Pkg.Imports() {
		if imp.Path() == path {
			name = imp.Name()
		}
	}
	for _, imp := range file.Imports {
		ip, _ := strconv.Unquote(imp.Path.Value)
		used := pathpkg.Base(ip)
		if imp.Name != nil {
			used = imp.Name.Name
		} else if pkg := p.TypesInfo.PkgNameOf(imp); pkg != nil {
			used = pkg.Imported().Name()
		}
		if ip == path {
			return used == name
		}
		if used == name {
			return false
		}
	}
	return p.Pkg.Scope().Lookup(name) == nil
}

// lineStart returns the position of the first column of pos's line.
func lineStart(fset *token.FileSet, pos token.Pos) token.Pos {
	tf := fset.File(pos)
	return tf.LineStart(tf.Line(pos))
}

// EnsureImport returns the edits that import path into file, or none if it
// is imported already.
func EnsureImport(file *ast.File, path string) []analysis.TextEdit {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			return nil
		}
	}
	quoted := strconv.Quote(path)
	std := !strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return []analysis.TextEdit{{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + quoted + "\n")}}
		}
		// Join the group of its kind (gofmt sorts within a group):
		// standard library first, others last.
		for _, spec := range gd.Specs {
			p, _ := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value)
			if isStd := !strings.Contains(strings.SplitN(p, "/", 2)[0], "."); isStd == std {
				return []analysis.TextEdit{{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}}
			}
		}
		if std {
			return []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted + "\n")}}
		}
		return []analysis.TextEdit{{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\n\t" + quoted + "\n")}}
	}
	return []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}}
}

// RemoveTagOption returns a TagFix edit dropping every item with the given
// key from a bun tag value.
func RemoveTagOption(key string) func(string) string {
	return func(bun string) string {
		tag := bunmodel.ParseTag(bun)
		out := bun
		for _, it := range slices.Backward(tag.Items) {
			if it.IsName || it.Key != key {
				continue
			}
			start, end := it.Start, it.End
			if start > 0 && out[start-1] == ',' {
				start-- // drop the comma before it
			} else if end < len(out) && out[end] == ',' {
				end++
			}
			out = out[:start] + out[end:]
		}
		return out
	}
}

// Elem returns t without one level of pointer.
func Elem(t types.Type) types.Type {
	e, _ := Deref(t)
	return e
}
