package indexes

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// indexFix returns a fix that creates the index in the up migration, on
// every dialect ds where the table lacks it:
//
//	if _, err := db.NewCreateIndex().Model((*schema.X)(nil)).Index("idx_x_col").Column("col").Exec(ctx); err != nil {
//		return err
//	}
//
// placed by place (once, after the table exists and its error check),
// with the ctx and Bun handle of the function it goes in. Without a safe
// place it returns why, and the statement to add by hand.
func (v *view) indexFix(t *declared.Table, ds []declared.Dialect, cols []string, name string, explicit map[declared.Dialect]bool) (analysis.SuggestedFix, string) {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = strconv.Quote(c)
	}
	tail := fmt.Sprintf(".Index(%s).Column(%s)", strconv.Quote(name), strings.Join(quoted, ", "))
	fail := func(why string) (analysis.SuggestedFix, string) {
		db, ctx := "db", "ctx"
		if c := t.Change(); c != nil && c.Site() != nil && c.Site().DB != "" && c.Site().Ctx != "" {
			db, ctx = c.Site().DB, c.Site().Ctx
		}
		where := "where it runs once"
		if len(ds) < len(v.dialects) {
			where = "where it runs once on " + titles(ds) + " only"
		}
		return analysis.SuggestedFix{}, fmt.Sprintf("no fix is offered: %s; add %s.NewCreateIndex()%s%s.Exec(%s) %s, after the table is created",
			why, db, v.modelTarget(t, nil, token.NoPos), tail, ctx, where)
	}
	for _, dsch := range v.s.Dialects {
		if dsch.Index(name) != nil {
			return fail("an index named " + name + " exists already")
		}
	}
	var places []*placement
	for _, d := range ds {
		td := t
		if dsch := v.s.For(d); dsch != nil && dsch.Table(t.Name) != nil {
			td = dsch.Table(t.Name)
		}
		c := td.Change()
		if c == nil || !c.Builder {
			return fail("the table is not created by a Bun query builder")
		}
		site := c.Site()
		if site == nil || site.Stmt == nil || site.Root == nil {
			return fail("the table is created in a helper function, where an edit would change every caller")
		}
		for _, sd := range site.Dialects {
			if explicit[sd] {
				return fail("the statement creating the table also runs on " + sd.Title() + ", which has an index leading the key")
			}
		}
		pl, why := v.place(site)
		if pl == nil {
			return fail(why)
		}
		if !slices.ContainsFunc(places, func(q *placement) bool { return q.anchor == pl.anchor }) {
			pl.model = v.modelTarget(t, site, pl.at)
			places = append(places, pl)
		}
	}
	if len(places) == 0 {
		return fail("the migrations do not say where the table is created")
	}
	fix := analysis.SuggestedFix{Message: "create index " + name}
	for _, pl := range places {
		fix.TextEdits = append(fix.TextEdits, v.insert(pl, pl.db+".NewCreateIndex()"+pl.model+tail+".Exec("+pl.ctx+")")...)
	}
	return fix, ""
}

// placement is where a statement goes that must follow the one creating
// a table.
type placement struct {
	// anchor is the statement, in a statement list, whose execution
	// leaves the table created: the creating statement itself, or the
	// loop or labelled loop around it.
	anchor ast.Stmt
	// after is the statement the new one follows: anchor, or the
	// "if err != nil" checking it.
	after ast.Stmt
	// ret is a return rewritten so that its error is checked before the
	// new statement: anchor itself ("return run(...)"), or the "return
	// err" right after it.
	ret *ast.ReturnStmt
	// at is where the new statement's names must resolve.
	at token.Pos
	// db and ctx name the Bun handle and context of the function holding
	// anchor; model is the ".Model(...)" or ".Table(...)" of the new
	// statement.
	db, ctx, model string
}

