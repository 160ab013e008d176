package lintrun

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Loading in two steps. LoadAllSyntax parses and type-checks every
// dependency from source, the standard library included, because the
// analyzers use facts; its cost follows the dependency tree (106 s and
// 6.8 GB on a real application). Only packages that can hold models, or
// functions a migration calls, need syntax and the analyzers:
//
//   - the packages matched by the patterns;
//   - the packages of the main module(s) they import;
//   - packages that import Bun (github.com/uptrace/bun, bun/schema);
//   - packages outside the standard library that declare structs with
//     bun tags (a models package need not import Bun; of Bun's own
//     packages only these, bun/migrate's Migration say, and only where a
//     package outside Bun imports them);
//   - packages imported by one of these that import database/sql and, by
//     their export data, declare a function taking a handle: the declared
//     analyzer's ExecFact says whether it runs queries (only for the
//     packages a migration may call into: see migrationSide);
//   - and every package that imports one of these, so that no package
//     from export data depends on a package checked from source.
//
// Everything else is types from the compiler's export data, as any
// go/analysis driver without facts reads it. One `go list -deps -export`
// (through go/packages, metadata only) answers both questions.

const (
	bunPkg       = "github.com/uptrace/bun"
	bunSchemaPkg = "github.com/uptrace/bun/schema"
	sqlPkg       = "database/sql"
	migratePkg   = "github.com/uptrace/bun/migrate"
)

// metaMode is what go list tells: names, files, the import graph, the
// module and the export data file, nothing parsed.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedExportFile |
	packages.NeedTypesSizes

// Load loads the packages matched by patterns: those that can hold
// models or migrations with syntax and types (see above), the rest as
// types from export data. Only packages with syntax are left in the
// Imports graph of the packages returned, so the go/analysis checker
// runs the analyzers (and carries their facts) on them alone. Every load
// and type error becomes one message listing them.
func Load(ctx context.Context, dir string, tests bool, patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{Context: ctx, Mode: metaMode, Dir: dir, Tests: tests}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load packages: %w", err)
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	need := needSyntax(roots)
	// go list -export compiles every package; for those checked from
	// source the type checker reports the same errors, positioned.
	for p := range need {
		errs := p.Errors[:0]
		for _, e := range p.Errors {
			if e.Kind != packages.ListError || (e.Pos != "" && e.Pos != "-") || !strings.HasPrefix(e.Msg, "# ") {
				errs = append(errs, e)
			}
		}
		p.Errors = errs
	}
	l := &loader{ctx: ctx, fset: token.NewFileSet(), need: need, done: map[*packages.Package]chan struct{}{}}
	if err := l.check(roots); err != nil {
		return nil, err
	}
	if err := loadErrors(dir, roots); err != nil {
		return nil, err
	}
	// Prune: the checker follows Imports to run fact-producing analyzers
	// on dependencies; packages without syntax have nothing to analyse.
	for p := range need {
		pruned := make(map[string]*packages.Package, len(p.Imports))
		for path, imp := range p.Imports {
			if need[imp] {
				pruned[path] = imp
			}
		}
		p.Imports = pruned
	}
	return roots, nil
}

