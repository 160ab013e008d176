package declared

import "go/types"

// Import paths the extraction recognises.
const (
	bunPkg      = "github.com/uptrace/bun"
	migratePkg  = "github.com/uptrace/bun/migrate"
	dialectPkg  = "github.com/uptrace/bun/dialect"
	schemaPkg   = "github.com/uptrace/bun/schema"
	sqlPkg      = "database/sql"
	contextPkg  = "context"
	pgDialect   = "github.com/uptrace/bun/dialect/pgdialect"
	myDialect   = "github.com/uptrace/bun/dialect/mysqldialect"
	liteDialect = "github.com/uptrace/bun/dialect/sqlitedialect"
)

// dset is a set of dialects.
type dset uint8

const (
	dPG dset = 1 << iota
	dMy
	dLite
	dAll = dPG | dMy | dLite
)

func dialectBit(d Dialect) dset {
	switch d {
	case PG:
		return dPG
	case MySQL:
		return dMy
	case SQLite:
		return dLite
	}
	return 0
}

func (s dset) has(d Dialect) bool { return s&dialectBit(d) != 0 }

func (s dset) list() []Dialect {
	var out []Dialect
	for _, d := range AllDialects {
		if s.has(d) {
			out = append(out, d)
		}
	}
	return out
}

// named returns the named type behind t, through aliases and one pointer.
func named(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// isNamed reports whether t (through one pointer) is the type pkg.name.
func isNamed(t types.Type, pkg string, names ...string) bool {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkg {
		return false
	}
	for _, name := range names {
		if n.Obj().Name() == name {
			return true
		}
	}
	return false
}

// isHandle reports whether t is a database handle queries run on: Bun's
// DB, Tx, Conn, IDB, IConn, or database/sql's DB, Tx, Conn.
func isHandle(t types.Type) bool {
	return isNamed(t, bunPkg, "DB", "Tx", "Conn", "IDB", "IConn") || isNamed(t, sqlPkg, "DB", "Tx", "Conn")
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool { return isNamed(t, contextPkg, "Context") }

// methodOf returns the package path and receiver type name of a method
// (a concrete method's receiver, or the interface declaring it), or "", ""
// for a function.
func methodOf(fn *types.Func) (pkg, recv string) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil {
		return "", ""
	}
	if n := named(sig.Recv().Type()); n != nil {
		return fn.Pkg().Path(), n.Obj().Name()
	}
	return fn.Pkg().Path(), ""
}

// builderKinds maps the handle methods that start a query builder to the
// builder they start. Builders that only read or write rows are "data".
var builderKinds = map[string]string{
	"NewCreateTable": "CreateTable", "NewCreateIndex": "CreateIndex", "NewDropTable": "DropTable",
	"NewDropIndex": "DropIndex", "NewAddColumn": "AddColumn", "NewDropColumn": "DropColumn", "NewRaw": "Raw",
	"NewSelect": "data", "NewInsert": "data", "NewUpdate": "data", "NewDelete": "data", "NewMerge": "data",
	"NewValues": "data", "NewTruncateTable": "data",
}

// execMethods run a query: on a handle with SQL text, or on a builder.
var execMethods = map[string]bool{
	"Exec": true, "ExecContext": true, "Query": true, "QueryContext": true, "QueryRow": true,
	"QueryRowContext": true, "Scan": true, "ScanAndCount": true, "Count": true, "Exists": true, "Rows": true,
}