// place finds where a statement that must follow the one at site goes:
// after it in its own statement list (so on the same dialects), after
// any loop it is in (inside, the statement would run per element and fail
// on the first other table) and after the error check that follows. A
// function literal on the way must be a RunInTx callback, which runs
// once; any other may run any number of times. It returns why there is no
// such place otherwise.
func (v *view) place(site *declared.Site) (*placement, string) {
	path, _ := astutil.PathEnclosingInterval(site.File, site.Stmt.Pos(), site.Stmt.End())
	i := slices.Index(path, ast.Node(site.Stmt))
	if i < 0 {
		return nil, "the statement creating the table is not found in its file"
	}
	switch site.Stmt.(type) {
	case *ast.DeferStmt, *ast.GoStmt:
		return nil, "the table is created by a deferred or concurrent call"
	}
	anchor, ai := site.Stmt, i
	branched := false // a condition between the statement and anchor
	for j := i + 1; j < len(path) && path[j-1] != site.Root; j++ {
		switch n := path[j].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if branched {
				return nil, "the table is created under a condition inside a loop"
			}
			if hasBranch(n) {
				return nil, "the table is created in a loop that uses break, continue or goto"
			}
			anchor, ai = n.(ast.Stmt), j
		case *ast.LabeledStmt:
			if n.Stmt == anchor {
				anchor, ai = n, j
			}
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			branched = true
		case *ast.FuncLit:
			if n != site.Root && (j+1 >= len(path) || !v.txCallback(n, path[j+1])) {
				return nil, "the table is created in a function literal that may run any number of times"
			}
		}
	}
	var list []ast.Stmt
	switch n := path[ai+1].(type) {
	case *ast.BlockStmt:
		list = n.List
	case *ast.CaseClause:
		list = n.Body
	case *ast.CommClause:
		list = n.Body
	}
	k := slices.Index(list, anchor)
	if k < 0 {
		return nil, "the statement creating the table is not in a statement list"
	}
	var fn ast.Node
	for _, n := range path[ai+1:] {
		switch n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			fn = n
		}
		if fn != nil {
			break
		}
	}
	if fn == nil || !returnsError(v.p.TypesInfo, fn) {
		return nil, "the function creating the table does not return only an error"
	}
	pl := &placement{anchor: anchor, after: anchor}
	var next ast.Stmt
	if k+1 < len(list) {
		next = list[k+1]
	}
	info := v.p.TypesInfo
	if ret, ok := anchor.(*ast.ReturnStmt); ok {
		if len(ret.Results) != 1 || !isError(info.TypeOf(ret.Results[0])) {
			return nil, "the table is created in a return statement"
		}
		pl.ret = ret
	} else if ifs, ok := next.(*ast.IfStmt); ok && ifs.Init == nil && errNotNil(info, ifs.Cond) != nil {
		pl.after = ifs
	} else if ret, ok := next.(*ast.ReturnStmt); ok && len(ret.Results) == 1 && errIdent(info, ret.Results[0]) != nil {
		pl.ret = ret
	} else if e := errLeft(info, anchor); e != nil {
		return nil, "the error " + e.Name() + " of the statement creating the table is not checked right after it"
	}
	pl.at = pl.after.End()
	if pl.ret != nil {
		pl.at = pl.ret.Pos()
	}
	ctx, db := v.handles(fn, pl.at)
	if ctx == "" || db == "" {
		return nil, "the function creating the table has no context and Bun handle in scope there"
	}
	pl.ctx, pl.db = ctx, db
	return pl, ""
}

// insert returns the edits adding "if _, err := call; err != nil {
// return err }" at pl.
func (v *view) insert(pl *placement, call string) []analysis.TextEdit {
	at := pl.after
	if pl.ret != nil {
		at = pl.ret
	}
	ind := indentOf(v.p, at)
	create := "if _, err := " + call + "; err != nil {\n" + ind + "\treturn err\n" + ind + "}"
	if ret := pl.ret; ret != nil {
		res := ret.Results[0]
		if ret == pl.anchor {
			// return run(...) becomes: if err := run(...); err != nil {
			// return err }, the new statement, return nil.
			return []analysis.TextEdit{
				{Pos: ret.Pos(), End: res.Pos(), NewText: []byte("if err := ")},
				{Pos: res.End(), End: res.End(), NewText: []byte("; err != nil {\n" + ind + "\treturn err\n" + ind + "}\n" + ind + create + "\n" + ind + "return nil")},
			}
		}
		// return err becomes: if err != nil { return err }, the new
		// statement, return nil: the error is checked before it.
		e := types.ExprString(res)
		return []analysis.TextEdit{{Pos: ret.Pos(), End: ret.End(),
			NewText: []byte("if " + e + " != nil {\n" + ind + "\treturn " + e + "\n" + ind + "}\n" + ind + create + "\n" + ind + "return nil")}}
	}
	pos := v.lineEnd(pl.after)
	return []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte("\n" + ind + create)}}
}

// lineEnd is where a statement goes after s: the end of s's last line
// when only a line comment follows s there (the comment stays with s),
// else right after s.
func (v *view) lineEnd(s ast.Stmt) token.Pos {
	tf := v.p.Fset.File(s.End())
	if tf == nil || v.p.ReadFile == nil {
		return s.End()
	}
	src, err := v.p.ReadFile(tf.Name())
	off := tf.Offset(s.End())
	if err != nil || off > len(src) {
		return s.End()
	}
	nl := bytes.IndexByte(src[off:], '\n')
	if nl < 0 {
		return s.End()
	}
	if rest := strings.TrimSpace(string(src[off : off+nl])); rest != "" && !strings.HasPrefix(rest, "//") {
		return s.End()
	}
	return tf.Pos(off + nl)
}

