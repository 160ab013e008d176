package load

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/drift"
)

// model is a model type the generated program imports.
type model struct {
	Package string `json:"package"`
	Name    string `json:"name"`
	// Dir is the package's directory, for placing the program where it
	// may import internal packages.
	Dir string `json:"dir"`
}

// discovery is what loading the model packages found; it is cached with
// the program built from it.
type discovery struct {
	Models  []model       `json:"models"`
	Sources drift.Sources `json:"sources"`
	Notes   []string      `json:"notes,omitempty"`
}

const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes |
	packages.NeedTypesInfo | packages.NeedSyntax | packages.NeedModule

// loadPackages loads patterns with types and syntax; a package that does
// not compile is a CompileError.
func loadPackages(ctx context.Context, dir string, patterns []string) ([]*packages.Package, *token.FileSet, error) {
	fset := token.NewFileSet()
	cfg := &packages.Config{Context: ctx, Mode: loadMode, Dir: dir, Fset: fset}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	var problems []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			problems = append(problems, e.Error())
		}
	}
	if len(problems) > 0 {
		return nil, nil, &CompileError{Dir: dir, Problems: problems}
	}
	return pkgs, fset, nil
}

// discover finds the model types of the packages:
//
//   - named struct types declared at package level that embed
//     bun.BaseModel (directly or through embedded structs), or that have
//     a field with a bun tag other than "-" (Bun maps those too, naming
//     the table after the type);
//   - except structs that other structs of the packages embed, or keep
//     in a field Bun stores as JSON (a struct, slice or map field that is
//     not a relation): those are parts of tables, not tables, unless
//     their BaseModel tag names a table;
//   - unexported types (the generated program cannot import them),
//     generic types and types of package main are left out with a note.
//
// Positions are made relative to dir.
func discover(pkgs []*packages.Package, fset *token.FileSet, dir string) *discovery {
	d := &discovery{Sources: drift.Sources{Models: map[string]*drift.ModelSource{}}}
	reader := bunmodel.NewReader()
	embedded, jsonValue := usages(pkgs, reader)
	rel := func(pos token.Pos) drift.Position {
		p := fset.Position(pos)
		file := p.Filename
		if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
			file = filepath.ToSlash(r)
		}
		return drift.Position{File: file, Line: p.Line, Column: p.Column}
	}
	for _, p := range pkgs {
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			st, ok := named.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			table := reader.Table(named)
			if table == nil || !table.IsModel() && !hasBunTags(st) {
				continue
			}
			explicit := table.BaseModel != nil && (table.BaseModel.Tag.Name != "" || table.BaseModel.Tag.HasOption("table"))
			if !explicit && (embedded[tn] || jsonValue[tn]) {
				continue
			}
			where := fmt.Sprintf("%s.%s", p.PkgPath, name)
			switch {
			case !tn.Exported():
				d.Notes = append(d.Notes, fmt.Sprintf("model %s is not compared: it is unexported, and the program schemalint builds cannot import it", where))
				continue
			case named.TypeParams().Len() > 0:
				d.Notes = append(d.Notes, fmt.Sprintf("model %s is not compared: it is generic", where))
				continue
			case p.Name == "main":
				d.Notes = append(d.Notes, fmt.Sprintf("model %s is not compared: package main cannot be imported", where))
				continue
			}
			d.Models = append(d.Models, model{Package: p.PkgPath, Name: name, Dir: packageDir(p)})
			src := &drift.ModelSource{Package: p.PkgPath, Name: name, Pos: rel(tn.Pos()),
				Columns: map[string]drift.Position{}, Fields: map[string]drift.Position{}}
			for _, f := range table.Fields {
				src.Columns[f.Name] = rel(f.Var.Pos())
			}
			for _, r := range table.Relations {
				src.Fields[r.Field.GoName] = rel(r.Field.Var.Pos())
			}
			d.Sources.Models[where] = src
		}
	}
	sort.Slice(d.Models, func(i, j int) bool {
		if d.Models[i].Package != d.Models[j].Package {
			return d.Models[i].Package < d.Models[j].Package
		}
		return d.Models[i].Name < d.Models[j].Name
	})
	return d
}

func packageDir(p *packages.Package) string {
	if len(p.GoFiles) > 0 {
		return filepath.Dir(p.GoFiles[0])
	}
	return ""
}

// hasBunTags reports whether a struct declares a field with a bun tag
// that does not just say "-".
func hasBunTags(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if tag, ok := reflect.StructTag(st.Tag(i)).Lookup("bun"); ok && tag != "-" {
			return true
		}
	}
	return false
}

// usages finds the struct types that the packages' structs embed, and
// those that their Bun models (and bun-tagged structs) hold in fields Bun
// stores as JSON: exported fields that are not relations.
func usages(pkgs []*packages.Package, reader *bunmodel.Reader) (embedded, jsonValue map[*types.TypeName]bool) {
	embedded, jsonValue = map[*types.TypeName]bool{}, map[*types.TypeName]bool{}
	for _, p := range pkgs {
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			named, ok := types.Unalias(tn.Type()).(*types.Named)
			if !ok {
				continue
			}
			s, ok := named.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			table := reader.Table(named)
			bunStruct := table != nil && (table.IsModel() || hasBunTags(s))
			for i := 0; i < s.NumFields(); i++ {
				v := s.Field(i)
				held := structName(v.Type())
				if held == nil {
					continue
				}
				tag := reflect.StructTag(s.Tag(i)).Get("bun")
				switch {
				case v.Anonymous():
					embedded[held] = true
				case !bunStruct || tag == "-" || strings.Contains(tag, "rel:") || strings.Contains(tag, "m2m:"):
				case v.Exported():
					jsonValue[held] = true
				}
			}
		}
	}
	return embedded, jsonValue
}

// structName returns the named struct type a field holds, through
// pointers, slices, arrays and map values; nil for anything else.
func structName(t types.Type) *types.TypeName {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Map:
			t = u.Elem()
			continue
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); ok {
				return u.Obj()
			}
		}
		return nil
	}
}
