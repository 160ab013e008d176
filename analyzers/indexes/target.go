package indexes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// IndexTargetOptions configure SL203.
type IndexTargetOptions struct {
	// Notes reports what the extraction could not read (a non-constant
	// SQL string, a helper of another package given the handle, ...):
	// statements whose targets go unchecked, and that drift cannot see.
	Notes bool `yaml:"notes"`
}

func runTarget(p *lint.Pass) error {
	checkDirectives(p)
	v := newView(p)
	if v == nil {
		return nil
	}
	opts := p.Options().(*IndexTargetOptions)
	var g group
	for _, d := range v.dialects {
		for _, pr := range v.s.For(d).Problems {
			pos, _ := pr.Span()
			g.add(fmt.Sprintf("%d|%s", pos, pr.Message), d, func() *entry { return &entry{data: pr} })
		}
	}
	g.each(func(e *entry) {
		pr := e.data.(*declared.Problem)
		pos, end := v.where(pr, pr)
		v.p.Report(lint.Finding{Pos: pos, End: end, Message: pr.Message + v.on(e.ds), Table: pr.Table,
			Subject: pr.Table + "." + pr.Column})
	})
	v.checkDown()
	if opts.Notes {
		v.reportNotes()
	}
	return nil
}

// checkDown reports down migrations that name a table no model has and no
// up migration creates: they cannot do what they say either.
func (v *view) checkDown() {
	known := map[string]bool{}
	for _, m := range v.res.Models() {
		known[strings.ToLower(m.Table.Name)] = true
	}
	for _, m := range v.s.Migrations {
		for _, c := range m.Up {
			if c.Kind == declared.CreateTable {
				known[strings.ToLower(c.Table)] = true
			}
			if c.Kind == declared.RenameTable {
				known[strings.ToLower(c.NewName)] = true
			}
		}
	}
	var g group
	for _, m := range v.s.Migrations {
		for _, c := range m.Down {
			if c.Table == "" || known[strings.ToLower(c.Table)] || !v.configured(c.Dialect) {
				continue
			}
			pos, _ := c.Span()
			g.add(fmt.Sprintf("%d|%s", pos, c.Table), c.Dialect, func() *entry { return &entry{data: c} })
		}
	}
	g.each(func(e *entry) {
		c := e.data.(*declared.Change)
		pos, end := v.where(c, c)
		v.p.Report(lint.Finding{Pos: pos, End: end, Table: c.Table, Subject: c.Table,
			Message: fmt.Sprintf("the down migration's %s names table %s, which no model has and no migration creates%s", strings.ToUpper(string(c.Kind)), c.Table, v.on(e.ds))})
	})
}

func (v *view) configured(d declared.Dialect) bool { return slices.Contains(v.dialects, d) }

// reportNotes reports each note on the configured dialects it concerns.
func (v *view) reportNotes() {
	for _, n := range v.s.Notes {
		var ds []declared.Dialect
		for _, d := range n.Dialects {
			if v.configured(d) {
				ds = append(ds, d)
			}
		}
		if len(ds) == 0 {
			continue
		}
		pos, end := v.where(n, n)
		v.p.Report(lint.Finding{Pos: pos, End: end, Subject: "note",
			Message: "not checked" + v.on(ds) + ": " + n.Message})
	}
}

// checkDirectives reports the //schemalint:index directives of the
// package's models that are malformed, stand outside a model's doc
// comment, or name a column the model lacks.
func checkDirectives(p *lint.Pass) {
	for _, e := range p.Models.StrayDirectives {
		p.Report(lint.Finding{Pos: e.Pos, End: e.End, Message: e.Message, Subject: "directive"})
	}
	for _, m := range p.Models.Models {
		for _, e := range m.DirectiveErrors {
			p.Report(lint.Finding{Pos: e.Pos, End: e.End, Message: "malformed //schemalint:index: " + e.Message,
				Table: m.Name, Model: m.Obj.Name(), Subject: m.Obj.Name() + ".directive"})
		}
		for _, d := range m.Indexes {
			for _, col := range d.Columns {
				if col == "" || m.Field(col) != nil {
					continue
				}
				p.Report(lint.Finding{Pos: d.Pos, End: d.End, Table: m.Name, Model: m.Obj.Name(), Subject: m.Obj.Name() + "." + d.Name,
					Message: fmt.Sprintf("index %s names column %s, which %s (table %s) does not have%s", d.Name, col, m.Obj.Name(), m.Name, suggestColumn(m.Table, col))})
			}
		}
	}
}

// suggestColumn names a column of the model that differs from col only in
// case or underscores, the usual slip.
func suggestColumn(t *bunmodel.Table, col string) string {
	norm := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", "") }
	for _, f := range t.Fields {
		if norm(f.Name) == norm(col) {
			return "; did you mean " + f.Name + "?"
		}
	}
	return ""
}