// needSyntax returns the packages reachable from roots that need syntax.
func needSyntax(roots []*packages.Package) map[*packages.Package]bool {
	main := map[string]bool{}
	for _, r := range roots {
		if r.Module != nil {
			main[r.Module.Path] = true
		}
	}
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	userImported := map[*packages.Package]bool{}
	for _, p := range all {
		if !isBunOwn(p.PkgPath) {
			for _, imp := range p.Imports {
				userImported[imp] = true
			}
		}
	}
	seed := map[*packages.Package]bool{}
	for _, r := range roots {
		seed[r] = true
	}
	// Tag scans read files concurrently: modernc.org/sqlite alone is tens
	// of megabytes of Go.
	// The scans report into tagged, merged into seed once they are done:
	// the loop below reads seed meanwhile.
	var mu sync.Mutex
	var tagged []*packages.Package
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	scan := func(p *packages.Package) {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			// The text scan is cheap but sees comments too; parsing the
			// files it finds tells whether the tags are on declared
			// structs (reading Bun's export data cost more).
			if declaresBunTags(bunTagFiles(p.GoFiles)) {
				mu.Lock()
				tagged = append(tagged, p)
				mu.Unlock()
			}
		}()
	}
	for _, p := range all {
		switch {
		case seed[p]:
		case p.Module != nil && (p.Module.Main || main[p.Module.Path]):
			seed[p] = true
		case isBunOwn(p.PkgPath):
			// Bun's own packages hold no models by use, and the declared
			// analyzer ignores their facts: only tagged structs (bun/migrate's
			// Migration) matter, and only to a package of the user's that
			// imports theirs: one reached through Bun's dialects alone (an
			// application's cmd) cannot name them.
			if userImported[p] {
				scan(p)
			}
		case p.Imports[bunPkg] != nil || p.Imports[bunSchemaPkg] != nil:
			seed[p] = true
		case p.Module != nil: // outside the standard library
			scan(p)
		}
	}
	wg.Wait()
	for _, p := range tagged {
		seed[p] = true
	}
	// Imports of needed packages that use database/sql and declare a
	// function or method taking a handle: the declared analyzer's ExecFact
	// says whether it runs queries. Export data tells which do; the rest
	// stay export data. Repeat until nothing is added.
	side := migrationSide(all)
	probed := map[*packages.Package]bool{}
	for {
		need := upward(roots, seed)
		added := false
		for p := range need {
			if !side[p] {
				continue
			}
			for _, imp := range p.Imports {
				if need[imp] || probed[imp] || imp.Module == nil || isBunOwn(imp.PkgPath) || imp.Imports[sqlPkg] == nil {
					continue
				}
				probed[imp] = true
				if declaresHandleFuncs(imp) {
					seed[imp] = true
					added = true
				}
			}
		}
		if !added {
			return need
		}
	}
}

// migrationSide returns the packages a migration may call into, the only
// ones whose imports' ExecFacts matter: every package outside Bun that
// depends on Bun's migrate package other than through Bun's own packages
// (registering a migration needs its types, so every package holding or
// registering migrations is one), and everything those import. A main
// package that only opens a database through Bun's dialects and the
// drivers, as applications' cmd packages do, is not one: its handle-taking
// dependencies (Atlas, modernc SQLite) stay export data.
func migrationSide(all []*packages.Package) map[*packages.Package]bool {
	// Bun's own packages import no package of the user's, so going up
	// from those importing migrate never passes through them.
	direct := map[*packages.Package]bool{}
	for _, p := range all {
		if !isBunOwn(p.PkgPath) && p.Imports[migratePkg] != nil {
			direct[p] = true
		}
	}
	side := map[*packages.Package]bool{}
	var down func(p *packages.Package)
	down = func(p *packages.Package) {
		if side[p] {
			return
		}
		side[p] = true
		for _, imp := range p.Imports {
			down(imp)
		}
	}
	for p := range upward(all, direct) {
		down(p)
	}
	return side
}

func isBunOwn(path string) bool { return path == bunPkg || strings.HasPrefix(path, bunPkg+"/") }

// upward returns the seeds and every package reachable from roots that
// imports one, so that no package from export data depends on a package
// checked from source.
func upward(roots []*packages.Package, seed map[*packages.Package]bool) map[*packages.Package]bool {
	need := map[*packages.Package]bool{}
	visited := map[*packages.Package]bool{}
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if visited[p] {
			return need[p]
		}
		visited[p] = true
		n := seed[p]
		for _, imp := range p.Imports {
			if visit(imp) {
				n = true
			}
		}
		if n {
			need[p] = true
		}
		return n
	}
	for _, r := range roots {
		visit(r)
	}
	return need
}

// declaresHandleFuncs reports whether p, read from its export data into
// a universe of its own, declares a function or method with a parameter
// or receiver of a handle type (Bun's DB, Tx, Conn, IDB, IConn, database/
// sql's DB, Tx, Conn: the declared analyzer's isHandle). When in doubt
// (no export data) it says yes: syntax costs time, never findings.
func declaresHandleFuncs(p *packages.Package) bool {
	tp, err := probe(p)
	if err != nil {
		return true
	}
	scope := tp.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if takesHandle(obj) {
				return true
			}
		case *types.TypeName:
			if n, ok := obj.Type().(*types.Named); ok && !obj.IsAlias() {
				for m := range n.Methods() {
					if takesHandle(m) {
						return true
					}
				}
			}
		}
	}
	return false
}

