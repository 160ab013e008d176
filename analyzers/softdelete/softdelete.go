package softdelete

import (
	_ "embed"
	"fmt"
	"path"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// Options configure SL005.
type Options struct {
	Column     string   `yaml:"column"`
	Field      string   `yaml:"field"`
	Require    bool     `yaml:"require"`
	HardDelete []string `yaml:"hard_delete"`
}

//go:embed doc.go
var doc string

// Rule is SL005.
var Rule = &lint.Rule{
	ID:       "SL005",
	Name:     "soft-delete",
	Doc:      lint.PackageDoc(doc, "SL005"),
	Summary:  "deleted_at is a nullable *time.Time tagged soft_delete; required tables have one",
	Severity: config.Error,
	Options:  func() any { return &Options{Column: "deleted_at", Field: "DeletedAt"} },
	Run:      run,
}

func run(p *lint.Pass) error {
	opts := p.Options().(*Options)
	for _, m := range p.Models.Models {
		if m.SoftDelete == nil {
			checkMissing(p, m, opts)
		}
		for _, f := range m.Fields {
			switch {
			case f.SoftDelete:
				checkSoftDeleteField(p, m, f)
			case f.Name == opts.Column:
				fix, ok := lint.TagFix("add soft_delete", p.FieldNode(f), lint.AddTagOptions("soft_delete"))
				p.ReportField(m, f, fmt.Sprintf("%s.%s is column %s without soft_delete: Bun never filters \"deleted\" rows, and deletes remove them for good",
					m.Obj.Name(), f.GoName, f.Name), lint.Fixes(fix, ok)...)
			}
		}
	}
	return nil
}

func checkSoftDeleteField(p *lint.Pass, m *bunmodel.Model, f *bunmodel.Field) {
	if f.NotNull {
		fix, ok := lint.TagFix("remove notnull", p.FieldNode(f), lint.RemoveTagOption("notnull"))
		p.ReportField(m, f, fmt.Sprintf("soft-delete column %s is NOT NULL, but Bun marks live rows with NULL", f.Name), lint.Fixes(fix, ok)...)
		return
	}
	elem, ptr := lint.Deref(f.Type)
	if !ptr || !lint.IsNamed(elem, "time.Time") {
		p.ReportField(m, f, fmt.Sprintf("soft-delete field %s is %s; the convention is *time.Time (NULL while the row is live)", f.GoName, lint.TypeString(f.Type)))
	}
}

func checkMissing(p *lint.Pass, m *bunmodel.Model, opts *Options) {
	if !opts.Require {
		return
	}
	for _, pattern := range opts.HardDelete {
		if ok, _ := path.Match(pattern, m.Name); ok {
			return
		}
	}
	if m.Field(opts.Column) != nil {
		return // reported on the column itself
	}
	fix, ok := p.AddFieldFix(m, "add "+opts.Field, lint.FieldCode{
		Name: opts.Field, Type: "*time.Time", Tag: opts.Column + ",soft_delete", Imports: []string{"time"},
	})
	p.ReportModel(m, fmt.Sprintf("table %s is not soft-deleted: add %s *time.Time `bun:\"%s,soft_delete\"`, or list the table under hard_delete if its rows are really deleted",
		m.Name, opts.Field, opts.Column), lint.Fixes(fix, ok)...)
}
