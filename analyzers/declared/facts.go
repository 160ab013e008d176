package declared

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ExecFact is exported on each function or method of an analysed package
// that takes a database handle (Bun's DB, Tx, Conn, IDB, IConn or
// database/sql's): Runs reports whether it may run a query on it. A
// migration that calls such a function of another package cannot see
// what it runs; when the fact says it runs nothing (a function that only
// registers models, say) the call is harmless, otherwise the extraction
// records a note.
type ExecFact struct{ Runs bool }

// AFact marks ExecFact as an analysis fact.
func (*ExecFact) AFact() {}

func (f *ExecFact) String() string {
	if f.Runs {
		return "runs queries"
	}
	return "runs no query"
}

// execFacts computes and exports the ExecFacts of the package.
func execFacts(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl) {
	memo := map[*types.Func]int{} // 1 computing, 2 runs no query, 3 runs
	var runs func(fn *types.Func) bool
	bodyRuns := func(body ast.Node) bool {
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if callRuns(pass, call, runs) {
				found = true
			}
			return true
		})
		return found
	}
	runs = func(fn *types.Func) bool {
		switch memo[fn] {
		case 1, 2:
			// A call back into a function being computed adds nothing
			// its own body does not.
			return false
		case 3:
			return true
		}
		d := decls[fn]
		if d == nil || d.Body == nil {
			return true
		}
		memo[fn] = 1
		r := bodyRuns(d.Body)
		memo[fn] = 2
		if r {
			memo[fn] = 3
		}
		return r
	}
	for fn, d := range decls {
		if !takesHandle(fn) || d.Body == nil {
			continue
		}
		pass.ExportObjectFact(fn, &ExecFact{Runs: runs(fn)})
	}
}

// takesHandle reports whether a function has a handle parameter or
// receiver.
func takesHandle(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() != nil && (isHandle(sig.Recv().Type()) || holdsHandle(sig.Recv().Type())) {
		return true
	}
	for v := range sig.Params().Variables() {
		if isHandle(v.Type()) {
			return true
		}
	}
	return false
}

// holdsHandle reports a struct (or pointer to one) with a handle field: a
// repository or schema helper type whose methods use the handle it holds.
func holdsHandle(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if isHandle(f.Type()) {
			return true
		}
	}
	return false
}

// callRuns reports whether a call may run a query: a query method of Bun,
// database/sql or an interface; a function of this package that does; a
// function of another package given a handle, unless its fact says it
// runs nothing; a call through a function value given a handle.
func callRuns(pass *analysis.Pass, call *ast.CallExpr, local func(*types.Func) bool) bool {
	fn := calledFunc(pass.TypesInfo, call)
	if fn != nil {
		if pkg, recv := methodOf(fn); pkg != "" && execMethods[fn.Name()] {
			if pkg == sqlPkg || pkg == bunPkg || recv == "" || types.IsInterface(fn.Type().(*types.Signature).Recv().Type()) {
				return true
			}
		}
		if fn.Name() == "RunInTx" {
			return true
		}
	}
	if fn == nil {
		// A function value: does it get a handle?
		for _, a := range call.Args {
			if t := pass.TypesInfo.TypeOf(a); t != nil && isHandle(t) {
				return true
			}
		}
		return false
	}
	// Only a function declaring a handle parameter (or receiver) can run
	// queries on a handle it is given; one taking any, like fmt.Println,
	// cannot.
	if !takesHandle(fn) {
		return false
	}
	if fn.Pkg() == pass.Pkg {
		return local(fn.Origin())
	}
	return foreignRuns(pass, fn)
}

// foreignRuns reports whether a function of another package that takes a
// handle may run queries: its fact says so, or it has none (it was not
// analysed). Bun's and database/sql's own functions taking a handle build
// queries or wrap it; they run nothing by themselves.
func foreignRuns(pass *analysis.Pass, fn *types.Func) bool {
	if p := fn.Pkg().Path(); p == sqlPkg || p == bunPkg || strings.HasPrefix(p, bunPkg+"/") {
		return false
	}
	var f ExecFact
	if pass.ImportObjectFact(fn.Origin(), &f) {
		return f.Runs
	}
	return true
}

// calledFunc returns the function or method a call statically calls, or
// nil (a function value, a conversion, a builtin).
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr: // generic instantiation f[T](...)
		return calledFunc(info, &ast.CallExpr{Fun: f.X})
	case *ast.IndexListExpr:
		return calledFunc(info, &ast.CallExpr{Fun: f.X})
	}
	if id == nil {
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}
