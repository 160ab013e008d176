package declared

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// pkgSrc is the syntax of one package with its type information: the
// package being analysed, or another package of the same module whose
// functions a migration calls with its database handle.
type pkgSrc struct {
	pkg     *types.Package
	info    *types.Info
	decls   map[*types.Func]*ast.FuncDecl
	globals map[*types.Var]ast.Expr
	consts  map[*types.Const]ast.Expr
	// modRoot is the directory of the go.mod governing the package, ""
	// when unknown.
	modRoot string
}

// SourceFact is exported on every analysed package that imports Bun or
// database/sql. In a driver that analyses all packages in one process
// from source (go/packages loaded with LoadAllSyntax, as schemalint's own
// commands do) it carries the package's syntax, so that a migration can
// follow the helpers of another package of the same module it calls with
// its handle. Across processes (go vet) only Module survives encoding, and
// such calls stay unseen.
type SourceFact struct {
	// Module is the directory of the package's go.mod ("" when unknown).
	Module string
	src    *pkgSrc
}

// AFact marks SourceFact as an analysis fact.
func (*SourceFact) AFact() {}

func (f *SourceFact) String() string { return "source of the package (module " + f.Module + ")" }

// newSrc indexes the package's functions, package-level variables and
// constants with their syntax.
func newSrc(pass *analysis.Pass) *pkgSrc {
	s := &pkgSrc{pkg: pass.Pkg, info: pass.TypesInfo, decls: map[*types.Func]*ast.FuncDecl{},
		globals: map[*types.Var]ast.Expr{}, consts: map[*types.Const]ast.Expr{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
					s.decls[fn] = d
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, n := range vs.Names {
						switch obj := pass.TypesInfo.Defs[n].(type) {
						case *types.Var:
							s.globals[obj] = vs.Values[i]
						case *types.Const:
							s.consts[obj] = vs.Values[i]
						}
					}
				}
			}
		}
	}
	if len(pass.Files) > 0 {
		if tf := pass.Fset.File(pass.Files[0].Pos()); tf != nil {
			s.modRoot = moduleRoot(filepath.Dir(tf.Name()))
		}
	}
	return s
}

var modRoots sync.Map // directory → directory of its go.mod, or ""

// moduleRoot returns the directory of the go.mod governing dir, or "".
func moduleRoot(dir string) string {
	if r, ok := modRoots.Load(dir); ok {
		return r.(string)
	}
	root := ""
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = moduleRoot(parent)
	}
	modRoots.Store(dir, root)
	return root
}

// foreignSrc returns the syntax of the package declaring fn when it is
// another package of the module being analysed and its syntax is at hand;
// nil otherwise (third-party modules, the standard library, drivers that
// do not share syntax).
func (x *extractor) foreignSrc(fn *types.Func) *pkgSrc {
	if fn == nil {
		return nil
	}
	return x.srcOf(fn.Pkg())
}

// srcOf returns the syntax of a package: this one, or another of the
// module (see foreignSrc); nil otherwise.
func (x *extractor) srcOf(pkg *types.Package) *pkgSrc {
	if pkg == nil {
		return nil
	}
	if pkg == x.pass.Pkg {
		return x.own
	}
	if x.own.modRoot == "" {
		return nil
	}
	var f SourceFact
	if !x.pass.ImportPackageFact(pkg, &f) || f.src == nil || f.src.modRoot != x.own.modRoot {
		return nil
	}
	if !slices.Contains(x.followed, f.src) {
		x.followed = append(x.followed, f.src)
	}
	return f.src
}

// funcOf returns the declaration of fn with the package it is written in:
// this package's, or another of the module's (see foreignSrc).
func (x *extractor) funcOf(fn *types.Func) (*ast.FuncDecl, *pkgSrc) {
	if fn == nil {
		return nil, nil
	}
	fn = fn.Origin()
	if d := x.own.decls[fn]; d != nil {
		return d, x.own
	}
	if s := x.foreignSrc(fn); s != nil {
		if d := s.decls[fn]; d != nil {
			return d, s
		}
	}
	return nil, nil
}

// typeAndValue looks an expression up in the type information of this
// package, then of the other packages followed: a builder may be written
// in a helper of another package and executed here.
func (x *extractor) typeAndValue(e ast.Expr) types.TypeAndValue {
	if tv, ok := x.pass.TypesInfo.Types[e]; ok {
		return tv
	}
	for _, s := range x.followed {
		if tv, ok := s.info.Types[e]; ok {
			return tv
		}
	}
	return types.TypeAndValue{}
}

// localInit returns the only value ever assigned to a local variable
// (up := func(...) {...}), or nil when it is assigned more than once or
// not at all.
func (x *extractor) localInit(obj *types.Var) ast.Expr {
	if obj == nil || obj.Pkg() != x.pass.Pkg || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
		return nil
	}
	file := x.fileOf(obj.Pos())
	if file == nil {
		return nil
	}
	info := x.pass.TypesInfo
	var init ast.Expr
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		var lhs, rhs []ast.Expr
		switch s := node.(type) {
		case *ast.AssignStmt:
			lhs, rhs = s.Lhs, s.Rhs
		case *ast.ValueSpec:
			for _, id := range s.Names {
				lhs = append(lhs, id)
			}
			rhs = s.Values
		case *ast.UnaryExpr:
			// &up lets anything assign it.
			if id, ok := ast.Unparen(s.X).(*ast.Ident); ok && s.Op == token.AND && info.Uses[id] == obj {
				n += 2
			}
			return true
		default:
			return true
		}
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || (info.Defs[id] != obj && info.Uses[id] != obj) {
				continue
			}
			n++
			if len(rhs) == len(lhs) {
				init = rhs[i]
			} else {
				init = nil
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return init
}
