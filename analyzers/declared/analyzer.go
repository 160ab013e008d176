package declared

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/ddl"
)

// Analyzer extracts what a package declares about the database (see the
// package documentation). Its result is a *Result. It runs on every
// package, so that it can export an ExecFact on the functions that take a
// database handle; packages that import neither Bun nor database/sql cost
// nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "schemalint_declared",
	Doc:        "extracts the tables, indexes and foreign keys a package's Bun migrations (or its models' //schemalint:index directives) declare, per dialect",
	Requires:   []*analysis.Analyzer{bunmodel.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*ExecFact)(nil), (*SourceFact)(nil)},
	Run:        run,
}

// Result is the Analyzer's result for one package.
type Result struct {
	// Schema is what the package declares; nil when it registers no
	// migration and none of its models has a //schemalint:index
	// directive.
	Schema *Schema

	models map[string]*Model
}

// Model is a model a table of the schema comes from (or that the package
// can see), as the extraction resolved it.
type Model struct {
	Ref *ModelRef
	// Obj is its type name; Table Bun's view of it.
	Obj   *types.TypeName
	Table *bunmodel.Table
	// Indexes are its //schemalint:index directives.
	Indexes []bunmodel.IndexFact
	// Local is the model when the package declares it, else nil.
	Local *bunmodel.Model
}

// Model returns the model a table comes from, or nil.
func (r *Result) Model(ref *ModelRef) *Model {
	if r == nil || ref == nil {
		return nil
	}
	return r.models[ref.String()]
}

// Models returns the models the package can see (its own, and those of
// the packages it imports), by table name in the order first seen.
func (r *Result) Models() []*Model {
	var out []*Model
	for _, m := range r.models {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Ref.String() < out[j].Ref.String() })
	return out
}

// extractor holds what one run needs.
type extractor struct {
	pass    *analysis.Pass
	bm      *bunmodel.Result
	reader  *bunmodel.Reader
	decls   map[*types.Func]*ast.FuncDecl
	globals map[*types.Var]ast.Expr
	consts  map[*types.Const]ast.Expr
	dialNum map[int64]dset
	models  map[string]*Model
	byTable map[string]*Model // every visible model by table name (first wins)
	m2m     map[string]bool   // tables that are m2m join tables of some model
	notes   []*Note
	noteKey map[string]*Note
	schema  *Schema
	// own is the package's syntax; followed the packages of the module
	// whose functions the migrations were followed into.
	own      *pkgSrc
	followed []*pkgSrc
	// anchor, while a function of another package is interpreted, is
	// the call into it: notes made there are reported at it.
	anchor ast.Node
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{models: map[string]*Model{}}
	if !imports(pass.Pkg, map[*types.Package]bool{}) {
		return res, nil
	}
	x := &extractor{pass: pass, bm: pass.ResultOf[bunmodel.Analyzer].(*bunmodel.Result), reader: bunmodel.NewReader(),
		decls: map[*types.Func]*ast.FuncDecl{}, globals: map[*types.Var]ast.Expr{}, consts: map[*types.Const]ast.Expr{},
		models: res.models, byTable: map[string]*Model{}, m2m: map[string]bool{}, noteKey: map[string]*Note{}}
	x.index()
	execFacts(pass, x.decls)
	pass.ExportPackageFact(&SourceFact{Module: x.own.modRoot, src: x.own})
	regs := x.registrations()
	if len(regs.migrations) == 0 && !regs.found {
		if s := x.directiveSchema(); s != nil {
			res.Schema = s
			x.finalize(s)
		}
		return res, nil
	}
	x.visibleModels()
	s := &Schema{Package: pass.Pkg.Path(), Source: "migrations", registry: regs.registry}
	x.schema = s
	for _, mr := range regs.migrations {
		x.interpret(mr)
	}
	x.readSQLFiles(regs)
	s.Migrations = x.sortMigrations(regs)
	x.replay(s)
	s.Notes = x.notes
	x.finalize(s)
	res.Schema = s
	return res, nil
}

// imports reports whether pkg imports Bun or database/sql, directly or
// not: only then can it run or register migrations.
func imports(pkg *types.Package, seen map[*types.Package]bool) bool {
	if seen[pkg] {
		return false
	}
	seen[pkg] = true
	for _, imp := range pkg.Imports() {
		if imp.Path() == bunPkg || imp.Path() == sqlPkg || imports(imp, seen) {
			return true
		}
	}
	return false
}

