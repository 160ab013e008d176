package declared

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// The interpreter walks a migration function the way it runs, far enough
// to see which statements reach the database on which dialect. Values are
// abstract: a constant string, a database handle, a query builder, a list
// (a variadic parameter or a slice literal), a function, Bun's dialect
// name, or just a static type. Functions of the package are followed into
// with their arguments bound (so run(ctx, queries...) and runSQL(ctx, db,
// "...") helpers are understood); a range over a known list is unrolled;
// an if or switch on db.Dialect().Name() narrows the set of dialects its
// branches run on, and a branch that returns takes its dialects away from
// the statements after it.

type value any

type (
	vHandle struct{} // a database handle
	// vList is a slice or array literal, or a map literal (keys set,
	// in the order written: the order Go ranges over it is random).
	vList struct{ elems, keys []value }
	// vStruct is a struct literal: its fields by name.
	vStruct struct{ fields map[string]value }
	vFunc   struct {
		lit  *ast.FuncLit
		decl *ast.FuncDecl
		env  *env    // where a function literal was written, for the variables it captures
		src  *pkgSrc // the package it is written in
	}
	vDialect       struct{}               // db.Dialect()
	vDialectName   struct{}               // db.Dialect().Name()
	vDialectString struct{}               // db.Dialect().Name().String()
	vTyped         struct{ t types.Type } // anything else, known by its type
	// vStr is a string known statically: s, from expr. exact reports
	// that expr is a constant expression whose value is s (so offsets
	// in s map into its literals); otherwise s was computed (a
	// fmt.Sprintf of constants, a concatenation of known strings).
	vStr struct {
		s     string
		expr  ast.Expr
		exact bool
	}
	vChainRef struct{ c *chain }      // a query builder
	vMigrator struct{}                // *migrate.Migrator, whose DB() is a handle
	vUnknown  struct{ why string }    // nothing known
	vNil      struct{}                // nil
	vTuple    struct{ elems []value } // a call's results
)

// chain is a query builder: the method calls made on it, in order. Bun's
// builders are mutable, so every method call on the same builder appends
// to the same chain, wherever it happens.
type chain struct {
	kind string // "CreateTable", ..., "Raw", "data"
	// outer is the largest expression of the builder written in one
	// piece: db.NewCreateTable().Model(...).IfNotExists(); method calls
	// made on it later through a variable add calls, not text.
	outer    *ast.CallExpr
	calls    []call
	executed bool
	live     dset // the dialects running where it was started
}

type call struct {
	name string
	expr *ast.CallExpr
	args []value
}

// env holds the variables of one function invocation; a function
// literal's env has the env it was written in as parent.
type env struct {
	vars   map[types.Object]value
	parent *env
	ret    value
}

func newEnv() *env { return &env{vars: map[types.Object]value{}} }

func (e *env) lookup(obj types.Object) (value, bool) {
	for ; e != nil; e = e.parent {
		if v, ok := e.vars[obj]; ok {
			return v, true
		}
	}
	return nil, false
}

// set assigns to the variable where it is bound, or binds it here.
func (e *env) set(obj types.Object, v value) {
	for x := e; x != nil; x = x.parent {
		if _, ok := x.vars[obj]; ok {
			x.vars[obj] = v
			return
		}
	}
	e.vars[obj] = v
}

// interp interprets one migration direction.
type interp struct {
	x     *extractor
	mig   *Migration
	up    bool
	root  ast.Node // the migration function, for fix sites
	live  dset
	stack []ast.Node // the functions being interpreted, innermost last
	// chains are the builders started, to note those never executed.
	chains []*chain
	// src is the package whose code is being interpreted; callSite,
	// while in a function of another package of the module, the call
	// into it from this package, where what it runs is reported.
	// maybe counts the undecided conditions around the statement being
	// interpreted: its changes may or may not run.
	maybe int
	// caseUndecided is set by a switch's case evaluation when the case
	// does not depend on the dialect alone.
	caseUndecided bool
	// prev is the range of changes the last statement of the block that
	// made any made, for an error check after it.
	prev     [2]int
	src      *pkgSrc
	callSite ast.Expr
	curCall  ast.Expr // the call being followed into a function
}

const maxDepth = 16

func (in *interp) note(n ast.Node, live dset, format string, args ...any) {
	n = in.anchor(n)
	in.x.addNote(at{pos: n.Pos(), end: n.End()}, live, in.mig, fmt.Sprintf(format, args...))
}

// unseen notes code that is not followed: what it runs is not seen.
func (in *interp) unseen(n ast.Node, live dset, format string, args ...any) {
	n = in.anchor(n)
	in.x.addUnseen(at{pos: n.Pos(), end: n.End()}, live, in.mig, fmt.Sprintf(format, args...))
}

// anchor is where something found at n is reported: n itself, or, in a
// function of another package, the call into it from this package.
func (in *interp) anchor(n ast.Node) ast.Node {
	if in.callSite != nil {
		return in.callSite
	}
	return n
}

// run interprets a migration function value: a function literal, a
// function or method value, or a variable (of the package, or local and
// assigned once) holding one.
func (in *interp) run(fn ast.Expr) {
	in.live = dAll
	in.src = in.x.own
	v := in.eval(fn, newEnv())
	if id, ok := ast.Unparen(fn).(*ast.Ident); ok {
		if _, isFn := v.(vFunc); !isFn {
			// up := func(...) {...}; Migrations.MustRegister(up, down)
			if obj, ok := in.src.info.Uses[id].(*types.Var); ok {
				if init := in.x.localInit(obj); init != nil {
					v = in.eval(init, newEnv())
				}
			}
		}
	}
	f, ok := v.(vFunc)
	if !ok {
		in.unseen(fn, dAll, "the %s function is not a function literal, a function or method of this package, or a variable assigned one once: what it runs is not seen", in.dir())
		return
	}
	in.root = f.decl
	if f.lit != nil {
		in.root = f.lit
	}
	// A function of another package registered here: what it runs is
	// reported at the registration.
	in.curCall = fn
	in.callFunc(f, nil, nil)
	for _, c := range in.chains {
		if !c.executed && c.kind != "data" {
			in.note(c.span(), c.live, "this query is built but not seen executed (Exec is not called on it where the extraction can follow): it is left out")
		}
	}
}

