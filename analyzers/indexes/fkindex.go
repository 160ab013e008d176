package indexes

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// FKIndexOptions configure SL200.
type FKIndexOptions struct {
	// PartialIndexes counts a partial index (WHERE ...) as leading a
	// foreign key. PostgreSQL's own foreign-key checks cannot use one;
	// most application queries filter the same way and can.
	PartialIndexes bool `yaml:"partial_indexes"`
	// MySQLImplicit counts the index InnoDB creates by itself for a
	// FOREIGN KEY constraint that no index leads.
	MySQLImplicit bool `yaml:"mysql_implicit"`
}

// fkCols is a foreign key of a table: its columns, the model field of a
// one-column key, and the constraint when one is declared.
type fkCols struct {
	cols  []string
	field *bunmodel.Field
	decl  *declared.ForeignKey
	// ref is the referenced table.
	ref string
}

// fkFinding is what SL200 gathers about one foreign key over the dialects.
type fkFinding struct {
	t        *declared.Table
	fk       fkCols
	model    *declared.Model
	explicit map[declared.Dialect]bool // dialects where an index it declares leads the key
	implicit bool                      // MySQL's own index for the constraint covers it there
}

func runFKIndex(p *lint.Pass) error {
	v := newView(p)
	if v == nil {
		return nil
	}
	opts := p.Options().(*FKIndexOptions)
	var others []*bunmodel.Table
	for _, m := range v.res.Models() {
		others = append(others, m.Table)
	}
	var g group
	explicit := map[string]map[declared.Dialect]bool{}
	implicit := map[string]bool{} // InnoDB indexes the constraint by itself

	for _, d := range v.dialects {
		for _, t := range v.s.For(d).Tables {
			for _, fk := range v.foreignKeys(d, t, others) {
				key := strings.ToLower(t.Name) + ":" + sortedKey(declared.SQLite, fk.cols)
				exp := v.indexLeads(d, t, fk.cols, opts)
				if explicit[key] == nil {
					explicit[key] = map[declared.Dialect]bool{}
				}
				explicit[key][d] = exp
				if exp {
					continue
				}
				if d == declared.MySQL && opts.MySQLImplicit && constrained(d, t, fk.cols) {
					implicit[key] = true
					continue
				}
				g.add(key, d, func() *entry {
					return &entry{data: &fkFinding{t: t, fk: fk, model: v.model(t), explicit: explicit[key]}}
				})
			}
		}
	}
	g.each(func(e *entry) {
		f := e.data.(*fkFinding)
		f.implicit = implicit[strings.ToLower(f.t.Name)+":"+sortedKey(declared.SQLite, f.fk.cols)]
		v.reportFK(e, f)
	})
	return nil
}

// foreignKeys returns a table's foreign keys: its FOREIGN KEY constraints,
// and the foreign-key columns of its model (belongs-to join columns, the
// columns has-one and has-many relations join on, <model>_id columns) that
// the table still has.
func (v *view) foreignKeys(d declared.Dialect, t *declared.Table, others []*bunmodel.Table) []fkCols {
	var out []fkCols
	seen := map[string]int{}
	m := v.model(t)
	add := func(fk fkCols) {
		k := sortedKey(d, fk.cols)
		if i, ok := seen[k]; ok {
			if out[i].field == nil {
				out[i].field = fk.field
			}
			if out[i].decl == nil {
				out[i].decl = fk.decl
			}
			if out[i].ref == "" {
				out[i].ref = fk.ref
			}
			return
		}
		if len(fk.cols) == 1 && fk.field == nil && m != nil {
			fk.field = m.Table.Field(fk.cols[0])
		}
		seen[k] = len(out)
		out = append(out, fk)
	}
	for _, fk := range t.ForeignKeys {
		if len(fk.Columns) > 0 {
			add(fkCols{cols: fk.Columns, decl: fk, ref: fk.RefTable})
		}
	}
	if m != nil {
		fks := v.p.ForeignKeysOf(m.Table, others)
		for i := range fks {
			fk := &fks[i]
			if t.Column(fk.Field.Name, d) != nil {
				add(fkCols{cols: []string{fk.Field.Name}, field: fk.Field, ref: fk.Target.Table})
			}
		}
	}
	return out
}

// indexLeads reports whether an index of the table (a partial one only
// when the options allow), its primary key or a unique constraint starts
// with the columns.
func (v *view) indexLeads(d declared.Dialect, t *declared.Table, cols []string, opts *FKIndexOptions) bool {
	if leads(d, pkParts(t), cols) {
		return true
	}
	for _, ix := range t.Indexes {
		if ix.Where != "" && !opts.PartialIndexes {
			continue
		}
		if leads(d, ix.Parts, cols) {
			return true
		}
	}
	return false
}

// constrained reports a FOREIGN KEY constraint on exactly these columns,
// for which InnoDB creates an index when none leads them.
func constrained(d declared.Dialect, t *declared.Table, cols []string) bool {
	for _, fk := range t.ForeignKeys {
		if sortedKey(d, fk.Columns) == sortedKey(d, cols) {
			return true
		}
	}
	return false
}

func (v *view) reportFK(e *entry, f *fkFinding) {
	t := f.t
	name := "idx_" + t.Name + "_" + strings.Join(f.fk.cols, "_")
	what := t.Name + "." + strings.Join(f.fk.cols, ", "+t.Name+".")
	if len(f.fk.cols) > 1 {
		what = t.Name + " (" + strings.Join(f.fk.cols, ", ") + ")"
	}
	var related []analysis.RelatedInformation
	if f.fk.field != nil && f.model != nil {
		what += " (" + fieldName(f.model, f.fk.field) + ")"
		related = fieldRelated(f.model, f.fk.field)
	}
	if d := f.fk.decl; d != nil {
		if pos, _ := d.Span(); pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: pos, Message: "the foreign key is declared here"})
		}
	}
	on := v.on(e.ds)
	if f.implicit {
		on += " (MySQL indexes the FOREIGN KEY constraint itself)"
	}
	msg := fmt.Sprintf("foreign key %s is the first column of no index%s: joins on it and the checks of deletes in %s scan the whole table; add index %s (%s)",
		what, on, refTable(f.fk), name, strings.Join(f.fk.cols, ", "))
	pos, end := v.where(t, t)
	var fixes []analysis.SuggestedFix
	if v.migrations() {
		// Without a safe place for the statement the message says what
		// to write, and why no fix does.
		if fix, why := v.indexFix(t, e.ds, f.fk.cols, name, f.explicit); why != "" {
			msg += ": " + why
		} else {
			fixes = append(fixes, fix)
		}
	} else if f.fk.field != nil && f.model != nil && f.model.Local != nil {
		pos, end = fieldSpan(v.p, f.fk.field)
		var only []declared.Dialect
		if len(e.ds) < len(v.dialects) {
			only = e.ds
		}
		if fix, ok := directiveFix(v.p, f.model.Local, name, f.fk.cols, only); ok {
			fixes = append(fixes, fix)
		}
	}
	v.p.Report(lint.Finding{Pos: pos, End: end, Message: msg, Table: t.Name, Model: modelOf(t),
		Subject: t.Name + "." + strings.Join(f.fk.cols, ","), Fixes: fixes, Related: related})
}

// refTable names the referenced table for the message.
func refTable(fk fkCols) string {
	if fk.ref != "" {
		return fk.ref
	}
	return "the referenced table"
}
