package bunmodel

import (
	"go/types"
	"strings"
)

// Dialect names a Bun dialect: "pg", "mysql" or "sqlite" (Bun's
// dialect.Name().String()).
type Dialect string

// Bun's dialects.
const (
	Postgres Dialect = "pg"
	MySQL    Dialect = "mysql"
	SQLite   Dialect = "sqlite"
)

// Bun's generic SQL type names (dialect/sqltype).
const (
	sqlBoolean   = "BOOLEAN"
	sqlSmallInt  = "SMALLINT"
	sqlInteger   = "INTEGER"
	sqlBigInt    = "BIGINT"
	sqlReal      = "REAL"
	sqlDouble    = "DOUBLE PRECISION"
	sqlVarChar   = "VARCHAR"
	sqlBlob      = "BLOB"
	sqlTimestamp = "TIMESTAMP"
	sqlJSON      = "JSON"
	sqlJSONB     = "JSONB"
	sqlHstore    = "HSTORE"
)

// CreateTableType returns the column type Bun v1.3.0 writes for the field
// in CREATE TABLE on the dialect, e.g. "varchar(20)", "TIMESTAMPTZ",
// "VARCHAR(255)", or "" where Bun writes no type at all (an xid.ID without
// type: on MySQL: the CREATE TABLE then fails). It follows the dialects'
// OnTable hooks and CreateTableQuery.appendSQLType. ok is false when the
// type cannot be known statically (a type parameter).
func (f *Field) CreateTableType(d Dialect) (typ string, ok bool) {
	if f.unmapped {
		return "", true
	}
	indirect := indirectType(f.Type)
	if containsTypeParam(indirect) {
		return "", false
	}
	base := discoverSQLType(indirect) // schema.DiscoverSQLType, set by newField
	discovered, create := base, ""
	switch d {
	case Postgres:
		discovered = pgFieldSQLType(f, indirect, base)
		if f.AutoIncrement && !f.Identity {
			switch discovered {
			case sqlSmallInt:
				create = "SMALLSERIAL"
			case sqlInteger:
				create = "SERIAL"
			case sqlBigInt:
				create = "BIGSERIAL"
			}
		}
	case MySQL:
		if base == sqlTimestamp {
			discovered = "DATETIME"
		}
	case SQLite:
		if base == sqlSmallInt || base == sqlBigInt {
			discovered = sqlInteger
		}
	}
	user := f.UserSQLType
	if user == "" {
		user = discovered
	}
	if create == "" {
		create = user
	}
	// appendSQLType: VARCHAR gets the dialect's default length when the
	// type is Bun's own spelling.
	if strings.EqualFold(create, discovered) && strings.EqualFold(create, sqlVarChar) && d == MySQL {
		return "VARCHAR(255)", true
	}
	return create, true
}

func pgFieldSQLType(f *Field, indirect types.Type, base string) string {
	if f.UserSQLType != "" {
		return f.UserSQLType
	}
	if v, ok := f.Tag.Option("composite"); ok {
		return v
	}
	if f.Tag.HasOption("hstore") {
		return sqlHstore
	}
	if f.Tag.HasOption("array") {
		switch u := indirect.Underlying().(type) {
		case *types.Slice:
			return pgSQLType(u.Elem()) + "[]"
		case *types.Array:
			return pgSQLType(u.Elem()) + "[]"
		}
	}
	if base == sqlBlob {
		return "BYTEA"
	}
	return pgSQLType(indirect)
}

// pgSQLType is pgdialect's sqlType.
func pgSQLType(t types.Type) string {
	t = indirectType(t)
	switch qualifiedName(t) {
	case "database/sql.NullString":
		return sqlVarChar
	case "net.IP":
		return "INET"
	case "net.IPNet":
		return "CIDR"
	case "encoding/json.RawMessage":
		return sqlJSONB
	}
	typ := discoverSQLType(t)
	if typ == sqlTimestamp {
		typ = "TIMESTAMPTZ"
	}
	switch u := t.Underlying().(type) {
	case *types.Map, *types.Struct:
		if typ == sqlVarChar {
			return sqlJSONB
		}
		return typ
	case *types.Slice:
		if isByte(u.Elem()) {
			return "BYTEA"
		}
		return sqlJSONB
	case *types.Array:
		if isByte(u.Elem()) {
			return "BYTEA"
		}
		return sqlJSONB
	}
	return typ
}

// discoverSQLType is schema.DiscoverSQLType.
func discoverSQLType(t types.Type) string {
	switch qualifiedName(t) {
	case "time.Time", "database/sql.NullTime", bunSchemaPkg + ".NullTime":
		return sqlTimestamp
	case "database/sql.NullBool":
		return sqlBoolean
	case "database/sql.NullFloat64":
		return sqlDouble
	case "database/sql.NullInt64":
		return sqlBigInt
	case "database/sql.NullString":
		return sqlVarChar
	case "encoding/json.RawMessage":
		return sqlJSON
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return basicSQLType(u)
	case *types.Slice:
		if isByte(u.Elem()) {
			return sqlBlob
		}
		return sqlVarChar
	case *types.Map, *types.Struct:
		return sqlVarChar
	}
	// arrays, interfaces, pointers, funcs, chans: no type
	return ""
}

func basicSQLType(b *types.Basic) string {
	switch b.Kind() {
	case types.Bool:
		return sqlBoolean
	case types.Int, types.Int64, types.Uint, types.Uint64, types.Uintptr:
		return sqlBigInt
	case types.Int8, types.Int16, types.Uint8, types.Uint16:
		return sqlSmallInt
	case types.Int32, types.Uint32:
		return sqlInteger
	case types.Float32:
		return sqlReal
	case types.Float64:
		return sqlDouble
	case types.String:
		return sqlVarChar
	}
	return ""
}

func isByte(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// indirectType looks through aliases and one pointer, as Bun's
// indirectType does for reflect types.
func indirectType(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}

// qualifiedName returns "pkgpath.Name" for a named type, "" otherwise.
func qualifiedName(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func containsTypeParam(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return containsTypeParam(t.Elem())
	case *types.Slice:
		return containsTypeParam(t.Elem())
	case *types.Array:
		return containsTypeParam(t.Elem())
	case *types.Map:
		return containsTypeParam(t.Key()) || containsTypeParam(t.Elem())
	}
	return false
}
