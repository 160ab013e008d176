package timestamps

import (
	_ "embed"
	"fmt"
	"path"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// Column names one timestamp.
type Column struct {
	Field  string `yaml:"field"`
	Column string `yaml:"column"`
}

// Options configure SL004.
type Options struct {
	Created     Column   `yaml:"created"`
	Updated     Column   `yaml:"updated"`
	CreatedOnly []string `yaml:"created_only"`
	NullZero    bool     `yaml:"nullzero"`
}

//go:embed doc.go
var doc string

// Rule is SL004.
var Rule = &lint.Rule{
	ID:       "SL004",
	Name:     "timestamps",
	Doc:      lint.PackageDoc(doc, "SL004"),
	Summary:  "CreatedAt/UpdatedAt are time.Time with notnull,default:current_timestamp",
	Severity: config.Error,
	Options: func() any {
		return &Options{
			Created: Column{Field: "CreatedAt", Column: "created_at"},
			Updated: Column{Field: "UpdatedAt", Column: "updated_at"},
		}
	},
	Run: run,
}

func run(p *lint.Pass) error {
	opts := p.Options().(*Options)
	for _, m := range p.Models.Models {
		want := []Column{opts.Created}
		if !matchAny(opts.CreatedOnly, m.Name) {
			want = append(want, opts.Updated)
		}
		var missing []lint.FieldCode
		var names []string
		for _, c := range want {
			f := m.Field(c.Column)
			if f == nil {
				missing = append(missing, lint.FieldCode{Name: c.Field, Type: "time.Time",
					Tag: c.Column + nullzero(opts) + ",notnull,default:current_timestamp", Imports: []string{"time"}})
				names = append(names, c.Field)
				continue
			}
			checkField(p, m, f, opts)
		}
		if len(missing) > 0 {
			fix, ok := p.AddFieldFix(m, "add "+strings.Join(names, " and "), missing...)
			p.ReportModel(m, fmt.Sprintf("%s has no %s", m.Obj.Name(), strings.Join(names, " or ")), lint.Fixes(fix, ok)...)
		}
	}
	return nil
}

func checkField(p *lint.Pass, m *bunmodel.Model, f *bunmodel.Field, opts *Options) {
	if !lint.IsNamed(f.Type, "time.Time") {
		p.ReportField(m, f, fmt.Sprintf("timestamp %s is %s; it must be time.Time (never NULL)", f.GoName, lint.TypeString(f.Type)))
		return
	}
	var add, why []string
	if !f.NotNull {
		add, why = append(add, "notnull"), append(why, "the column accepts NULL")
	}
	if opts.NullZero && !f.NullZero {
		add, why = append(add, "nullzero"), append(why, "this project wants an update of a zero time to write the default")
	}
	if !isNow(f) {
		if f.HasDefault {
			p.ReportField(m, f, fmt.Sprintf("timestamp %s defaults to %s; it must default to current_timestamp", f.GoName, f.Default))
		} else {
			add, why = append(add, "default:current_timestamp"), append(why, "the database does not fill it in")
		}
	}
	if len(add) == 0 {
		return
	}
	fix, ok := lint.TagFix("add "+strings.Join(add, ","), p.FieldNode(f), lint.AddTagOptions(add...))
	p.ReportField(m, f, fmt.Sprintf("timestamp %s lacks %s: %s", f.GoName, strings.Join(add, ","), strings.Join(why, "; ")), lint.Fixes(fix, ok)...)
}

// isNow reports a default that is the current time on every dialect.
func isNow(f *bunmodel.Field) bool {
	if !f.HasDefault {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(f.Default)) {
	case "current_timestamp", "current_timestamp()", "now()":
		return true
	}
	return false
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

func nullzero(opts *Options) string {
	if opts.NullZero {
		return ",nullzero"
	}
	return ""
}
