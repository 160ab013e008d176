package tablename

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

//go:embed doc.go
var doc string

// Rule is SL008.
var Rule = &lint.Rule{
	ID:       "SL008",
	Name:     "table-naming",
	Doc:      lint.PackageDoc(doc, "SL008"),
	Summary:  "bun.BaseModel names table: and alias:, and aliases are unique across models",
	Severity: config.Warning,
	Run:      run,
}

func run(p *lint.Pass) error {
	aliases := aliasIndex(p.KnownModels(), ownModule(p))
	for _, m := range p.Models.Models {
		switch {
		case m.BaseModel == nil:
			// A model by use: Bun names it after its type.
			p.ReportModel(m, fmt.Sprintf("%s has no bun.BaseModel, so Bun derives its table %s and alias %s from the type name: declare bun.BaseModel `bun:\"table:%s,alias:%s\"`",
				m.Obj.Name(), m.Name, m.Alias, m.Name, m.Alias))
		case len(m.BaseModel.Path) > 0:
			checkInherited(p, m)
			continue
		default:
			checkTag(p, m)
		}
		if other := aliases.duplicate(m); other != nil {
			where := other.TypeName
			if other.Local == nil {
				where = other.Pkg + "." + other.TypeName
			}
			p.ReportModel(m, fmt.Sprintf("alias %s is also the alias of %s: joins of the two are ambiguous", m.Alias, where))
		}
	}
	return nil
}

// aliases indexes known models by alias: imported ones, and local ones in
// source order. Models that extend another share its alias by design and
// are left out.
type aliases struct {
	first    map[string]*lint.KnownModel // first local model with the alias
	imported map[string]*lint.KnownModel
}

func aliasIndex(known []*lint.KnownModel, own func(pkg string) bool) aliases {
	a := aliases{first: map[string]*lint.KnownModel{}, imported: map[string]*lint.KnownModel{}}
	for _, k := range known {
		target := a.first
		if k.Local == nil {
			if !own(k.Pkg) {
				// A library's model (a job queue's table) is not joined
				// with the application's by alias.
				continue
			}
			target = a.imported
		} else if k.Local.BaseModel != nil && len(k.Local.BaseModel.Path) > 0 {
			continue
		}
		if _, ok := target[k.Alias]; !ok {
			target[k.Alias] = k
		}
	}
	return a
}

// ownModule reports whether a package belongs to the module being
// linted (every package does when the driver does not say which).
func ownModule(p *lint.Pass) func(string) bool {
	if p.Module == nil || p.Module.Path == "" {
		return func(string) bool { return true }
	}
	mod := p.Module.Path
	return func(pkg string) bool { return pkg == mod || strings.HasPrefix(pkg, mod+"/") }
}

// duplicate returns another model with m's alias: an imported one, or a
// local one declared before m (so a pair is reported once, on the later).
func (a aliases) duplicate(m *bunmodel.Model) *lint.KnownModel {
	if first := a.first[m.Alias]; first != nil && first.Local != m {
		return first
	}
	return a.imported[m.Alias]
}

// checkInherited reports a model whose BaseModel comes from an embedded
// struct without extend: Bun names it after itself, not after the struct.
func checkInherited(p *lint.Pass, m *bunmodel.Model) {
	via := m.BaseModel.Path[0]
	if field := p.Models.FieldNode(via); field != nil && field.Tag != nil {
		if tag := fieldBunTag(field.Tag.Value); tag.HasOption("extend") || tag.HasOption("inherit") {
			return
		}
	}
	p.ReportModel(m, fmt.Sprintf("%s gets bun.BaseModel from %s without extend, so Bun maps it to table %s (its own default), not %s's table: tag the embedding `bun:\",extend\"` or declare bun.BaseModel",
		m.Obj.Name(), via.Name(), m.Name, via.Name()))
}

func checkTag(p *lint.Pass, m *bunmodel.Model) {
	tag := m.BaseModel.Tag
	field := p.Models.FieldNode(m.BaseModel.Var)
	_, hasTable := tag.Option("table")
	_, hasAlias := tag.Option("alias")
	shortName := !hasTable && tag.Name != "" // bun:"users": the name item sets the table
	if hasTable && hasAlias {
		return
	}
	var problems []string
	if shortName {
		problems = append(problems, fmt.Sprintf("names its table as bun:\"%s\" (write table:%s)", tag.Name, tag.Name))
	} else if !hasTable {
		problems = append(problems, "has no table: (Bun derives "+m.Name+" from the type name)")
	}
	if !hasAlias {
		problems = append(problems, "has no alias: (Bun derives "+m.Alias+" from the type name)")
	}
	fix, ok := lint.TagFix("name the table and alias explicitly", field, func(bun string) string {
		if shortName && bun == tag.Source() {
			it := tag.Items[0]
			bun = bun[:it.Start] + "table:" + tag.Name + bun[it.End:]
		}
		var add []string
		if !hasTable && !shortName {
			add = append(add, "table:"+m.Name)
		}
		if !hasAlias {
			add = append(add, "alias:"+m.Alias)
		}
		if bun == "" {
			return add[0] + joinRest(add[1:])
		}
		return bun + joinRest(add)
	})
	p.ReportModel(m, fmt.Sprintf("%s's bun.BaseModel %s", m.Obj.Name(), strings.Join(problems, " and ")), lint.Fixes(fix, ok)...)
}

func joinRest(items []string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(",")
		b.WriteString(it)
	}
	return b.String()
}

func fieldBunTag(lit string) bunmodel.Tag {
	return bunmodel.ParseTag(lint.StructTag(lit).Get("bun"))
}