// index records the package's functions, package-level variables and
// constants with their syntax, and Bun's dialect numbers.
func (x *extractor) index() {
	x.own = newSrc(x.pass)
	x.decls, x.globals, x.consts = x.own.decls, x.own.globals, x.own.consts
	x.dialNum = map[int64]dset{}
	var find func(p *types.Package, seen map[*types.Package]bool)
	find = func(p *types.Package, seen map[*types.Package]bool) {
		if seen[p] {
			return
		}
		seen[p] = true
		if p.Path() == dialectPkg {
			for name, bit := range map[string]dset{"PG": dPG, "MySQL": dMy, "SQLite": dLite} {
				if c, ok := p.Scope().Lookup(name).(*types.Const); ok {
					if n, ok := constant.Int64Val(c.Val()); ok {
						x.dialNum[n] = bit
					}
				}
			}
			return
		}
		for _, imp := range p.Imports() {
			find(imp, seen)
		}
	}
	find(x.pass.Pkg, map[*types.Package]bool{})
}

// dialectByNumber maps a dialect.Name value to the dialect (none for
// MSSQL, Oracle and the rest).
func (x *extractor) dialectByNumber(n int64) dset { return x.dialNum[n] }

// model resolves the type given to Model(...) to a model.
func (x *extractor) model(t types.Type) *Model {
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
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	return x.modelOf(n)
}

func (x *extractor) modelOf(n *types.Named) *Model {
	obj := n.Obj()
	if obj.Pkg() == nil {
		return nil
	}
	ref := &ModelRef{Package: obj.Pkg().Path(), Name: obj.Name()}
	if m := x.models[ref.String()]; m != nil {
		return m
	}
	tab := x.reader.Table(n)
	if tab == nil {
		return nil
	}
	m := &Model{Ref: ref, Obj: obj, Table: tab}
	for _, lm := range x.bm.Models {
		if lm.Obj == obj {
			m.Local = lm
			m.Indexes = lm.Fact.Indexes
		}
	}
	if m.Local == nil {
		for _, im := range x.bm.Imported {
			if im.Obj == obj {
				m.Indexes = im.Fact.Indexes
			}
		}
	}
	x.models[ref.String()] = m
	return m
}

// visibleModels resolves every model the package can see, so that tables
// created by SQL find their model and m2m join tables are known.
func (x *extractor) visibleModels() {
	var all []*Model
	for _, lm := range x.bm.Models {
		if m := x.modelOf(lm.Type); m != nil {
			all = append(all, m)
		}
	}
	for _, im := range x.bm.Imported {
		if n, ok := im.Obj.Type().(*types.Named); ok {
			if m := x.modelOf(n); m != nil {
				all = append(all, m)
			}
		}
	}
	for _, m := range all {
		if _, ok := x.byTable[m.Table.Name]; !ok {
			x.byTable[m.Table.Name] = m
		}
		for _, rel := range m.Table.Relations {
			if rel.Kind == bunmodel.ManyToMany && rel.M2MTable != "" {
				x.m2m[rel.M2MTable] = true
			}
		}
	}
}

// addNote records a note, merging the dialects of one already made at the
// same place with the same text.
func (x *extractor) addNote(a at, live dset, mig *Migration, msg string) {
	x.addNoteUnseen(a, live, mig, msg, false)
}

// addUnseen records a note on code or SQL that may hide statements.
func (x *extractor) addUnseen(a at, live dset, mig *Migration, msg string) {
	x.addNoteUnseen(a, live, mig, msg, true)
}

func (x *extractor) addNoteUnseen(a at, live dset, mig *Migration, msg string, unseen bool) {
	if live == 0 {
		return
	}
	if x.anchor != nil {
		a.pos, a.end = x.anchor.Pos(), x.anchor.End()
	}
	name := ""
	if mig != nil {
		name = mig.Name
	}
	key := strconv.Itoa(int(a.pos)) + "|" + msg
	if n := x.noteKey[key]; n != nil {
		n.Unseen = n.Unseen || unseen
		for _, d := range live.list() {
			if !containsDialect(n.Dialects, d) {
				n.Dialects = append(n.Dialects, d)
			}
		}
		sortDialects(n.Dialects)
		return
	}
	n := &Note{Dialects: live.list(), Migration: name, Message: msg, Unseen: unseen, at: a}
	x.noteKey[key] = n
	x.notes = append(x.notes, n)
}