func (in *interp) dir() string {
	if in.up {
		return "up"
	}
	return "down"
}

// span is the builder's expression as written: from the handle to the
// last method called on it in the same expression.
func (c *chain) span() *ast.CallExpr { return c.outer }

// callFunc interprets a function with arguments bound to its parameters
// and returns its (first) result.
func (in *interp) callFunc(f vFunc, args []value, argExprs []ast.Expr) value {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	var fn ast.Node
	name := "the function literal"
	if f.lit != nil {
		ftype, body, fn = f.lit.Type, f.lit.Body, f.lit
	} else {
		ftype, body, fn, name = f.decl.Type, f.decl.Body, f.decl, f.decl.Name.Name
	}
	if slices.Contains(in.stack, fn) {
		in.unseen(fn, in.live, "recursive call of %s is not followed", name)
		return vUnknown{"recursion"}
	}
	if len(in.stack) >= maxDepth {
		in.unseen(fn, in.live, "calls nested deeper than %d are not followed", maxDepth)
		return vUnknown{"depth"}
	}
	in.stack = append(in.stack, fn)
	defer func() { in.stack = in.stack[:len(in.stack)-1] }()
	if body == nil {
		return vUnknown{"no body"}
	}
	e := newEnv()
	e.parent = f.env
	savedSrc, savedSite := in.src, in.callSite
	if f.src != nil && f.src != in.src {
		switch {
		case f.src == in.x.own:
			// Back in this package (a function literal of the
			// migration given to a helper): reported where written.
			in.setSite(nil)
		case in.callSite == nil:
			in.setSite(in.curCall)
		}
		in.src = f.src
	}
	in.bindParams(e, ftype, args, argExprs)
	saved := in.live
	in.block(body.List, e)
	in.live = saved
	in.src = savedSrc
	in.setSite(savedSite)
	if e.ret == nil {
		return vUnknown{"no result"}
	}
	return e.ret
}

// bindParams binds arguments to parameters; a variadic parameter gets the
// list of the remaining arguments (or the list spread with ...).
func (in *interp) bindParams(e *env, ft *ast.FuncType, args []value, argExprs []ast.Expr) {
	info := in.src.info
	var params []*ast.Ident
	var variadic bool
	for i, field := range ft.Params.List {
		if _, ok := field.Type.(*ast.Ellipsis); ok && i == len(ft.Params.List)-1 {
			variadic = true
		}
		if len(field.Names) == 0 {
			params = append(params, nil)
			continue
		}
		params = append(params, field.Names...)
	}
	for i, id := range params {
		if id == nil {
			continue
		}
		obj := info.Defs[id]
		if obj == nil {
			continue
		}
		switch {
		case variadic && i == len(params)-1:
			if i < len(args) {
				if len(args) == i+1 {
					if l, ok := args[i].(vList); ok && spread(argExprs) {
						e.vars[obj] = l
						continue
					}
				}
				e.vars[obj] = vList{elems: args[i:]}
			} else {
				e.vars[obj] = vList{}
			}
		case i < len(args):
			e.vars[obj] = args[i]
		default:
			e.vars[obj] = in.typed(obj.Type())
		}
	}
}

// spread reports whether the last argument expression was written x...;
// argExprs carries a nil sentinel at the end for that.
func spread(argExprs []ast.Expr) bool {
	return len(argExprs) > 0 && argExprs[len(argExprs)-1] == nil
}

// typed is the value of something known only by its type: a handle, or
// anything else.
func (in *interp) typed(t types.Type) value {
	if t != nil && isHandle(t) {
		return vHandle{}
	}
	if t != nil && isNamed(t, migratePkg, "Migrator") {
		return vMigrator{}
	}
	return vTyped{t: t}
}

// block interprets statements while some dialect still runs them.
func (in *interp) block(stmts []ast.Stmt, e *env) {
	in.prev = [2]int{in.count(), in.count()}
	for _, s := range stmts {
		if in.live == 0 {
			return
		}
		start := in.count()
		in.stmt(s, e)
		if in.count() > start {
			in.prev = [2]int{start, in.count()}
		}
	}
}

