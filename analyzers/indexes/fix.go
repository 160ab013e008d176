package indexes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// indexFix returns a fix that creates the index in the up migration, right
// after the statement that creates the table (after its error check):
//
//	if _, err := db.NewCreateIndex().Model((*schema.X)(nil)).Index("idx_x_col").Column("col").Exec(ctx); err != nil {
//		return err
//	}
//
// with the migration function's own ctx and db names. There is no fix when
// the table is created in a helper function (an edit there would change
// every caller), by SQL, or where the new statement would also run on a
// dialect that has an index leading the key already; nor when the name is
// taken.
func (v *view) indexFix(t *declared.Table, cols []string, name string, explicit map[declared.Dialect]bool) (analysis.SuggestedFix, bool) {
	c := t.Change()
	if c == nil || !c.Builder {
		return analysis.SuggestedFix{}, false
	}
	site := c.Site()
	if site == nil || site.Stmt == nil || site.Func == nil || site.DB == "" || site.Ctx == "" || !returnsError(v.p.TypesInfo, site.Func) {
		return analysis.SuggestedFix{}, false
	}
	for _, d := range site.Dialects {
		if explicit[d] {
			return analysis.SuggestedFix{}, false
		}
	}
	for _, ds := range v.s.Dialects {
		if ds.Index(name) != nil {
			return analysis.SuggestedFix{}, false
		}
	}
	target := fmt.Sprintf(".Table(%s)", strconv.Quote(t.Name))
	if site.Model != nil {
		target = ".Model(" + types.ExprString(site.Model) + ")"
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = strconv.Quote(c)
	}
	call := fmt.Sprintf("%s.NewCreateIndex()%s.Index(%s).Column(%s).Exec(%s)", site.DB, target, strconv.Quote(name), strings.Join(quoted, ", "), site.Ctx)
	after := stmtAfter(site)
	ind := indentOf(v.p, after)
	create := "if _, err := " + call + "; err != nil {\n" + ind + "\treturn err\n" + ind + "}"
	msg := "create index " + name
	if ret, ok := after.(*ast.ReturnStmt); ok {
		// return run(...) becomes: if err := run(...); err != nil {
		// return err }, the new statement, return nil.
		if len(ret.Results) != 1 || !isError(v.p.TypesInfo.TypeOf(ret.Results[0])) {
			return analysis.SuggestedFix{}, false
		}
		res := ret.Results[0]
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{
			{Pos: ret.Pos(), End: res.Pos(), NewText: []byte("if err := ")},
			{Pos: res.End(), End: res.End(), NewText: []byte("; err != nil {\n" + ind + "\treturn err\n" + ind + "}\n" + ind + create + "\n" + ind + "return nil")},
		}}, true
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{
		{Pos: after.End(), End: after.End(), NewText: []byte("\n" + ind + create)},
	}}, true
}

// stmtAfter is the statement a new one goes after: the one creating the
// table, or the error check that follows it
// (_, err := ...Exec(ctx); if err != nil { return err }).
func stmtAfter(site *declared.Site) ast.Stmt {
	path, _ := astutil.PathEnclosingInterval(site.File, site.Stmt.Pos(), site.Stmt.End())
	var list []ast.Stmt
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			continue
		}
		break
	}
	for i, s := range list {
		if s != site.Stmt || i+1 >= len(list) {
			continue
		}
		if next, ok := list[i+1].(*ast.IfStmt); ok && next.Init == nil && isErrNil(next.Cond) {
			return next
		}
	}
	return site.Stmt
}

// isErrNil reports "err != nil".
func isErrNil(e ast.Expr) bool {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x, okx := b.X.(*ast.Ident)
	y, oky := b.Y.(*ast.Ident)
	return okx && oky && x.Name == "err" && y.Name == "nil"
}

// returnsError reports whether a function's only result is an error, so
// that "return err" and "return nil" fit it.
func returnsError(info *types.Info, fn ast.Node) bool {
	var ft *ast.FuncType
	switch f := fn.(type) {
	case *ast.FuncLit:
		ft = f.Type
	case *ast.FuncDecl:
		ft = f.Type
	}
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