// probe reads p's export data into a universe of its own, so that the
// packages later checked from source are not mixed with it.
func probe(p *packages.Package) (*types.Package, error) {
	view := map[string]*types.Package{}
	seen := map[*packages.Package]bool{}
	var add func(q *packages.Package)
	add = func(q *packages.Package) {
		if seen[q] {
			return
		}
		seen[q] = true
		if q.PkgPath == "unsafe" {
			view[q.PkgPath] = types.Unsafe
		} else {
			view[q.PkgPath] = types.NewPackage(q.PkgPath, q.Name)
		}
		for _, d := range q.Imports {
			add(d)
		}
	}
	add(p)
	return readExportData(token.NewFileSet(), view, p)
}

// declaresBunTags reports whether the files declare a package-level
// struct type with a field tagged bun (bunmodel's declaresBunTags: what
// makes a package without Bun's import hold models). A defined type whose
// struct is another package's (type T other.Model) is not seen here, but
// needs no syntax of its own: other is scanned too, and a package
// importing one that needs syntax gets it (upward). When in doubt (a file
// that does not parse) it says yes.
func declaresBunTags(files []string) bool {
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return true
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				if st, ok := spec.(*ast.TypeSpec).Type.(*ast.StructType); ok && tagsBun(st) {
					return true
				}
			}
		}
	}
	return false
}

// tagsBun reports whether a field of st has a bun tag other than "-".
func tagsBun(st *ast.StructType) bool {
	for _, field := range st.Fields.List {
		if field.Tag == nil {
			continue
		}
		tag, err := strconv.Unquote(field.Tag.Value)
		if err != nil {
			continue
		}
		if v, ok := reflect.StructTag(tag).Lookup("bun"); ok && v != "-" {
			return true
		}
	}
	return false
}

func takesHandle(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() != nil && isHandle(sig.Recv().Type()) {
		return true
	}
	for v := range sig.Params().Variables() {
		if isHandle(v.Type()) {
			return true
		}
	}
	return false
}

func isHandle(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case bunPkg:
		return slices.Contains([]string{"DB", "Tx", "Conn", "IDB", "IConn"}, n.Obj().Name())
	case sqlPkg:
		return slices.Contains([]string{"DB", "Tx", "Conn"}, n.Obj().Name())
	}
	return false
}

// bunTagFiles returns the files that may declare a struct field with a
// bun tag (they hold `bun:"`). They are read through one small buffer,
// not whole: a heavy dependency tree is tens of megabytes of Go
// (modernc.org/sqlite's one file is 9 MB), which whole reads would
// allocate, and the peak memory would show. An unreadable file is
// returned too: the parser reports it.
func bunTagFiles(files []string) []string {
	buf := scanBufs.Get().(*[]byte)
	defer scanBufs.Put(buf)
	var out []string
	for _, f := range files {
		if found, err := fileContains(f, *buf, bunTag); err != nil || found {
			out = append(out, f)
		}
	}
	return out
}

var bunTag = []byte(`bun:"`)

var scanBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// fileContains reports whether the file holds needle, reading it through
// buf; each read keeps the last len(needle)-1 bytes of the one before, so
// that a needle across two reads is found.
func fileContains(name string, buf, needle []byte) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer func() { _ = f.Close() }()
	keep := 0
	for {
		n, err := f.Read(buf[keep:])
		if bytes.Contains(buf[:keep+n], needle) {
			return true, nil
		}
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if k := len(needle) - 1; keep+n >= k {
			copy(buf, buf[keep+n-k:keep+n])
			keep = k
		} else {
			keep += n
		}
	}
}

// loader type-checks the needed packages from source, in parallel as far
// as the import graph allows, and reads the rest from export data.
type loader struct {
	ctx  context.Context
	fset *token.FileSet
	need map[*packages.Package]bool

	done map[*packages.Package]chan struct{} // closed when Types is set

	exportMu sync.Mutex // export data reads share types.Package shells
	shells   map[*packages.Package]*types.Package
}