// stmt interprets a statement; in.live is the set of dialects running
// after it.
func (in *interp) stmt(s ast.Stmt, e *env) {
	info := in.src.info
	switch s := s.(type) {
	case *ast.ExprStmt:
		in.eval(s.X, e)
	case *ast.AssignStmt:
		in.assign(s.Lhs, s.Rhs, s.Tok, e)
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				lhs := make([]ast.Expr, len(vs.Names))
				for i, n := range vs.Names {
					lhs[i] = n
				}
				if len(vs.Values) > 0 {
					in.assign(lhs, vs.Values, token.DEFINE, e)
				}
			}
		}
	case *ast.ReturnStmt:
		var vals []value
		for _, r := range s.Results {
			vals = append(vals, in.eval(r, e))
		}
		if len(vals) > 0 {
			if e.ret == nil {
				e.ret = vals[0]
			} else if !sameValue(e.ret, vals[0]) {
				e.ret = vUnknown{"several results"}
			}
		}
		in.live = 0
	case *ast.IfStmt:
		checked := in.prev
		if s.Init != nil {
			start := in.count()
			in.stmt(s.Init, e)
			checked = [2]int{start, in.count()}
		}
		if swallowsExists(info, s.Cond) {
			// if err != nil && !strings.Contains(err.Error(), "already
			// exists"): the statement checked may fail harmlessly.
			in.markMaybe(checked)
		}
		t, f, known := in.cond(s.Cond, e)
		entry := in.live
		before := in.count()
		undecided := !known && !isErrCheck(info, s.Cond)
		if undecided {
			in.maybe++
		}
		in.live = entry & t
		in.stmt(s.Body, e)
		thenOut := in.live
		in.live = entry & f
		if s.Else != nil {
			in.stmt(s.Else, e)
		}
		elseOut := in.live
		in.live = thenOut | elseOut
		if undecided {
			in.maybe--
		}
		if undecided && in.count() > before {
			in.note(s.Cond, entry, "statements under this condition are assumed to run where they fit (the extraction cannot tell when %s holds): none is reported as conflicting with the schema", short(s.Cond))
		}
	case *ast.BlockStmt:
		in.block(s.List, e)
	case *ast.SwitchStmt:
		in.switchStmt(s, e)
	case *ast.TypeSwitchStmt:
		in.typeSwitch(s, e)
	case *ast.RangeStmt:
		in.rangeStmt(s, e)
	case *ast.ForStmt:
		if s.Init != nil {
			in.stmt(s.Init, e)
		}
		entry := in.live
		if s.Cond != nil {
			in.eval(s.Cond, e)
		}
		in.stmt(s.Body, e)
		if s.Post != nil {
			in.stmt(s.Post, e)
		}
		in.live |= entry
	case *ast.LabeledStmt:
		in.stmt(s.Stmt, e)
	case *ast.DeferStmt:
		in.eval(s.Call, e)
	case *ast.GoStmt:
		in.eval(s.Call, e)
	case *ast.IncDecStmt, *ast.EmptyStmt, *ast.BranchStmt, *ast.SendStmt:
		// No query runs here. break and continue end the block as it
		// is walked; nothing after them in it is reached.
		if b, ok := s.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			in.unseen(s, in.live, "goto is not followed")
		}
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			entry := in.live
			in.block(cc.Body, e)
			in.live |= entry
		}
	}
}

// assign binds the values of rhs to the variables of lhs.
func (in *interp) assign(lhs, rhs []ast.Expr, tok token.Token, e *env) {
	info := in.src.info
	var vals []value
	for _, r := range rhs {
		vals = append(vals, in.eval(r, e))
	}
	if len(rhs) == 1 && len(lhs) > 1 {
		if t, ok := vals[0].(vTuple); ok {
			vals = t.elems
		} else {
			vals = nil
		}
	}
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if obj == nil {
			continue
		}
		var v value
		if i < len(vals) {
			v = vals[i]
		} else {
			v = in.typed(obj.Type())
		}
		if tok != token.ASSIGN && tok != token.DEFINE {
			v = vUnknown{"compound assignment"} // s += "..." and the like
		}
		if tok == token.DEFINE {
			e.vars[obj] = v
		} else {
			e.set(obj, v)
		}
	}
}

// count is the number of changes recorded so far, to tell whether a
// stretch of code ran any statement.
func (in *interp) count() int { return len(in.mig.Up) + len(in.mig.Down) }

// markMaybe marks the changes of a range of count() as possibly not run.
func (in *interp) markMaybe(r [2]int) {
	cs := in.mig.Down
	if in.up {
		cs = in.mig.Up
	}
	base := len(in.mig.Up) + len(in.mig.Down) - len(cs)
	for i := max(r[0]-base, 0); i < r[1]-base && i < len(cs); i++ {
		cs[i].Maybe = true
	}
}

// existsWords are what an "already exists" error is recognised by: the
// words of PostgreSQL, MySQL and SQLite messages, and PostgreSQL's codes
// for duplicate tables, columns, objects and schemas.
var existsWords = []string{"exist", "duplicate", "42p07", "42701", "42710", "42p06", "1050", "1060", "1061"}

// swallowsExists recognises a condition on an error that speaks of
// existence: err != nil && !strings.Contains(err.Error(), "already
// exists"), !isDuplicateColumn(err), errors.As(err, &pgErr) &&
// pgErr.Code == "42P07". It lets the statement before it fail because
// what it creates exists already (or what it drops does not).
func swallowsExists(info *types.Info, cond ast.Expr) bool {
	onErr := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !onErr {
			if t := info.TypeOf(x); t != nil && types.Identical(t, types.Universe.Lookup("error").Type()) {
				onErr = true
			}
		}
		return !onErr
	})
	if !onErr {
		return false
	}
	mentions := func(x ast.Expr) bool {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			var s string
			switch n := n.(type) {
			case *ast.Ident:
				s = n.Name // isDuplicateColumn(err), pgerrcode.DuplicateTable
			case ast.Expr:
				if tv, ok := info.Types[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					s = constant.StringVal(tv.Value)
				}
			}
			s = strings.ToLower(s)
			for _, w := range existsWords {
				if strings.Contains(s, w) && (len(w) > 4 || s == w) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	return mentions(cond)
}

func sameValue(a, b value) bool {
	switch a := a.(type) {
	case vChainRef:
		bb, ok := b.(vChainRef)
		return ok && bb.c == a.c
	case vHandle:
		_, ok := b.(vHandle)
		return ok
	}
	return false
}

// isErrCheck reports "err != nil", "err == nil" and the like, whose
// branches are error paths: they need no note.
func isErrCheck(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false
	}
	isNil := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && id.Name == "nil"
	}
	isErr := func(x ast.Expr) bool {
		t := info.TypeOf(x)
		return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
	}
	return (isNil(b.Y) && isErr(b.X)) || (isNil(b.X) && isErr(b.Y))
}