// txCallback reports whether lit is the function a Bun RunInTx call
// (parent) runs, once.
func (v *view) txCallback(lit *ast.FuncLit, parent ast.Node) bool {
	call, ok := parent.(*ast.CallExpr)
	if !ok || !slices.Contains(call.Args, ast.Expr(lit)) {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := v.p.TypesInfo.Uses[sel.Sel].(*types.Func)
	return ok && fn.Name() == "RunInTx" && fn.Pkg() != nil && fn.Pkg().Path() == "github.com/uptrace/bun"
}

// hasBranch reports a break, continue or goto in a loop (outside
// function literals), after which the code following the loop may run
// on other dialects than the statements in it.
func hasBranch(loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BranchStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// errIdent returns the error variable e names, nil when e is not one.
func errIdent(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj, ok := info.Uses[id].(*types.Var)
	if !ok || !isError(obj.Type()) {
		return nil
	}
	return obj
}

// errNotNil returns the error variable of "err != nil", nil for another
// condition.
func errNotNil(info *types.Info, e ast.Expr) *types.Var {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return nil
	}
	if y, ok := ast.Unparen(b.Y).(*ast.Ident); !ok || y.Name != "nil" {
		return nil
	}
	return errIdent(info, b.X)
}

// errLeft returns an error variable s assigns that is still in scope
// after s: its check comes later, and a statement put right after s would
// run before it.
func errLeft(info *types.Info, s ast.Stmt) *types.Var {
	var left *types.Var
	ast.Inspect(s, func(n ast.Node) bool {
		if left != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
		}
		for _, e := range lhs {
			id, ok := e.(*ast.Ident)
			if !ok {
				continue
			}
			obj, _ := info.ObjectOf(id).(*types.Var)
			if obj != nil && isError(obj.Type()) && obj.Parent() != nil && obj.Parent().Contains(s.End()) {
				left = obj
			}
		}
		return true
	})
	return left
}

// handles returns the names of fn's context and Bun handle parameters
// (one with NewCreateIndex), when they still name them at pos.
func (v *view) handles(fn ast.Node, pos token.Pos) (ctx, db string) {
	ft := funcType(fn)
	if ft == nil {
		return "", ""
	}
	for _, f := range ft.Params.List {
		for _, id := range f.Names {
			obj := v.p.TypesInfo.Defs[id]
			if obj == nil || !v.visible(id.Name, obj, pos) {
				continue
			}
			t := obj.Type()
			if n, ok := types.Unalias(t).(*types.Named); ok && ctx == "" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context" {
				ctx = id.Name
			}
			if m, _, _ := types.LookupFieldOrMethod(t, true, nil, "NewCreateIndex"); m != nil && db == "" {
				db = id.Name
			}
		}
	}
	return ctx, db
}

// visible reports whether name resolves to obj at pos.
func (v *view) visible(name string, obj types.Object, pos token.Pos) bool {
	s := v.p.Pkg.Scope().Innermost(pos)
	if s == nil {
		return false
	}
	_, found := s.LookupParent(name, pos)
	return found == obj
}

// modelTarget is the ".Model(...)" of a new statement on t's table: the
// model expression of the statement creating it when that still means
// the same at pos, else the model type, else ".Table(name)".
func (v *view) modelTarget(t *declared.Table, site *declared.Site, pos token.Pos) string {
	if site != nil && site.Model != nil && v.resolves(site.Model, pos) {
		return ".Model(" + types.ExprString(site.Model) + ")"
	}
	if m := v.model(t); m != nil && m.Obj != nil && m.Obj.Pkg() != nil {
		if q, ok := v.qualifier(site, m.Obj.Pkg()); ok && (q == "" || m.Obj.Exported()) {
			return ".Model((*" + q + m.Obj.Name() + ")(nil))"
		}
	}
	return fmt.Sprintf(".Table(%s)", strconv.Quote(t.Name))
}