func containsDialect(ds []Dialect, d Dialect) bool { return slices.Contains(ds, d) }

func sortDialects(ds []Dialect) {
	sort.Slice(ds, func(i, j int) bool { return dialectBit(ds[i]) < dialectBit(ds[j]) })
}

// literalMapper maps an offset in the value of a constant string
// expression to its place in the source: inside the literal (escapes
// undone), in the literal of a constant's declaration, or in the right
// operand of a concatenation; at the expression's start when nothing
// better is known.
func (x *extractor) literalMapper(e ast.Expr) func(int) token.Pos {
	type seg struct {
		lit  *ast.BasicLit
		from ast.Expr
		n    int
	}
	info := x.pass.TypesInfo
	var segs []seg
	ok := true
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		e = ast.Unparen(e)
		tv := info.Types[e]
		n := 0
		if tv.Value != nil && tv.Value.Kind() == constant.String {
			n = len(constant.StringVal(tv.Value))
		}
		switch v := e.(type) {
		case *ast.BasicLit:
			segs = append(segs, seg{lit: v, n: n})
			return
		case *ast.BinaryExpr:
			if v.Op == token.ADD && depth < 64 {
				walk(v.X, depth+1)
				walk(v.Y, depth+1)
				return
			}
		case *ast.Ident, *ast.SelectorExpr:
			var id *ast.Ident
			if s, isSel := v.(*ast.SelectorExpr); isSel {
				id = s.Sel
			} else {
				id = v.(*ast.Ident)
			}
			if c, isConst := info.Uses[id].(*types.Const); isConst && depth < 64 {
				if decl := x.consts[c]; decl != nil {
					walk(decl, depth+1)
					return
				}
			}
		}
		ok = false
		segs = append(segs, seg{from: e, n: n})
	}
	walk(e, 0)
	start := e.Pos()
	return func(off int) token.Pos {
		for _, s := range segs {
			if off < s.n || (off == s.n && s.lit != nil) {
				if s.lit == nil {
					return s.from.Pos()
				}
				if lo := ddl.LiteralOffset(s.lit.Value, off); lo >= 0 {
					return s.lit.Pos() + token.Pos(lo)
				}
				return s.lit.Pos()
			}
			off -= s.n
		}
		if !ok || len(segs) == 0 {
			return start
		}
		last := segs[len(segs)-1]
		if last.lit != nil {
			return last.lit.End() - 1
		}
		return start
	}
}

// site records where a change was written: its span and, for a change
// written in the migration function itself, the statement holding it.
func (x *extractor) site(in *interp, c *Change, expr ast.Expr, ch *chain) {
	if in.callSite != nil {
		// Written in another package: the call into it is the site.
		expr, ch = in.callSite, nil
	}
	if c.pos == token.NoPos {
		c.at = at{pos: expr.Pos(), end: expr.End()}
	}
	c.change = c
	s := &Site{Expr: expr, Dialects: in.live.list()}
	if ch != nil {
		for _, call := range ch.calls {
			if call.name == "Model" && len(call.expr.Args) == 1 {
				s.Model = call.expr.Args[0]
			}
		}
	}
	s.File = x.fileOf(expr.Pos())
	if s.File != nil && in.root != nil && in.root.Pos() <= expr.Pos() && expr.End() <= in.root.End() {
		path, _ := astutil.PathEnclosingInterval(s.File, expr.Pos(), expr.End())
		for i, n := range path {
			if s.Stmt == nil {
				if st, ok := n.(ast.Stmt); ok && i+1 < len(path) {
					switch path[i+1].(type) {
					case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
						s.Stmt = st
					}
				}
				continue
			}
			if fn, ok := n.(*ast.FuncLit); ok {
				s.Func = fn
				s.Ctx, s.DB = x.paramNames(fn.Type)
				break
			}
			if fn, ok := n.(*ast.FuncDecl); ok {
				s.Func = fn
				s.Ctx, s.DB = x.paramNames(fn.Type)
				break
			}
		}
		if s.Func == nil {
			s.Stmt = nil
		} else {
			s.Root = in.root
		}
	}
	c.site = s
}

// paramNames returns the names of a function's context and handle
// parameters.
func (x *extractor) paramNames(ft *ast.FuncType) (ctx, db string) {
	for _, f := range ft.Params.List {
		t := x.pass.TypesInfo.TypeOf(f.Type)
		for _, n := range f.Names {
			switch {
			case t != nil && isContext(t) && ctx == "":
				ctx = n.Name
			case t != nil && isHandle(t) && db == "":
				db = n.Name
			}
		}
	}
	return ctx, db
}