func short(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// cond evaluates a condition: t are the dialects on which it may be
// true, f those on which it may be false; known reports that it depends
// on the dialect alone.
func (in *interp) cond(c ast.Expr, e *env) (t, f dset, known bool) {
	switch c := ast.Unparen(c).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			t, f, known = in.cond(c.X, e)
			return f, t, known
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			t1, f1, k1 := in.cond(c.X, e)
			t2, f2, k2 := in.cond(c.Y, e)
			return t1 & t2, f1 | f2, k1 && k2
		case token.LOR:
			t1, f1, k1 := in.cond(c.X, e)
			t2, f2, k2 := in.cond(c.Y, e)
			return t1 | t2, f1 & f2, k1 && k2
		case token.EQL, token.NEQ:
			if s, ok := in.dialectCompare(c.X, c.Y, e); ok {
				if c.Op == token.NEQ {
					return dAll &^ s, s, true
				}
				return s, dAll &^ s, true
			}
		}
	}
	in.eval(c, e)
	return dAll, dAll, false
}

// dialectCompare recognises x == y where one side is the dialect's name
// (db.Dialect().Name(), or its String()) and the other a constant; it
// returns the dialects for which they are equal.
func (in *interp) dialectCompare(x, y ast.Expr, e *env) (dset, bool) {
	vx, vy := in.eval(x, e), in.eval(y, e)
	if s, ok := in.dialectMatch(vx, y); ok {
		return s, true
	}
	return in.dialectMatch(vy, x)
}

func (in *interp) dialectMatch(v value, other ast.Expr) (dset, bool) {
	tv, ok := in.src.info.Types[other]
	if !ok || tv.Value == nil {
		return 0, false
	}
	switch v.(type) {
	case vDialectName:
		if tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, _ := constant.Int64Val(tv.Value)
		return in.x.dialectByNumber(n), true
	case vDialectString:
		if tv.Value.Kind() != constant.String {
			return 0, false
		}
		return dialectBit(Dialect(constant.StringVal(tv.Value))), true
	}
	return 0, false
}

// switchStmt interprets a switch: on the dialect's name, each clause runs
// on the dialects its cases name (default on the others).
func (in *interp) switchStmt(s *ast.SwitchStmt, e *env) {
	if s.Init != nil {
		in.stmt(s.Init, e)
	}
	var tag value
	if s.Tag != nil {
		tag = in.eval(s.Tag, e)
	}
	_, byDialect := tag.(vDialectName)
	if _, ok := tag.(vDialectString); ok {
		byDialect = true
	}
	in.clauses(s.Body, byDialect, e, func(cc *ast.CaseClause) dset {
		set := dset(0)
		for _, x := range cc.List {
			switch {
			case byDialect:
				m, ok := in.dialectMatch(tag, x)
				if !ok {
					in.caseUndecided = true
					return dAll
				}
				set |= m
			case s.Tag == nil:
				t, _, known := in.cond(x, e)
				if !known {
					in.caseUndecided = true
				}
				set |= t
			default:
				in.eval(x, e)
				in.caseUndecided = true
				set = dAll
			}
		}
		return set
	})
}

// clauses runs the clauses of a switch, each on the dialects caseSet
// gives it; with byDialect, default runs on the dialects no case named.
// Afterwards the dialects running are those any clause (or, without a
// default, the switch itself) let through.
func (in *interp) clauses(body *ast.BlockStmt, byDialect bool, e *env, caseSet func(*ast.CaseClause) dset) {
	entry := in.live
	out, covered := dset(0), dset(0)
	var deflt *ast.CaseClause
	anyUndecided := false
	for _, st := range body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		in.caseUndecided = false
		set := caseSet(cc)
		undecided := in.caseUndecided
		anyUndecided = anyUndecided || undecided
		if byDialect {
			covered |= set
		}
		in.live = entry & set
		if undecided {
			// A case the extraction cannot decide: its statements
			// may or may not run.
			in.maybe++
		}
		in.block(cc.Body, e)
		if undecided {
			in.maybe--
		}
		out |= in.live
	}
	rest := entry &^ covered
	if deflt != nil {
		in.live = rest
		if anyUndecided {
			in.maybe++
		}
		in.block(deflt.Body, e)
		if anyUndecided {
			in.maybe--
		}
		out |= in.live
	} else {
		out |= rest
	}
	in.live = out
}

// typeSwitch interprets switch db.Dialect().(type): each clause runs on
// the dialect its case types name.
func (in *interp) typeSwitch(s *ast.TypeSwitchStmt, e *env) {
	if s.Init != nil {
		in.stmt(s.Init, e)
	}
	var x ast.Expr
	switch a := s.Assign.(type) {
	case *ast.ExprStmt:
		x = a.X
	case *ast.AssignStmt:
		x = a.Rhs[0]
	}
	ta, _ := ast.Unparen(x).(*ast.TypeAssertExpr)
	byDialect := false
	if ta != nil {
		_, byDialect = in.eval(ta.X, e).(vDialect)
	}
	in.clauses(s.Body, byDialect, e, func(cc *ast.CaseClause) dset {
		if !byDialect {
			in.caseUndecided = true
			return dAll
		}
		set := dset(0)
		for _, t := range cc.List {
			set |= dialectOfType(in.src.info.TypeOf(t))
		}
		return set
	})
}

