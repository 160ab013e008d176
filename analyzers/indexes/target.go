package indexes

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// IndexTargetOptions configure SL203.
type IndexTargetOptions struct {
	// Notes reports what the extraction could not read (a non-constant
	// SQL string, a helper of another package given the handle, ...):
	// statements whose targets go unchecked, and that drift cannot see.
	Notes bool `yaml:"notes"`
	// NotesEach reports every note as a finding of its own; by default
	// one summary per package lists them (they say what was not
	// checked, not what is wrong).
	NotesEach bool `yaml:"notes_each"`
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
		v.reportNotes(opts.NotesEach)
	}
	return nil
}

// checkDown reports down migrations that name a table no model has and no
// up migration creates: they cannot do what they say either. It claims
// nothing it cannot see: not in a package that sees no models, not on a
// dialect where parts of the migrations are not seen, and not for DROP ...
// IF EXISTS, which cannot fail.
func (v *view) checkDown() {
	if !seesModels(v) {
		return // "no model has it" is not known: the package sees none
	}
	unseen := v.unseen()
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
			// DROP ... IF EXISTS of a table nobody creates does no harm;
			// where migrations are not seen, "no migration creates it" is
			// not known.
			if c.Table == "" || c.IfExists || known[strings.ToLower(c.Table)] || !v.configured(c.Dialect) || unseen[c.Dialect] != nil {
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

// reportNotes reports the notes on the configured dialects: each as a
// finding of its own, or (the default) one summary at info severity
// naming the first places.
func (v *view) reportNotes(each bool) {
	type placed struct {
		n  *declared.Note
		ds []declared.Dialect
	}
	var notes []placed
	for _, n := range v.s.Notes {
		var ds []declared.Dialect
		for _, d := range n.Dialects {
			if v.configured(d) {
				ds = append(ds, d)
			}
		}
		if len(ds) > 0 {
			notes = append(notes, placed{n, ds})
		}
	}
	if len(notes) == 0 {
		return
	}
	if each {
		for _, pn := range notes {
			pos, end := v.where(pn.n, pn.n)
			v.p.Report(lint.Finding{Pos: pos, End: end, Subject: "note",
				Message: "not checked" + v.on(pn.ds) + ": " + pn.n.Message})
		}
		return
	}
	const shown = 3
	var places []string
	unseen := 0
	for _, pn := range notes {
		if pn.n.Unseen {
			unseen++
		}
		if len(places) < shown {
			start, _ := v.where(pn.n, pn.n)
			p := v.p.Fset.Position(start)
			places = append(places, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, pn.n.Message))
		}
	}
	more := ""
	if len(notes) > shown {
		more = fmt.Sprintf("; and %d more", len(notes)-shown)
	}
	what := fmt.Sprintf("%d places of the migrations are not checked", len(notes))
	if len(notes) == 1 {
		what = "1 place of the migrations is not checked"
	}
	if unseen > 0 {
		what += fmt.Sprintf(" (%d may hide statements, so no rule claims that a table or index they could make is missing)", unseen)
	}
	pos, end := v.s.RegistrySpan()
	v.p.Report(lint.Finding{Pos: pos, End: end, Subject: "notes", Severity: config.Info,
		Message: what + ": " + strings.Join(places, "; ") + more + "; set notes_each: true on SL203 to list each"})
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
