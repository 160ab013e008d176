package load

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
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
	// Excluded lists the structs with bun tags that are not models, each
	// with the reason, for -v.
	Excluded []string `json:"excluded,omitempty"`
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

// discover finds the model types of the packages as lint does
// (bunmodel.Discover, with each package's configuration), leaving out
// with a note the models the generated program cannot use: unexported
// types (it cannot import them), generic types and types of package main.
// Positions are made relative to dir.
func discover(pkgs []*packages.Package, fset *token.FileSet, dir string) (*discovery, error) {
	d := &discovery{Sources: drift.Sources{Models: map[string]*drift.ModelSource{}}}
	reader := bunmodel.NewReader()
	rel := func(pos token.Pos) drift.Position {
		p := fset.Position(pos)
		file := p.Filename
		if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
			file = filepath.ToSlash(r)
		}
		return drift.Position{File: file, Line: p.Line, Column: p.Column}
	}
	for _, p := range pkgs {
		opts, err := bunmodel.OptionsFor(packageDir(p))
		if err != nil {
			return nil, err
		}
		for _, v := range bunmodel.Discover(fset, p.Syntax, p.TypesInfo, reader, opts) {
			tn, table := v.Obj, v.Table
			where := fmt.Sprintf("%s.%s", p.PkgPath, tn.Name())
			if !v.Model {
				d.Excluded = append(d.Excluded, fmt.Sprintf("%s is not a model: %s", where, v.Reason))
				continue
			}
			named := tn.Type().(*types.Named)
			switch {
			case tn.Parent() != tn.Pkg().Scope():
				d.Notes = append(d.Notes, fmt.Sprintf("model %s is not compared: it is declared inside a function, and the program schemalint builds cannot name it", where))
				continue
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
			d.Models = append(d.Models, model{Package: p.PkgPath, Name: tn.Name(), Dir: packageDir(p)})
			src := &drift.ModelSource{Package: p.PkgPath, Name: tn.Name(), Pos: rel(tn.Pos()),
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
	return d, nil
}

// discoveryKey is the part of a cache key that the configuration of
// discovery (models: in each package's .schemalint.yml) decides.
func (l *listing) discoveryKey() (string, error) {
	var local []*listedPackage
	for _, p := range l.pkgs {
		if l.local(p) {
			local = append(local, p)
		}
	}
	// In import path order: a listing of more patterns (Desired's)
	// orders the same packages otherwise.
	slices.SortFunc(local, func(a, b *listedPackage) int { return strings.Compare(a.ImportPath, b.ImportPath) })
	var b strings.Builder
	for _, p := range local {
		opts, err := bunmodel.OptionsFor(p.Dir)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s=%v;", p.ImportPath, opts.Tagged)
	}
	return b.String(), nil
}

func packageDir(p *packages.Package) string {
	if len(p.GoFiles) > 0 {
		return filepath.Dir(p.GoFiles[0])
	}
	return ""
}