func dialectOfType(t types.Type) dset {
	switch {
	case isNamed(t, pgDialect, "Dialect"):
		return dPG
	case isNamed(t, myDialect, "Dialect"):
		return dMy
	case isNamed(t, liteDialect, "Dialect"):
		return dLite
	}
	return 0
}

// rangeStmt unrolls a range over a known list; any other range runs its
// body once with the element unknown.
func (in *interp) rangeStmt(s *ast.RangeStmt, e *env) {
	info := in.src.info
	bind := func(x ast.Expr, v value) {
		if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
			obj := info.Defs[id]
			if obj == nil {
				obj = info.Uses[id]
			}
			if obj != nil {
				e.vars[obj] = v
			}
		}
	}
	coll := in.eval(s.X, e)
	if l, ok := coll.(vList); ok {
		for i, el := range l.elems {
			if in.live == 0 {
				return
			}
			if s.Key != nil && l.keys != nil {
				bind(s.Key, l.keys[i])
			} else if s.Key != nil {
				bind(s.Key, vTyped{t: info.TypeOf(s.Key)})
			}
			if s.Value != nil {
				bind(s.Value, el)
			}
			in.block(s.Body.List, e)
		}
		return
	}
	if s.Key != nil {
		bind(s.Key, in.typed(info.TypeOf(s.Key)))
	}
	if s.Value != nil {
		bind(s.Value, vUnknown{"range over an unknown collection"})
	}
	entry := in.live
	in.block(s.Body.List, e)
	in.live |= entry
}

// eval evaluates an expression: it runs what the expression runs (calls,
// builders executed) and returns its abstract value.
func (in *interp) eval(x ast.Expr, e *env) value {
	info := in.src.info
	if tv, ok := info.Types[x]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return vStr{s: constant.StringVal(tv.Value), expr: x, exact: true}
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return in.eval(x.X, e)
	case *ast.Ident:
		obj := info.Uses[x]
		if obj == nil {
			obj = info.Defs[x]
		}
		if v, ok := e.lookup(obj); ok {
			return v
		}
		switch o := obj.(type) {
		case *types.Nil:
			return vNil{}
		case *types.Func:
			if d, src := in.x.funcOf(o); d != nil {
				return vFunc{decl: d, src: src}
			}
		case *types.Var:
			if o.Pkg() != nil && o.Parent() == o.Pkg().Scope() {
				if init := in.src.globals[o]; init != nil {
					return in.eval(init, newEnv())
				}
			}
		}
		if obj != nil {
			return in.typed(obj.Type())
		}
		return vUnknown{"unresolved"}
	case *ast.FuncLit:
		return vFunc{lit: x, env: e, src: in.src}
	case *ast.CompositeLit:
		t := info.TypeOf(x)
		if t != nil {
			switch u := t.Underlying().(type) {
			case *types.Slice, *types.Array, *types.Map:
				var l vList
				_, isMap := u.(*types.Map)
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if isMap {
							l.keys = append(l.keys, in.eval(kv.Key, e))
						}
						el = kv.Value
					}
					l.elems = append(l.elems, in.eval(el, e))
				}
				if isMap && len(l.keys) != len(l.elems) {
					l.keys = nil
				}
				return l
			case *types.Struct:
				// {name: "...", sql: "..."}: fields kept for x.sql.
				st := vStruct{fields: map[string]value{}}
				for i, el := range x.Elts {
					name := ""
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							name = id.Name
						}
						el = kv.Value
					} else if i < u.NumFields() {
						name = u.Field(i).Name()
					}
					if _, isFn := el.(*ast.FuncLit); isFn {
						st.fields[name] = vFunc{lit: el.(*ast.FuncLit), env: e, src: in.src}
						continue
					}
					st.fields[name] = in.eval(el, e)
				}
				return st
			}
		}
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if _, isFn := el.(*ast.FuncLit); !isFn {
				in.eval(el, e)
			}
		}
		return vTyped{t: t}
	case *ast.CallExpr:
		return in.call(x, e)
	case *ast.UnaryExpr:
		in.eval(x.X, e)
		return vTyped{t: info.TypeOf(x)}
	case *ast.BinaryExpr:
		l, r := in.eval(x.X, e), in.eval(x.Y, e)
		if x.Op == token.ADD {
			// Known strings joined: "ALTER TABLE " + table + ...
			if ls, ok := l.(vStr); ok {
				if rs, ok := r.(vStr); ok {
					return vStr{s: ls.s + rs.s, expr: x}
				}
			}
		}
		return vTyped{t: info.TypeOf(x)}
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel != nil && sel.Kind() == types.FieldVal {
			if st, ok := in.eval(x.X, e).(vStruct); ok && len(sel.Index()) == 1 {
				if v, ok := st.fields[x.Sel.Name]; ok {
					return v
				}
			}
		}
		if sel != nil && (sel.Kind() == types.MethodVal || sel.Kind() == types.MethodExpr) {
			// A method value (m.up) is its method, the receiver
			// unknown; one of an interface is not known.
			if fn, ok := sel.Obj().(*types.Func); ok {
				if d, src := in.x.funcOf(fn); d != nil {
					return vFunc{decl: d, src: src}
				}
			}
		}
		if sel == nil {
			// pkg.Func or pkg.Var of another package.
			switch o := info.Uses[x.Sel].(type) {
			case *types.Func:
				if d, src := in.x.funcOf(o); d != nil {
					return vFunc{decl: d, src: src}
				}
			case *types.Var:
				if src := in.x.srcOf(o.Pkg()); src != nil && src.globals[o] != nil && len(in.stack) < maxDepth {
					saved := in.src
					in.src = src
					v := in.eval(src.globals[o], newEnv())
					in.src = saved
					return v
				}
			}
		}
		return in.typed(info.TypeOf(x))
	case *ast.StarExpr:
		in.eval(x.X, e)
		return in.typed(info.TypeOf(x))
	case *ast.IndexExpr:
		c := in.eval(x.X, e)
		in.eval(x.Index, e)
		if l, ok := c.(vList); ok {
			if tv, ok := info.Types[x.Index]; ok && tv.Value != nil {
				if i, ok := constant.Int64Val(tv.Value); ok && i >= 0 && int(i) < len(l.elems) {
					return l.elems[i]
				}
			}
		}
		return in.typed(info.TypeOf(x))
	case *ast.TypeAssertExpr:
		v := in.eval(x.X, e)
		if _, ok := v.(vChainRef); ok {
			return v
		}
		return in.typed(info.TypeOf(x))
	case *ast.SliceExpr:
		in.eval(x.X, e)
		return in.typed(info.TypeOf(x))
	case *ast.KeyValueExpr:
		return in.eval(x.Value, e)
	}
	return in.typed(info.TypeOf(x))
}