// resolves reports whether every name in e means at pos what it means
// where e is: a range variable does not outlive its loop.
func (v *view) resolves(e ast.Expr, pos token.Pos) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, isSel := n.(*ast.SelectorExpr); isSel {
			// Only the operand is looked up in scope, not the selected
			// name (a field, a method, a package member).
			ok = ok && v.resolves(sel.X, pos)
			return false
		}
		if id, isID := n.(*ast.Ident); isID {
			obj := v.p.TypesInfo.Uses[id]
			ok = ok && (obj == nil || obj.Parent() == types.Universe || v.visible(id.Name, obj, pos))
		}
		return ok
	})
	return ok
}

// qualifier is how site's file names a package: "" for the package
// itself, "name." for one it imports; false when it imports none such.
// Without a site (a message, not an edit) the package name does.
func (v *view) qualifier(site *declared.Site, pkg *types.Package) (string, bool) {
	if pkg == v.p.Pkg {
		return "", true
	}
	if site == nil {
		return pkg.Name() + ".", true
	}
	for _, imp := range site.File.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err != nil || path != pkg.Path() {
			continue
		}
		switch {
		case imp.Name == nil:
			return pkg.Name() + ".", true
		case imp.Name.Name != "_" && imp.Name.Name != ".":
			return imp.Name.Name + ".", true
		}
	}
	return "", false
}

// funcType is the type of a *ast.FuncLit or *ast.FuncDecl, nil for
// another node.
func funcType(fn ast.Node) *ast.FuncType {
	switch f := fn.(type) {
	case *ast.FuncLit:
		return f.Type
	case *ast.FuncDecl:
		return f.Type
	}
	return nil
}

// returnsError reports whether a function's only result is an error, so
// that "return err" and "return nil" fit it.
func returnsError(info *types.Info, fn ast.Node) bool {
	ft := funcType(fn)
	if ft == nil || ft.Results == nil || len(ft.Results.List) != 1 || len(ft.Results.List[0].Names) > 1 {
		return false
	}
	return isError(info.TypeOf(ft.Results.List[0].Type))
}

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// indentOf returns the white space that starts the statement's line.
func indentOf(p *lint.Pass, s ast.Stmt) string {
	tf := p.Fset.File(s.Pos())
	line := tf.LineStart(tf.Line(s.Pos()))
	if p.ReadFile != nil {
		if src, err := p.ReadFile(tf.Name()); err == nil {
			from, to := tf.Offset(line), tf.Offset(s.Pos())
			if from <= to && to <= len(src) {
				ws := string(src[from:to])
				if strings.TrimSpace(ws) == "" {
					return ws
				}
			}
		}
	}
	return strings.Repeat("\t", int(s.Pos()-line)) // gofmt indents with tabs
}

// directiveFix returns a fix adding an index directive at the end of a
// model's doc comment (just above its type line), for a package that
// declares its indexes that way.
func directiveFix(p *lint.Pass, m *bunmodel.Model, name string, cols []string, only []declared.Dialect) (analysis.SuggestedFix, bool) {
	for _, d := range m.Indexes {
		if d.Name == name {
			return analysis.SuggestedFix{}, false
		}
	}
	at := m.Spec.Pos()
	if gd := enclosingGenDecl(m); gd != nil && !gd.Lparen.IsValid() {
		at = gd.Pos() // a lone type: its doc stands above "type"
	}
	tf := p.Fset.File(at)
	line := tf.LineStart(tf.Line(at))
	dialects := ""
	if len(only) > 0 {
		names := make([]string, len(only))
		for i, d := range only {
			names[i] = string(d)
		}
		dialects = " dialect " + strings.Join(names, ",")
	}
	text := fmt.Sprintf("%s%s %s (%s)%s\n", indentOf(p, &ast.EmptyStmt{Semicolon: at}), bunmodel.IndexDirectivePrefix, name, strings.Join(cols, ", "), dialects)
	return analysis.SuggestedFix{Message: "declare index " + name, TextEdits: []analysis.TextEdit{{Pos: line, End: line, NewText: []byte(text)}}}, true
}

// enclosingGenDecl finds the type declaration holding a model.
func enclosingGenDecl(m *bunmodel.Model) *ast.GenDecl {
	for _, d := range m.File.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Pos() <= m.Spec.Pos() && m.Spec.End() <= gd.End() {
			return gd
		}
	}
	return nil
}

// fieldSpan is where a finding on a model field of this package goes:
// the field, or the embedding field that brings it in.
func fieldSpan(p *lint.Pass, f *bunmodel.Field) (token.Pos, token.Pos) {
	if !f.Declared() {
		return f.Path[0].Pos(), f.Path[0].Pos() + token.Pos(len(f.Path[0].Name()))
	}
	if n := p.Models.FieldNode(f.Var); n != nil {
		return n.Pos(), n.End()
	}
	return f.Var.Pos(), f.Var.Pos()
}