func (x *extractor) fileOf(pos token.Pos) *ast.File {
	for _, f := range x.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// replay applies every up migration in order on each dialect and stores
// the resulting tables, attaching models and directive indexes.
func (x *extractor) replay(s *Schema) {
	for _, d := range AllDialects {
		st := newState(d)
		for _, m := range s.Migrations {
			st.migration = m.Name
			for _, c := range m.Up {
				if c.Dialect == d {
					st.apply(c)
				}
			}
		}
		st.migration = ""
		st.finish()
		ds := &DialectSchema{Dialect: d, Tables: st.tables, Problems: st.problems}
		for _, t := range ds.Tables {
			if t.Model == nil {
				if m := x.byTable[t.Name]; m != nil {
					t.Model = m.Ref
				}
			}
			x.addDirectives(ds, t)
		}
		s.Dialects = append(s.Dialects, ds)
	}
}

// addDirectives adds the //schemalint:index directives of a table's model
// that no migration created an index of the same name for.
func (x *extractor) addDirectives(ds *DialectSchema, t *Table) {
	m := x.Model(t.Model)
	if m == nil {
		return
	}
	for i := range m.Indexes {
		f := &m.Indexes[i]
		if !f.ForDialect(string(ds.Dialect)) || ds.Index(f.Name) != nil {
			continue
		}
		if ix := x.directiveIndex(ds.Dialect, t.Name, f, m); ix != nil {
			t.Indexes = append(t.Indexes, ix)
		}
	}
}

// Model returns the resolved model of a reference.
func (x *extractor) Model(ref *ModelRef) *Model {
	if ref == nil {
		return nil
	}
	return x.models[ref.String()]
}

// directiveIndex turns a directive into an index of the dialect, parsing
// it as the CREATE INDEX it stands for; a directive the dialect cannot
// parse becomes a note.
func (x *extractor) directiveIndex(d Dialect, table string, f *bunmodel.IndexFact, m *Model) *Index {
	var b strings.Builder
	b.WriteString("CREATE ")
	if f.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + quoteIdent(d, f.Name) + " ON " + quoteIdent(d, table))
	if f.Using != "" {
		b.WriteString(" USING " + f.Using)
	}
	b.WriteString(" (" + f.Parts + ")")
	if f.Where != "" {
		b.WriteString(" WHERE " + f.Where)
	}
	a := x.directiveAt(m, f)
	st, err := ddl.ParseStatement(b.String(), d.ddl())
	ci, ok := st.(*ddl.CreateIndex)
	if err != nil || !ok {
		msg := "is not an index"
		if err != nil {
			msg = err.Error()
		}
		x.addNote(a, dialectBit(d), nil, "//schemalint:index "+f.Name+" does not parse as an index on "+d.Title()+": "+msg)
		return nil
	}
	ix := indexFromDDL(ci, &Change{})
	ix.Source, ix.at = SourceDirective, a
	return ix
}

// directiveAt is where a directive stands: its comment for a model of
// this package, the model's declaration for an imported one.
func (x *extractor) directiveAt(m *Model, f *bunmodel.IndexFact) at {
	if m.Local != nil {
		for _, d := range m.Local.Indexes {
			if d.Name == f.Name {
				return at{pos: d.Pos, end: d.End}
			}
		}
	}
	return at{pos: m.Obj.Pos(), end: m.Obj.Pos() + token.Pos(len(m.Obj.Name()))}
}

// directiveSchema is the schema of a package without migrations whose
// models carry //schemalint:index directives: its models, as tables, with
// the indexes the directives declare.
func (x *extractor) directiveSchema() *Schema {
	has := false
	for _, m := range x.bm.Models {
		has = has || len(m.Indexes) > 0
	}
	if !has {
		return nil
	}
	s := &Schema{Package: x.pass.Pkg.Path(), Source: "directives"}
	for _, d := range AllDialects {
		ds := &DialectSchema{Dialect: d}
		for _, lm := range x.bm.Models {
			m := x.modelOf(lm.Type)
			if m == nil {
				continue
			}
			a := at{pos: lm.Spec.Name.Pos(), end: lm.Spec.Name.End()}
			t := modelTable(m, d, 0, a)
			x.addDirectives(ds, t)
			ds.Tables = append(ds.Tables, t)
		}
		s.Dialects = append(s.Dialects, ds)
	}
	s.Notes = x.notes
	return s
}