// call evaluates a call expression.
func (in *interp) call(c *ast.CallExpr, e *env) value {
	info := in.src.info
	if tv, ok := info.Types[c.Fun]; ok && tv.IsType() {
		// A conversion: (*schema.User)(nil) is a value of its type.
		for _, a := range c.Args {
			in.eval(a, e)
		}
		return in.typed(tv.Type)
	}
	if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			for _, a := range c.Args {
				in.eval(a, e)
			}
			if id.Name == "new" && len(c.Args) == 1 {
				return in.typed(types.NewPointer(info.TypeOf(c.Args[0])))
			}
			return in.typed(info.TypeOf(c))
		}
	}
	// A method call: evaluate the receiver first.
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			recv := in.eval(sel.X, e)
			args, argExprs := in.args(c, e)
			return in.method(c, sel, s.Obj().(*types.Func), recv, args, argExprs, e)
		}
	}
	fn := calledFunc(info, c)
	args, argExprs := in.args(c, e)
	if fn == nil {
		f := in.eval(c.Fun, e)
		if fv, ok := f.(vFunc); ok {
			return in.follow(c, fv, args, argExprs)
		}
		if handleIn(args) {
			in.unseen(c, in.live, "call of the function value %s with the database handle is not followed: what it runs is not seen", short(c.Fun))
		}
		return in.typed(info.TypeOf(c))
	}
	if d, src := in.x.funcOf(fn); d != nil && d.Recv == nil {
		return in.follow(c, vFunc{decl: d, src: src}, args, argExprs)
	}
	if v, ok := in.sprintf(c, fn, args); ok {
		return v
	}
	return in.foreign(c, fn, args)
}

// args evaluates call arguments. argExprs mirrors them, with a trailing
// nil when the last one is spread (x...).
func (in *interp) args(c *ast.CallExpr, e *env) ([]value, []ast.Expr) {
	var vals []value
	exprs := append([]ast.Expr(nil), c.Args...)
	for _, a := range c.Args {
		vals = append(vals, in.eval(a, e))
	}
	if c.Ellipsis.IsValid() {
		exprs = append(exprs, nil)
	}
	return vals, exprs
}

func handleIn(args []value) bool {
	for _, a := range args {
		switch a.(type) {
		case vHandle, vChainRef:
			return true
		}
	}
	return false
}

// foreign handles a call of a function of another package.
func (in *interp) foreign(c *ast.CallExpr, fn *types.Func, args []value) value {
	info := in.src.info
	sig, _ := fn.Type().(*types.Signature)
	holds := sig != nil && sig.Recv() != nil && holdsHandle(sig.Recv().Type())
	if (handleIn(args) || holds) && fn.Pkg() != nil && takesHandle(fn) && foreignRuns(in.x.pass, fn) {
		in.unseen(c, in.live, "%s.%s may run queries on the database handle, and what it runs is not seen: create schema objects in the migration or in a function of this package",
			fn.Pkg().Name(), fn.Name())
	}
	// Function literals given to other functions (errgroup.Go, a retry
	// helper) are assumed to run where they are passed.
	for i, a := range args {
		if fv, ok := a.(vFunc); ok && fv.lit != nil {
			before := in.count()
			in.callFunc(fv, nil, nil)
			if in.count() > before {
				in.note(c.Args[i], in.live, "this function literal, given to %s, is assumed to run here", fn.Name())
			}
		}
	}
	return in.typed(info.TypeOf(c))
}

// method evaluates a method call on a value.
func (in *interp) method(c *ast.CallExpr, sel *ast.SelectorExpr, fn *types.Func, recv value, args []value, argExprs []ast.Expr, _ *env) value {
	info := in.src.info
	name := fn.Name()
	pkg, recvName := methodOf(fn)
	switch r := recv.(type) {
	case vChainRef:
		return in.chainMethod(c, sel, r.c, name, args)
	case vDialect:
		if name == "Name" {
			return vDialectName{}
		}
	case vDialectName:
		if name == "String" {
			return vDialectString{}
		}
	case vMigrator:
		if name == "DB" {
			return vHandle{}
		}
	}
	if isHandle(info.TypeOf(sel.X)) || (pkg == bunPkg && (recvName == "DB" || recvName == "Tx" || recvName == "Conn" || recvName == "IDB" || recvName == "IConn")) {
		return in.handleMethod(c, name, args)
	}
	if pkg == sqlPkg && (recvName == "DB" || recvName == "Tx" || recvName == "Conn") {
		return in.handleMethod(c, name, args)
	}
	if pkg == schemaPkg && name == "Name" && recvName == "Dialect" {
		return vDialectName{}
	}
	if d, src := in.x.funcOf(fn); d != nil && d.Body != nil {
		// A method of this package (or of another of the module):
		// followed like a function, its receiver unknown.
		return in.follow(c, vFunc{decl: d, src: src}, args, argExprs)
	}
	if pkg != "" && pkg != sqlPkg && pkg != bunPkg && !strings.HasPrefix(pkg, bunPkg+"/") {
		return in.foreign(c, fn, append([]value{recv}, args...))
	}
	if execMethods[name] {
		if _, isTyped := recv.(vTyped); isTyped && isBuilderType(info.TypeOf(sel.X)) {
			in.unseen(c, in.live, "a query builder that the extraction cannot trace back to where it was built is executed here: what it runs is not seen")
		}
	}
	return in.typed(info.TypeOf(c))
}

