package bunmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Analyzer finds the Bun models of a package, as Discover decides them
// (structs embedding bun.BaseModel, structs the package uses as models,
// and with models: {tagged: true} every struct with bun tags). Its result is
// a *Result; it exports a *ModelFact on each model's type name so packages
// importing the models (migrations) can see them.
var Analyzer = &analysis.Analyzer{
	Name:       "bunmodel",
	Doc:        "reads Bun models (structs embedding bun.BaseModel or used as models) as Bun's reflection would",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*ModelFact)(nil)},
}

// Result is what Analyzer found in one package.
type Result struct {
	// Models are the package's models, in source order.
	Models []*Model
	// Reader is the reader that read them; use it for relation targets
	// and embedded structs so tables are computed once.
	Reader *Reader
	// Imported are the models of the packages this one depends on, as
	// their facts describe them, by package path and name.
	Imported []Imported
	// Verdicts are the decisions on every struct type of the package
	// that embeds bun.BaseModel or has bun tags: the models, and the
	// structs left out with the reason.
	Verdicts []Verdict
	// StrayDirectives are //schemalint:index comments that do not stand in
	// the doc comment of a model, so they declare nothing.
	StrayDirectives []DirectiveError

	pkg    *types.Package
	fields map[*types.Var]*ast.Field

	partsOnce sync.Once
	parts     []*Part
}

// Model is a model declared in the package being analysed.
type Model struct {
	*Table
	// Obj is the model's type name; Spec its declaration.
	Obj  *types.TypeName
	Spec *ast.TypeSpec
	// Doc is the declaration's doc comment (of the type spec, or of its
	// declaration group for a lone type).
	Doc *ast.CommentGroup
	// File is the file declaring it.
	File *ast.File
	// Fact is what the analyzer exports about it.
	Fact *ModelFact
	// Indexes are the //schemalint:index directives of its doc comment;
	// DirectiveErrors the ones that could not be parsed.
	Indexes         []*IndexDirective
	DirectiveErrors []DirectiveError
}

// Imported is a model of another package, known from its fact.
type Imported struct {
	Obj  *types.TypeName
	Fact *ModelFact
}

// FieldNode returns the syntax of a struct field declared in this package,
// or nil for a field declared elsewhere.
func (r *Result) FieldNode(v *types.Var) *ast.Field { return r.fields[v] }