func (l *loader) check(roots []*packages.Package) error {
	// Every package gets its types.Package before any export data is
	// read, so that reading never creates a second one for an indirect
	// dependency (as go/packages does).
	l.shells = map[*packages.Package]*types.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if l.need[p] {
			return
		}
		if p.PkgPath == "unsafe" {
			l.shells[p] = types.Unsafe
		} else {
			l.shells[p] = types.NewPackage(p.PkgPath, p.Name)
		}
	})
	var wg sync.WaitGroup
	for p := range l.need {
		l.done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for p := range l.need {
		wg.Go(func() {
			// Wait for the needed imports; only then take a slot, so
			// that waiting goroutines never hold one.
			for _, imp := range p.Imports {
				if ch := l.done[imp]; ch != nil {
					<-ch
				}
			}
			sem <- struct{}{}
			l.checkSource(p)
			<-sem
			close(l.done[p])
		})
	}
	wg.Wait()
	return l.ctx.Err()
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// checkSource parses and type-checks p, its imports being done.
func (l *loader) checkSource(p *packages.Package) {
	p.Fset = l.fset
	if p.TypesSizes == nil {
		p.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if l.ctx.Err() != nil {
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		p.IllTyped = true
		return
	}
	files := make([]*ast.File, len(p.CompiledGoFiles))
	errs := make([]error, len(p.CompiledGoFiles))
	var wg sync.WaitGroup
	for i, name := range p.CompiledGoFiles {
		wg.Go(func() {
			src, err := os.ReadFile(name)
			if err != nil {
				errs[i] = err
				return
			}
			files[i], errs[i] = parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: p.CompiledGoFiles[i] + ":1", Msg: err.Error(), Kind: packages.ParseError})
			p.IllTyped = true
		}
		if files[i] != nil {
			p.Syntax = append(p.Syntax, files[i])
		}
	}
	p.TypesInfo = newTypesInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return l.importFor(p, path) }),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			if te, ok := errors.AsType[types.Error](err); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			} else {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
			}
			p.IllTyped = true
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	p.Types, _ = tc.Check(p.PkgPath, l.fset, p.Syntax, p.TypesInfo)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importFor resolves an import of p: a package checked from source, or
// one read from export data on first use.
func (l *loader) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	if l.need[imp] {
		return imp.Types, nil // done before p started
	}
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	if imp.Types != nil {
		return imp.Types, nil
	}
	if err := l.readExport(imp); err != nil {
		return nil, err
	}
	return imp.Types, nil
}

// readExport reads imp's export data into its shell, its transitive
// imports' shells serving as the view (called with exportMu held).
func (l *loader) readExport(imp *packages.Package) error {
	if imp.PkgPath == "unsafe" {
		imp.Types = types.Unsafe
		return nil
	}
	view := map[string]*types.Package{}
	seen := map[*packages.Package]bool{}
	var add func(q *packages.Package)
	add = func(q *packages.Package) {
		if seen[q] {
			return
		}
		seen[q] = true
		if s := l.shells[q]; s != nil {
			view[q.PkgPath] = s
		}
		for _, d := range q.Imports {
			add(d)
		}
	}
	add(imp)
	tp, err := readExportData(l.fset, view, imp)
	if err != nil {
		return err
	}
	imp.Types = tp
	return nil
}

// readExportData reads p's export data, view holding the types.Package of
// each of its transitive imports.
func readExportData(fset *token.FileSet, view map[string]*types.Package, p *packages.Package) (*types.Package, error) {
	if p.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, fmt.Errorf("export data for %s: %w", p.PkgPath, err)
	}
	defer func() { _ = f.Close() }()
	r, err := gcexportdata.NewReader(bufio.NewReader(f)) //nolint:staticcheck // go list -export may name an archive; NewReader reads both forms until Go 1.29
	if err != nil {
		return nil, fmt.Errorf("export data for %s: %w", p.PkgPath, err)
	}
	tp, err := gcexportdata.Read(r, fset, view, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("export data for %s: %w", p.PkgPath, err)
	}
	return tp, nil
}