// isBuilderType reports Bun's query builder types.
func isBuilderType(t types.Type) bool {
	n := named(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == bunPkg && strings.HasSuffix(n.Obj().Name(), "Query")
}

// handleMethod evaluates a method of a database handle.
func (in *interp) handleMethod(c *ast.CallExpr, name string, args []value) value {
	if kind, ok := builderKinds[name]; ok {
		ch := &chain{kind: kind, outer: c, live: in.live}
		in.chains = append(in.chains, ch)
		if kind == "Raw" {
			ch.calls = append(ch.calls, call{name: name, expr: c, args: args})
		}
		return vChainRef{c: ch}
	}
	switch name {
	case "Dialect":
		return vDialect{}
	case "ExecContext", "Exec", "QueryContext", "Query", "QueryRowContext", "QueryRow":
		in.sqlCall(c, name, args)
		if name == "QueryRow" || name == "QueryRowContext" {
			return vUnknown{"row"}
		}
		return vTuple{elems: []value{vUnknown{"result"}, vUnknown{"error"}}}
	case "RunInTx":
		for _, a := range args {
			if fv, ok := a.(vFunc); ok {
				return in.callFunc(fv, []value{vTyped{}, vHandle{}}, nil)
			}
		}
		in.unseen(c, in.live, "the function given to RunInTx is not a function literal or a function of this package: what it runs is not seen")
	case "BeginTx", "Begin", "Conn":
		return vTuple{elems: []value{vHandle{}, vUnknown{"error"}}}
	case "ResetModel":
		in.resetModel(c, args)
		return vUnknown{"error"}
	}
	return vUnknown{"handle method " + name}
}

// sqlCall emits the SQL given to ExecContext and its kin.
func (in *interp) sqlCall(c *ast.CallExpr, name string, args []value) {
	i := 0
	if strings.HasSuffix(name, "Context") {
		i = 1
	}
	if i >= len(c.Args) {
		return
	}
	in.emitSQL(c.Args[i], args[i], len(c.Args) > i+1)
}

// emitSQL records the changes of SQL text on every dialect running it.
func (in *interp) emitSQL(arg ast.Expr, v value, hasArgs bool) {
	s, ok := v.(vStr)
	if !ok {
		in.unseen(arg, in.live, "the SQL is not a constant string (a const, a literal, or constants joined with +): its statements are not seen")
		return
	}
	src := s.s
	if hasArgs && strings.Contains(src, "?") {
		if isSelect(src) {
			// A query with arguments (columnExists helpers): whatever
			// Bun formats into it, it creates nothing.
			return
		}
		in.unseen(arg, in.live, "SQL with ? placeholders and arguments is formatted by Bun at run time: its statements are not seen")
		return
	}
	mapper := in.mapper(s, arg)
	for _, d := range in.live.list() {
		cs, notes := sqlText{d: d, src: src, pos: mapper}.changes()
		for _, n := range notes {
			in.x.addNoteUnseen(n.at, dialectBit(d), in.mig, n.msg, n.unseen)
		}
		for _, ch := range cs {
			in.x.site(in, ch, arg, nil)
			in.emit(ch)
		}
	}
}

// emit appends a change to the migration direction being interpreted.
// A change made in a function of another package is reported at the
// call into it.
func (in *interp) emit(c *Change) {
	c.Maybe = c.Maybe || in.maybe > 0
	if cs := in.callSite; cs != nil {
		c.pos, c.end = cs.Pos(), cs.End()
		for _, a := range []*at{indexAt(c.Index), columnAt(c.Column), fkAt(c.ForeignKey)} {
			if a != nil {
				a.pos, a.end = cs.Pos(), cs.End()
			}
		}
	}
	if in.up {
		in.mig.Up = append(in.mig.Up, c)
	} else {
		in.mig.Down = append(in.mig.Down, c)
	}
}

// chainMethod evaluates a method call on a query builder.
func (in *interp) chainMethod(c *ast.CallExpr, sel *ast.SelectorExpr, ch *chain, name string, args []value) value {
	if ast.Unparen(sel.X) == ch.outer {
		ch.outer = c
	}
	switch name {
	case "Exec", "Scan", "ScanAndCount", "Count", "Exists", "Rows":
		ch.executed = true
		in.execute(ch)
		return vTuple{elems: []value{vUnknown{"result"}, vUnknown{"error"}}}
	case "String", "Operation", "GetTableName", "GetModel", "DB", "Dialect", "AppendQuery", "QueryGen":
		return vUnknown{"builder accessor"}
	}
	ch.calls = append(ch.calls, call{name: name, expr: c, args: args})
	return vChainRef{c: ch}
}

// execute records what an executed builder runs on every dialect running
// it here.
func (in *interp) execute(ch *chain) {
	switch ch.kind {
	case "data":
		for _, d := range in.live.list() {
			c := &Change{Kind: Data, Dialect: d, Builder: true}
			in.x.site(in, c, ch.span(), ch)
			in.emit(c)
		}
		return
	case "Raw":
		raw := ch.calls[0]
		if len(raw.expr.Args) == 0 {
			return
		}
		in.emitSQL(raw.expr.Args[0], raw.args[0], len(raw.expr.Args) > 1)
		return
	}
	for _, d := range in.live.list() {
		cs := in.x.build(in, ch, d)
		for _, c := range cs {
			c.Builder = true
			in.emit(c)
		}
	}
}

// setSite sets the call into another package that what is found is
// reported at (nil: where it is written).
func (in *interp) setSite(c ast.Expr) {
	in.callSite = c
	in.x.anchor = nil
	if c != nil {
		in.x.anchor = c
	}
}

// follow interprets a call of a function the extraction can read.
func (in *interp) follow(c *ast.CallExpr, f vFunc, args []value, argExprs []ast.Expr) value {
	in.curCall = c
	return in.callFunc(f, args, argExprs)
}

// mapper maps an offset in a known string to the source: into the
// literals of a constant expression of this package; otherwise to where
// the string was computed, to use (where another package's string is
// used here), or to the call into another package.
func (in *interp) mapper(s vStr, use ast.Node) func(int) token.Pos {
	if in.callSite != nil {
		p := in.callSite.Pos()
		return func(int) token.Pos { return p }
	}
	own := in.x.fileOf(s.expr.Pos()) != nil
	if s.exact && in.src == in.x.own && own {
		return in.x.literalMapper(s.expr)
	}
	p := s.expr.Pos()
	if !own {
		p = use.Pos()
	}
	return func(int) token.Pos { return p }
}

// sprintf evaluates fmt.Sprintf with a constant format and arguments that
// are all known strings or constants: the SQL it formats is known. Verbs
// other than %s, %d, %v, %q and %% are left to run time.
func (in *interp) sprintf(c *ast.CallExpr, fn *types.Func, args []value) (value, bool) {
	if fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(args) == 0 || c.Ellipsis.IsValid() {
		return nil, false
	}
	format, ok := args[0].(vStr)
	if !ok {
		return nil, false
	}
	var vals []any
	for i, a := range args[1:] {
		if s, ok := a.(vStr); ok {
			vals = append(vals, s.s)
			continue
		}
		tv := in.src.info.Types[c.Args[i+1]]
		if tv.Value == nil {
			return nil, false
		}
		switch tv.Value.Kind() {
		case constant.Int:
			n, exact := constant.Int64Val(tv.Value)
			if !exact {
				return nil, false
			}
			vals = append(vals, n)
		case constant.Bool:
			vals = append(vals, constant.BoolVal(tv.Value))
		default:
			return nil, false
		}
	}
	verbs := 0
	for i := 0; i < len(format.s); i++ {
		if format.s[i] != '%' {
			continue
		}
		i++
		if i >= len(format.s) {
			return nil, false
		}
		switch format.s[i] {
		case '%':
		case 's', 'v', 'q':
			verbs++
		case 'd':
			if verbs >= len(vals) {
				return nil, false
			}
			if _, isInt := vals[verbs].(int64); !isInt {
				return nil, false // %!d(string=...) is not what the author meant
			}
			verbs++
		default:
			return nil, false // flags, widths, other verbs: not worth guessing
		}
	}
	if verbs != len(vals) {
		return nil, false
	}
	return vStr{s: fmt.Sprintf(format.s, vals...), expr: c}, true
}

func indexAt(ix *Index) *at {
	if ix == nil {
		return nil
	}
	return &ix.at
}

func columnAt(c *Column) *at {
	if c == nil {
		return nil
	}
	return &c.at
}

func fkAt(fk *ForeignKey) *at {
	if fk == nil {
		return nil
	}
	return &fk.at
}

// isSelect reports one SELECT statement (no ; other than a trailing one).
func isSelect(q string) bool {
	q = strings.TrimSuffix(strings.TrimSpace(q), ";")
	if strings.Contains(q, ";") || len(q) < 7 {
		return false
	}
	return strings.EqualFold(q[:6], "select") && strings.ContainsAny(q[6:7], " \t\n\r(")
}

// resetModel runs db.ResetModel(ctx, models...) as Bun does: for each
// model, NewDropTable().Model(m).IfExists().Cascade() then
// NewCreateTable().Model(m).
func (in *interp) resetModel(c *ast.CallExpr, args []value) {
	type model struct {
		v    value
		expr ast.Expr
	}
	var models []model
	for i := 1; i < len(args) && i < len(c.Args); i++ {
		if c.Ellipsis.IsValid() && i == len(c.Args)-1 {
			l, ok := args[i].(vList)
			if !ok {
				in.unseen(c.Args[i], in.live, "the models given to ResetModel are not a list the extraction can read: the tables it creates are not seen")
				return
			}
			for _, el := range l.elems {
				models = append(models, model{el, c.Args[i]})
			}
			continue
		}
		models = append(models, model{args[i], c.Args[i]})
	}
	for _, m := range models {
		// Each builder call stands where the model is written.
		modelCall := &ast.CallExpr{Fun: c.Fun, Lparen: m.expr.Pos(), Args: []ast.Expr{m.expr}, Rparen: m.expr.End()}
		for _, kind := range []string{"DropTable", "CreateTable"} {
			ch := &chain{kind: kind, outer: c, live: in.live, executed: true}
			ch.calls = append(ch.calls, call{name: "Model", expr: modelCall, args: []value{m.v}})
			if kind == "DropTable" {
				ch.calls = append(ch.calls, call{name: "IfExists", expr: c}, call{name: "Cascade", expr: c})
			}
			in.execute(ch)
		}
	}
}
