package coltype

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// JSONOptions configure SL007: the column types accepted per dialect.
type JSONOptions struct {
	Postgres []string `yaml:"postgres"`
	MySQL    []string `yaml:"mysql"`
	SQLite   []string `yaml:"sqlite"`
}

func (o *JSONOptions) accepted(d bunmodel.Dialect) []string {
	switch d {
	case bunmodel.MySQL:
		return o.MySQL
	case bunmodel.SQLite:
		return o.SQLite
	}
	return o.Postgres
}

//go:embed doc.go
var doc string

// JSONType is SL007.
var JSONType = &lint.Rule{
	ID:       "SL007",
	Name:     "json-type",
	Doc:      lint.PackageDoc(doc, "SL007"),
	Summary:  "fields Bun stores as JSON get a JSON column type on every configured dialect",
	Severity: config.Error,
	Options: func() any {
		return &JSONOptions{Postgres: []string{"jsonb", "json"}, MySQL: []string{"json"}, SQLite: []string{"json", "jsonb", "text"}}
	},
	Run: runJSON,
}

// SQLType is SL009.
var SQLType = &lint.Rule{
	ID:       "SL009",
	Name:     "sql-type",
	Doc:      lint.PackageDoc(doc, "SL009"),
	Summary:  "every column gets a usable SQL type: set type: for driver.Valuer and untyped fields",
	Severity: config.Error,
	Run:      runSQLType,
}

var dialectNames = map[bunmodel.Dialect]string{bunmodel.Postgres: "PostgreSQL", bunmodel.MySQL: "MySQL", bunmodel.SQLite: "SQLite"}

func runJSON(p *lint.Pass) error {
	opts := p.Options().(*JSONOptions)
	dialects := p.Dialects()
	suggest := "json"
	if len(dialects) == 1 && dialects[0] == bunmodel.Postgres {
		suggest = "jsonb"
	}
	for _, m := range p.Models.Models {
		for _, f := range m.Fields {
			if !storedAsJSON(f) {
				continue
			}
			var bad []string
			for _, d := range dialects {
				typ, ok := f.CreateTableType(d)
				if !ok || acceptedType(typ, opts.accepted(d)) {
					continue
				}
				if typ == "" {
					typ = "no type"
				}
				bad = append(bad, fmt.Sprintf("%s on %s", typ, dialectNames[d]))
			}
			if len(bad) == 0 {
				continue
			}
			node := p.FieldNode(f)
			var msg, action string
			if f.UserSQLType == "" {
				msg = fmt.Sprintf("%s (%s) is stored as JSON but Bun creates %s: add type:%s",
					f.GoName, lint.TypeString(f.Type), strings.Join(bad, ", "), suggest)
				action = "add type:" + suggest
			} else {
				msg = fmt.Sprintf("%s has type:%s, which gives %s: use type:%s", f.GoName, f.UserSQLType, strings.Join(bad, ", "), suggest)
				action = "use type:" + suggest
			}
			fix, ok := lint.TagFix(action, node, setType(suggest))
			p.ReportField(m, f, msg, lint.Fixes(fix, ok)...)
		}
	}
	return nil
}

func runSQLType(p *lint.Pass) error {
	dialects := p.Dialects()
	for _, m := range p.Models.Models {
		keys := map[*bunmodel.Field]bool{}
		fks := p.ForeignKeys(m)
		for i := range fks {
			keys[fks[i].Field] = true
		}
		for _, f := range m.Fields {
			if f.PK || keys[f] || f.UserSQLType != "" || storedAsJSON(f) {
				continue
			}
			var empty []string
			for _, d := range dialects {
				if typ, ok := f.CreateTableType(d); ok && typ == "" {
					empty = append(empty, dialectNames[d])
				}
			}
			elem := lint.Elem(f.Type)
			switch {
			case lint.IsNamed(elem, "github.com/rs/xid.ID"):
				fix, ok := lint.TagFix("add type:varchar(20)", p.FieldNode(f), lint.AddTagOptions("type:varchar(20)"))
				pgType, _ := f.CreateTableType(bunmodel.Postgres)
				p.ReportField(m, f, fmt.Sprintf("%s is xid.ID with no type: Bun creates %s on PostgreSQL and no type on MySQL; add type:varchar(20)",
					f.GoName, pgType), lint.Fixes(fix, ok)...)
			case hasValuer(elem) && !bunKnows(elem):
				p.ReportField(m, f, fmt.Sprintf("%s's type %s writes its own value (driver.Valuer), but Bun picks the column type from the Go kind (%s): set type:",
					f.GoName, lint.TypeString(f.Type), describeTypes(f)))
			case len(empty) > 0:
				p.ReportField(m, f, fmt.Sprintf("Bun writes no SQL type for %s (%s) on %s, so CREATE TABLE fails: set type:",
					f.GoName, lint.TypeString(f.Type), strings.Join(empty, ", ")))
			}
		}
	}
	return nil
}

// describeTypes lists the type Bun gives f on each dialect.
func describeTypes(f *bunmodel.Field) string {
	var parts []string
	for _, d := range []bunmodel.Dialect{bunmodel.Postgres, bunmodel.MySQL, bunmodel.SQLite} {
		typ, _ := f.CreateTableType(d)
		if typ == "" {
			typ = "none"
		}
		parts = append(parts, dialectNames[d]+" "+typ)
	}
	return strings.Join(parts, ", ")
}

// storedAsJSON reports whether Bun marshals the field's value as JSON.
func storedAsJSON(f *bunmodel.Field) bool {
	t := lint.Elem(f.Type)
	switch t.Underlying().(type) {
	case *types.Map, *types.Struct, *types.Slice:
	default:
		return false // most columns: nothing below could say yes
	}
	if slices.ContainsFunc([]string{"array", "hstore", "composite", "msgpack", "multirange"}, f.Tag.HasOption) {
		return false
	}
	if lint.IsNamed(t, "encoding/json.RawMessage") {
		return true
	}
	if bunKnows(t) || hasValuer(t) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return true
	case *types.Struct:
		return true
	case *types.Slice:
		return !isByte(u.Elem())
	}
	return false
}

// bunKnows reports the struct types Bun maps to a scalar SQL type.
func bunKnows(t types.Type) bool {
	for _, name := range []string{"time.Time", "database/sql.NullTime", "database/sql.NullString",
		"database/sql.NullInt64", "database/sql.NullBool", "database/sql.NullFloat64",
		"github.com/uptrace/bun/schema.NullTime", "net.IP", "net.IPNet", "encoding/json.RawMessage"} {
		if lint.IsNamed(t, name) {
			return true
		}
	}
	return false
}

// hasValuer reports whether t or *t has a Value() (driver.Value, error)
// method.
func hasValuer(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "Value")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 2 &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

func acceptedType(typ string, accepted []string) bool {
	norm := strings.ToLower(strings.TrimSpace(typ))
	return slices.ContainsFunc(accepted, func(a string) bool { return strings.EqualFold(strings.TrimSpace(a), norm) })
}

// setType returns a TagFix edit that sets the type: option, replacing an
// existing one.
func setType(typ string) func(string) string {
	return func(bun string) string {
		return lint.AddTagOptions("type:" + typ)(lint.RemoveTagOption("type")(bun))
	}
}