// modelTable is the table Bun creates for a model on dialect d: its
// columns, primary key and unique constraints. varchar is CreateTable's
// Varchar(n), 0 when not set.
func modelTable(m *Model, d Dialect, varchar int, a at) *Table {
	t := &Table{Name: m.Table.Name, Model: m.Ref, at: a}
	for _, f := range m.Table.Fields {
		typ, _ := f.CreateTableType(bunmodel.Dialect(d))
		if varchar > 0 && f.UserSQLType == "" && (typ == "VARCHAR" || (d == MySQL && typ == "VARCHAR(255)")) {
			typ = "VARCHAR(" + strconv.Itoa(varchar) + ")"
		}
		col := &Column{Name: f.Name, Type: typ, NotNull: f.NotNull, AutoIncrement: f.AutoIncrement || f.Identity,
			Field: strings.Join(f.FieldPath(), "."), Origin: FromModel, at: fieldAt(f, a)}
		if f.HasDefault {
			col.Default = f.Default
		}
		t.Columns = append(t.Columns, col)
		if f.PK {
			t.PrimaryKey = append(t.PrimaryKey, f.Name)
		}
	}
	for _, g := range m.Table.Unique {
		ix := &Index{Name: g.Name, Table: t.Name, Unique: true, Constraint: true, Source: SourceModel, at: fieldAt(g.Fields[0], a)}
		for _, f := range g.Fields {
			ix.Parts = append(ix.Parts, IndexPart{Column: f.Name})
		}
		t.Indexes = append(t.Indexes, ix)
	}
	return t
}

// fieldAt places a model column at its Go field, keeping the change that
// created it.
func fieldAt(f *bunmodel.Field, a at) at {
	if f.Var == nil || !f.Var.Pos().IsValid() {
		return a
	}
	return at{pos: f.Var.Pos(), end: f.Var.Pos() + token.Pos(len(f.Var.Name())), change: a.change}
}

// finalize fills the serialisable positions from the token positions.
func (x *extractor) finalize(s *Schema) {
	fset := x.pass.Fset
	pos := func(a at) Position {
		if !a.pos.IsValid() {
			return Position{}
		}
		p := fset.Position(a.pos)
		return Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
	}
	s.Registry = pos(s.registry)
	fillTable := func(t *Table) {
		t.Pos = pos(t.at)
		for _, c := range t.Columns {
			c.Pos = pos(c.at)
		}
		for _, ix := range t.Indexes {
			ix.Pos = pos(ix.at)
		}
		for _, fk := range t.ForeignKeys {
			fk.Pos = pos(fk.at)
		}
	}
	for _, m := range s.Migrations {
		m.Pos = pos(m.at)
		for _, c := range append(append([]*Change(nil), m.Up...), m.Down...) {
			c.Pos = pos(c.at)
			if c.Create != nil {
				fillTable(c.Create)
			}
			if c.Index != nil {
				c.Index.Pos = pos(c.Index.at)
			}
			if c.Column != nil {
				c.Column.Pos = pos(c.Column.at)
			}
			if c.ForeignKey != nil {
				c.ForeignKey.Pos = pos(c.ForeignKey.at)
			}
		}
	}
	for _, ds := range s.Dialects {
		for _, t := range ds.Tables {
			fillTable(t)
		}
		for _, p := range ds.Problems {
			p.Pos = pos(p.at)
		}
	}
	for _, n := range s.Notes {
		n.Pos = pos(n.at)
	}
}

// quoteIdent quotes an identifier as Bun's AppendIdent does: each
// dot-separated part in the dialect's quotes, "*" left bare.
func quoteIdent(d Dialect, name string) string {
	q := byte('"')
	if d == MySQL {
		q = '`'
	}
	var b []byte
	quoted := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch c {
		case '*':
			if !quoted {
				b = append(b, '*')
				continue
			}
		case '.':
			if quoted {
				b = append(b, q)
				quoted = false
			}
			b = append(b, '.')
			continue
		}
		if !quoted {
			b = append(b, q)
			quoted = true
		}
		if c == q {
			b = append(b, q, q)
		} else {
			b = append(b, c)
		}
	}
	if quoted {
		b = append(b, q)
	}
	return string(b)
}
