package indexes

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// UnmigratedOptions configure SL204.
type UnmigratedOptions struct {
	// Ignore lists tables (path.Match globs) the rule leaves alone: views
	// a model reads, tables another system creates.
	Ignore []string `yaml:"ignore"`
	// TablesWithoutModel also reports tables the migrations create that
	// no model describes.
	TablesWithoutModel bool `yaml:"tables_without_model"`
}

// Validate checks the globs.
func (o *UnmigratedOptions) Validate() error {
	for _, g := range o.Ignore {
		if _, err := path.Match(g, ""); err != nil {
			return fmt.Errorf("ignore: %q: %w", g, err)
		}
	}
	return nil
}

func (o *UnmigratedOptions) ignored(table string) bool {
	for _, g := range o.Ignore {
		if ok, _ := path.Match(g, table); ok {
			return true
		}
	}
	return false
}

func runUnmigrated(p *lint.Pass) error {
	v := newView(p)
	if v == nil || !v.migrations() {
		return nil
	}
	opts := p.Options().(*UnmigratedOptions)
	direct := map[string]bool{p.Pkg.Path(): true}
	for _, imp := range p.Pkg.Imports() {
		direct[imp.Path()] = true
	}
	// Where parts of the migrations are not seen, a table they may
	// create cannot be called missing: those dialects are left out, and
	// one summary says how many tables are unknown.
	unseen := v.unseen()
	var unknown []string
	seen := map[string]bool{}
	for _, m := range v.res.Models() {
		// The models of this package and of the packages it imports
		// itself; Bun's own (migrate.Migration) are its migrator's.
		pkg := m.Ref.Package
		if !direct[pkg] || pkg == "github.com/uptrace/bun" || strings.HasPrefix(pkg, "github.com/uptrace/bun/") {
			continue
		}
		table := m.Table.Name
		if seen[strings.ToLower(table)] || opts.ignored(table) {
			continue
		}
		seen[strings.ToLower(table)] = true
		var missing []declared.Dialect
		unsure := false
		for _, d := range v.dialects {
			if v.s.For(d).Table(table) == nil {
				if unseen[d] != nil {
					unsure = true
					continue
				}
				missing = append(missing, d)
			}
		}
		if unsure {
			unknown = append(unknown, table)
		}
		if len(missing) == 0 {
			continue
		}
		pos, end := v.s.RegistrySpan()
		tpos, _ := typeNamePos(m.Obj)
		v.p.Report(lint.Finding{Pos: pos, End: end, Table: table, Model: m.Obj.Name(), Subject: table,
			Message: fmt.Sprintf("model %s's table %s is not created by any migration%s: every query on it fails; create it with db.NewCreateTable().Model((*%s)(nil))",
				modelName(m), table, v.on(missing), modelName(m)),
			Related: []analysis.RelatedInformation{{Pos: tpos, Message: "model " + modelName(m) + " is declared here"}}})
	}
	if len(unknown) > 0 {
		var first *declared.Note
		for _, d := range v.dialects {
			if n := unseen[d]; n != nil && (first == nil || n.Pos.Line < first.Pos.Line) {
				first = n
			}
		}
		pos, end := v.s.RegistrySpan()
		npos, _ := v.where(first, first)
		v.p.Report(lint.Finding{Pos: pos, End: end, Subject: "unknown", Severity: config.Info,
			Message: fmt.Sprintf("whether the migrations create %s is unknown: parts of them are not seen (%s), so their absence is not reported",
				plural(len(unknown), "the table of 1 model", fmt.Sprintf("the tables of %d models", len(unknown))), first.Message),
			Related: []analysis.RelatedInformation{{Pos: npos, Message: "not seen: " + first.Message}}})
	}
	if !opts.TablesWithoutModel {
		return nil
	}
	var g group
	for _, d := range v.dialects {
		for _, t := range v.s.For(d).Tables {
			if t.Model != nil || opts.ignored(t.Name) {
				continue
			}
			g.add(strings.ToLower(t.Name), d, func() *entry { return &entry{data: t} })
		}
	}
	if len(g.keys) > 0 && !seesModels(v) {
		// A migrations package that imports no models (SQL files, raw
		// SQL) cannot tell which tables have one elsewhere in the module:
		// saying "no model describes it" would claim what it cannot see.
		pos, end := v.s.RegistrySpan()
		v.p.Report(lint.Finding{Pos: pos, End: end, Subject: "unknown-models", Severity: config.Info,
			Message: fmt.Sprintf("the migrations create %s, but this package imports no models, so whether models describe them is not checked: import the models package here (a blank import will do) to check it",
				plural(len(g.keys), "1 table", fmt.Sprintf("%d tables", len(g.keys))))})
		return nil
	}
	g.each(func(e *entry) {
		t := e.data.(*declared.Table)
		pos, end := v.where(t, t)
		v.p.Report(lint.Finding{Pos: pos, End: end, Table: t.Name, Subject: t.Name,
			Message: fmt.Sprintf("the migrations create table %s%s, but no model the package can see describes it: Bun cannot query it and drift cannot check it; add a model, or list the table under ignore", t.Name, v.on(e.ds))})
	})
	return nil
}

// seesModels reports whether the package has or imports a model (Bun's
// own aside).
func seesModels(v *view) bool {
	for _, m := range v.res.Models() {
		if pkg := m.Ref.Package; pkg != "github.com/uptrace/bun" && !strings.HasPrefix(pkg, "github.com/uptrace/bun/") {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