func run(pass *analysis.Pass) (any, error) {
	res := &Result{Reader: NewReader(), pkg: pass.Pkg, fields: map[*types.Var]*ast.Field{}}
	if !importsBun(pass.Pkg) && !declaresBunTags(pass.Pkg) {
		// No struct here can be a model: skip the syntax walk, which
		// matters when drivers run this on every dependency.
		return res, nil
	}
	// A configuration that cannot be read is reported by the rules of
	// the packages it governs (lint.Env); discovery then keeps its
	// defaults rather than failing every importer too.
	opts, _ := discoverOptions(pass)
	// Discovery and the walk that maps fields to their syntax share
	// nothing but the (read-only) type information: run them side by
	// side, this being the step every rule waits for. The walk also
	// collects the type declarations and index directives for after.
	type typeDecl struct {
		file *ast.File
		decl *ast.GenDecl
	}
	var decls []typeDecl
	directives := map[*ast.Comment]bool{} // index directives; true once a model claims one
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, file := range pass.Files {
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					if _, ok := directiveText(c.Text); ok {
						directives[c] = false
					}
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GenDecl:
					if n.Tok == token.TYPE {
						decls = append(decls, typeDecl{file, n})
					}
				case *ast.StructType:
					res.structFields(pass, n)
				}
				return true
			})
		}
	})
	res.Verdicts = Discover(pass.Fset, pass.Files, pass.TypesInfo, res.Reader, opts)
	wg.Wait()
	isModel := map[*types.TypeName]bool{}
	for _, v := range res.Verdicts {
		isModel[v.Obj] = v.Model
	}
	for _, d := range decls {
		for _, spec := range d.decl.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok {
				doc := ts.Doc
				if doc == nil && len(d.decl.Specs) == 1 {
					doc = d.decl.Doc
				}
				res.typeSpec(pass, d.file, ts, doc, isModel)
			}
		}
	}
	// The facts are computed side by side (each model's alone, each
	// worker remembering its own spellings), and exported in order.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(res.Models)/64))
	var fw sync.WaitGroup
	for w := range workers {
		fw.Go(func() {
			spelled := map[spellKey]string{}
			for i := w; i < len(res.Models); i += workers {
				m := res.Models[i]
				m.Indexes, m.DirectiveErrors = indexDirectives(m.Doc)
				m.Fact = newModelFact(m.Table, spelled)
			}
		})
	}
	fw.Wait()
	for _, m := range res.Models {
		if m.Doc != nil {
			for _, c := range m.Doc.List {
				if _, ok := directives[c]; ok {
					directives[c] = true
				}
			}
		}
		for _, d := range m.Indexes {
			m.Fact.Indexes = append(m.Fact.Indexes, d.IndexFact)
		}
		pass.ExportObjectFact(m.Obj, m.Fact)
	}
	for c, claimed := range directives {
		if !claimed {
			res.StrayDirectives = append(res.StrayDirectives, DirectiveError{Pos: c.Pos(), End: c.End(),
				Message: "//schemalint:index declares nothing here: it belongs in the doc comment of a Bun model"})
		}
	}
	sort.Slice(res.StrayDirectives, func(i, j int) bool { return res.StrayDirectives[i].Pos < res.StrayDirectives[j].Pos })
	for _, of := range pass.AllObjectFacts() {
		f, ok := of.Fact.(*ModelFact)
		tn, isType := of.Object.(*types.TypeName)
		if ok && isType && tn.Pkg() != nil && tn.Pkg() != pass.Pkg {
			res.Imported = append(res.Imported, Imported{Obj: tn, Fact: f})
		}
	}
	sort.Slice(res.Imported, func(i, j int) bool {
		a, b := res.Imported[i].Obj, res.Imported[j].Obj
		if a.Pkg().Path() != b.Pkg().Path() {
			return a.Pkg().Path() < b.Pkg().Path()
		}
		return a.Name() < b.Name()
	})
	return res, nil
}

func (r *Result) typeSpec(pass *analysis.Pass, file *ast.File, ts *ast.TypeSpec, doc *ast.CommentGroup, isModel map[*types.TypeName]bool) {
	if ts.Assign.IsValid() {
		return // an alias declares no new model
	}
	obj, ok := pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
	if !ok || !isModel[obj] {
		return
	}
	named, ok := obj.Type().(*types.Named)
	if !ok {
		return
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return
	}
	table := r.Reader.Table(named)
	if table == nil {
		return
	}
	r.Models = append(r.Models, &Model{Table: table, Obj: obj, Spec: ts, Doc: doc, File: file})
}

// structFields maps the fields of a struct type expression to their
// syntax. Fields are matched by position, which covers embedded fields
// (whose identifier is part of a type expression) and grouped names alike.
func (r *Result) structFields(pass *analysis.Pass, st *ast.StructType) {
	tv, ok := pass.TypesInfo.Types[st]
	if !ok {
		return
	}
	s, ok := tv.Type.(*types.Struct)
	if !ok {
		return
	}
	list := st.Fields.List
	j := 0
	for v := range s.Fields() {
		for j < len(list) && list[j].End() <= v.Pos() {
			j++
		}
		if j < len(list) && list[j].Pos() <= v.Pos() {
			r.fields[v] = list[j]
		}
	}
}

// importsBun reports whether pkg imports Bun's schema package, directly or
// through other packages: only then can it declare a model. Answers are
// memoized per package object, since drivers ask for every dependency and
// the import graph is shared: without it the walk is quadratic.
func importsBun(pkg *types.Package) bool {
	if v, ok := importsBunMemo.Load(pkg); ok {
		return v.(bool)
	}
	found := false
	for _, imp := range pkg.Imports() {
		if imp.Path() == bunSchemaPkg || importsBun(imp) {
			found = true
			break
		}
	}
	importsBunMemo.Store(pkg, found)
	return found
}

var importsBunMemo sync.Map // *types.Package -> bool

// declaresBunTags reports whether a package-level struct of pkg has a bun
// tag: a package of tag-only models need not import Bun.
func declaresBunTags(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
			if st, ok := tn.Type().Underlying().(*types.Struct); ok && hasOwnBunTags(st) {
				return true
			}
		}
	}
	return false
}
