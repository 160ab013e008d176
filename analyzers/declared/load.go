package declared

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Load loads the packages that patterns match in dir (as go build reads
// them, overlays aside) and returns what they declare: the schema of the
// one package that registers Bun migrations, or, when none does, the
// models of the matched packages that carry //schemalint:index directives
// merged into one schema. Patterns default to ".".
//
// It is an error when no matched package declares anything, when two
// packages register migrations (each is a schema of its own: load them
// one at a time), or when the packages do not compile.
func Load(ctx context.Context, dir string, patterns ...string) (*Schema, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cfg := &packages.Config{Context: ctx, Mode: packages.LoadAllSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	return FromPackages(pkgs)
}

// FromPackages is Load for packages loaded already, with
// packages.LoadAllSyntax (a go/packages Config with an Overlay, say).
func FromPackages(pkgs []*packages.Package) (*Schema, error) {
	schemas, err := Analyze(pkgs)
	if err != nil {
		return nil, err
	}
	return Merge(schemas)
}

// Merge is what FromPackages returns for the schemas Analyze found: the
// one that registers migrations, or the directive schemas merged.
func Merge(schemas []*Schema) (*Schema, error) {
	var migs, dirs []*Schema
	for _, s := range schemas {
		if s.Source == "migrations" {
			migs = append(migs, s)
		} else {
			dirs = append(dirs, s)
		}
	}
	switch {
	case len(migs) == 1:
		return migs[0], nil
	case len(migs) > 1:
		var names []string
		for _, s := range migs {
			names = append(names, s.Package)
		}
		return nil, fmt.Errorf("%d packages register migrations (%s): load one at a time", len(migs), strings.Join(names, ", "))
	case len(dirs) == 0:
		return nil, errors.New("no package registers Bun migrations or declares //schemalint:index directives")
	}
	merged := &Schema{Package: dirs[0].Package, Source: "directives"}
	for _, d := range AllDialects {
		ds := &DialectSchema{Dialect: d}
		for _, s := range dirs {
			ds.Tables = append(ds.Tables, s.For(d).Tables...)
		}
		merged.Dialects = append(merged.Dialects, ds)
	}
	for _, s := range dirs {
		merged.Notes = append(merged.Notes, s.Notes...)
	}
	return merged, nil
}

// Analyze runs the extraction over packages loaded with
// packages.LoadAllSyntax and returns the schema of each root package that
// declares one, in the order of pkgs. Positions refer to the packages'
// file set.
func Analyze(pkgs []*packages.Package) ([]*Schema, error) {
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("packages do not compile:\n\t%s", strings.Join(errs, "\n\t"))
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	byPkg := map[*packages.Package]*Schema{}
	for act := range graph.All() {
		if !act.IsRoot || act.Analyzer != Analyzer {
			continue
		}
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %w", act.Package.PkgPath, act.Err)
		}
		if r, ok := act.Result.(*Result); ok && r.Schema != nil {
			byPkg[act.Package] = r.Schema
		}
	}
	var out []*Schema
	for _, p := range pkgs {
		if s := byPkg[p]; s != nil {
			out = append(out, s)
		}
	}
	return out, nil
}
