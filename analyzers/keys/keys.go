package keys

import (
	_ "embed"
	"fmt"
	"go/types"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// PKOptions configure SL001.
type PKOptions struct {
	Field      string `yaml:"field"`
	Column     string `yaml:"column"`
	Type       string `yaml:"type"`
	ColumnType string `yaml:"column_type"`
}

const (
	xidType        = "github.com/rs/xid.ID"
	xidColumnType  = "varchar(20)"
	defaultPKField = "ID"
)

//go:embed doc.go
var doc string

// PrimaryKey is SL001.
var PrimaryKey = &lint.Rule{
	ID:       "SL001",
	Name:     "xid-primary-key",
	Doc:      lint.PackageDoc(doc, "SL001"),
	Summary:  "the primary key is ID xid.ID `bun:\"id,pk,type:varchar(20)\"`",
	Severity: config.Error,
	Options: func() any {
		return &PKOptions{Field: defaultPKField, Column: "id", Type: xidType, ColumnType: xidColumnType}
	},
	Run: runPK,
}

// FKType is SL002.
var FKType = &lint.Rule{
	ID:       "SL002",
	Name:     "fk-type",
	Doc:      lint.PackageDoc(doc, "SL002"),
	Summary:  "foreign-key columns have the Go and column type of the key they reference",
	Severity: config.Error,
	Run:      runFKType,
}

// FKNullability is SL003.
var FKNullability = &lint.Rule{
	ID:       "SL003",
	Name:     "fk-nullability",
	Doc:      lint.PackageDoc(doc, "SL003"),
	Summary:  "required foreign keys are values with notnull, optional ones pointers without it",
	Severity: config.Error,
	Run:      runFKNull,
}

func runPK(p *lint.Pass) error {
	opts := p.Options().(*PKOptions)
	for _, m := range p.Models.Models {
		pks := m.PKs()
		switch len(pks) {
		case 0:
			msg := fmt.Sprintf("%s has no primary key: Bun cannot WherePK, update or delete it, nor join to it", m.Obj.Name())
			if m.Field(opts.Column) != nil || m.FieldByGoName(opts.Field) != nil || opts.Type == "" {
				p.ReportModel(m, msg)
				continue
			}
			typ, imports := goType(opts.Type)
			fix, ok := p.AddFieldFix(m, "add "+opts.Field, lint.FieldCode{Name: opts.Field, Type: typ,
				Tag: opts.Column + ",pk" + typeOption(opts.ColumnType), Imports: imports})
			p.ReportModel(m, msg, lint.Fixes(fix, ok)...)
		case 1:
			checkPK(p, m, pks[0], opts)
		default:
			var cols []string
			for _, f := range pks {
				cols = append(cols, f.Name)
			}
			p.ReportModel(m, fmt.Sprintf("%s has a composite primary key (%s); the convention is a single %s %s",
				m.Obj.Name(), strings.Join(cols, ", "), opts.Field, shortType(opts.Type)))
		}
	}
	return nil
}

func checkPK(p *lint.Pass, m *bunmodel.Model, f *bunmodel.Field, opts *PKOptions) {
	if opts.Type != "" && !lint.IsNamed(f.Type, opts.Type) {
		p.ReportField(m, f, fmt.Sprintf("primary key %s is %s; the convention is %s", f.GoName, lint.TypeString(f.Type), shortType(opts.Type)))
		return
	}
	if f.Name != opts.Column {
		p.ReportField(m, f, fmt.Sprintf("primary key column is %s; the convention is %s", f.Name, opts.Column))
	}
	checkColumnType(p, m, f, opts.ColumnType, "primary key", "")
}

// checkColumnType reports a missing or different type: option. ref names
// the referenced column for a foreign key.
func checkColumnType(p *lint.Pass, m *bunmodel.Model, f *bunmodel.Field, want, what, ref string) {
	if want == "" || sameSQLType(f.UserSQLType, want) {
		return
	}
	why := ""
	if ref != "" {
		why = ", like " + ref
	}
	if f.UserSQLType == "" {
		if typ, ok := f.CreateTableType(bunmodel.Postgres); ok && lint.IsNamed(lint.Elem(f.Type), xidType) {
			why += fmt.Sprintf(": Bun derives no SQL type from xid.ID (%s on PostgreSQL, none on MySQL)", typ)
		}
		fix, ok := lint.TagFix("add type:"+want, p.FieldNode(f), lint.AddTagOptions("type:"+want))
		p.ReportField(m, f, fmt.Sprintf("%s %s needs type:%s%s", what, f.GoName, want, why), lint.Fixes(fix, ok)...)
		return
	}
	p.ReportField(m, f, fmt.Sprintf("%s %s has type:%s; it must be %s%s", what, f.GoName, f.UserSQLType, want, why))
}

func runFKType(p *lint.Pass) error {
	for _, m := range p.Models.Models {
		fks := p.ForeignKeys(m)
		for i := range fks {
			fk := &fks[i]
			f := fk.Field
			// The referenced column decides.
			wantType, wantCol := fk.TargetColumn.GoType, fk.TargetColumn.UserSQLType
			elem, _ := lint.Deref(f.Type)
			if wantType != "" && types.TypeString(elem, nil) != wantType {
				p.ReportField(m, f, fmt.Sprintf("foreign key %s is %s, but %s.%s is %s%s", f.GoName,
					lint.TypeString(f.Type), fk.Target.Table, fk.TargetColumn.Name, shortType(wantType), inferred(fk)))
				continue
			}
			checkColumnType(p, m, f, wantCol, "foreign key", fk.Target.Table+"."+fk.TargetColumn.Name)
		}
	}
	return nil
}

func runFKNull(p *lint.Pass) error {
	for _, m := range p.Models.Models {
		fks := p.ForeignKeys(m)
		isFK := map[*bunmodel.Field]bool{}
		for i := range fks {
			isFK[fks[i].Field] = true
		}
		// Any column: Bun leaves a nil pointer out of a single-row INSERT
		// of a notnull field (and sends DEFAULT, or NULL where the
		// dialect has no DEFAULT placeholder, in a bulk one), so without a
		// database default the insert fails.
		for _, f := range m.Fields {
			if !f.Pointer() || !f.NotNull || f.HasDefault || f.PK || f.AutoIncrement || f.Identity {
				continue
			}
			what := fmt.Sprintf("column %s (%s.%s, %s)", f.Name, m.TypeName, f.GoName, lint.TypeString(f.Type))
			advice := "make it a value, add a default:, or drop notnull"
			if isFK[f] {
				what = "foreign key " + f.GoName
				advice = "make it a value (required) or drop notnull (optional)"
			}
			p.ReportField(m, f, fmt.Sprintf("%s is a pointer with notnull and no default: Bun leaves a nil pointer out of INSERT (a bulk insert sends DEFAULT or NULL), so inserting nil fails; %s", what, advice))
		}
		for i := range fks {
			if f := fks[i].Field; !f.Pointer() && !f.NotNull {
				fix, ok := lint.TagFix("add notnull", p.FieldNode(f), lint.AddTagOptions("notnull"))
				p.ReportField(m, f, fmt.Sprintf("foreign key %s is a value but the column is nullable: add notnull (required), or make it %s (optional)",
					f.GoName, "*"+lint.TypeString(f.Type)), lint.Fixes(fix, ok)...)
			}
		}
	}
	return nil
}

// inferred explains, for a foreign key known only by its column's name,
// where that came from and how to say otherwise: a type mismatch on a
// name alone may be a column that only looks like a key.
func inferred(fk *lint.ForeignKey) string {
	if fk.Via != "name" {
		return ""
	}
	return fmt.Sprintf(" (taken for a foreign key to %s from its name alone; if it is not one, add foreign_keys: [{column: %s, references: none}] to .schemalint.yml)",
		fk.Target.Table, fk.Field.Name)
}

// sameSQLType compares SQL types ignoring case and spaces.
func sameSQLType(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	return norm(a) == norm(b)
}

func typeOption(columnType string) string {
	if columnType == "" {
		return ""
	}
	return ",type:" + columnType
}

// shortType spells "github.com/rs/xid.ID" as "xid.ID".
func shortType(qualified string) string {
	if i := strings.LastIndex(qualified, "/"); i >= 0 {
		return qualified[i+1:]
	}
	return qualified
}

// goType returns how to write a qualified type in Go and the import it
// needs.
func goType(qualified string) (string, []string) {
	dot := strings.LastIndex(qualified, ".")
	if dot < 0 {
		return qualified, nil
	}
	return shortType(qualified), []string{qualified[:dot]}
}
