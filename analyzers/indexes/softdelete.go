package indexes

import (
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// SoftDeleteUniqueOptions configure SL201.
type SoftDeleteUniqueOptions struct {
	// Tags also checks the unique constraints that a model's unique tags
	// make NewCreateTable write.
	Tags bool `yaml:"tags"`
}

// sdFinding is what SL201 gathers about one unique index.
type sdFinding struct {
	t       *declared.Table
	ix      *declared.Index
	m       *declared.Model
	sd      *bunmodel.Field
	withCol bool // the index holds the soft-delete column itself
}

func runSoftDeleteUnique(p *lint.Pass) error {
	v := newView(p)
	if v == nil {
		return nil
	}
	opts := p.Options().(*SoftDeleteUniqueOptions)
	var g group
	for _, d := range v.dialects {
		for _, t := range v.s.For(d).Tables {
			m, sd := v.softDeleteColumn(t)
			if sd == nil {
				continue
			}
			for _, ix := range t.Indexes {
				if !ix.Unique || (ix.Source == declared.SourceModel && !opts.Tags) {
					continue
				}
				withCol := false
				for _, part := range ix.Parts {
					withCol = withCol || d.EqualIdent(part.Column, sd.Name)
				}
				if !withCol && v.ignoresDeleted(d, t, ix, sd) {
					continue
				}
				key := strings.ToLower(t.Name) + ":" + indexKey(ix)
				g.add(key, d, func() *entry {
					return &entry{data: &sdFinding{t: t, ix: ix, m: m, sd: sd, withCol: withCol}}
				})
			}
		}
	}
	g.each(func(e *entry) { v.reportSoftDelete(e, e.data.(*sdFinding)) })
	return nil
}

// indexKey identifies an index across dialects: its name, or its columns
// when the database names it.
func indexKey(ix *declared.Index) string {
	if ix.Name != "" {
		return strings.ToLower(ix.Name)
	}
	return "(" + strings.ToLower(strings.Join(ix.Columns(), ",")) + ")"
}

// ignoresDeleted reports whether a unique index leaves soft-deleted rows
// out: partial WHERE deleted_at IS NULL on PostgreSQL and SQLite; on
// MySQL, which has no partial indexes, ending with a generated column that
// is 1 for a live row and NULL for a deleted one.
func (v *view) ignoresDeleted(d declared.Dialect, t *declared.Table, ix *declared.Index, sd *bunmodel.Field) bool {
	if d != declared.MySQL {
		return excludesDeleted(ix.Where, sd.Name)
	}
	return v.shapeOf(d, t, ix).marker
}

func (v *view) reportSoftDelete(e *entry, f *sdFinding) {
	var pg, my []declared.Dialect
	for _, d := range e.ds {
		if d == declared.MySQL {
			my = append(my, d)
		} else {
			pg = append(pg, d)
		}
	}
	var fixes []string
	if len(pg) > 0 {
		fixes = append(fixes, fmt.Sprintf("make it partial with WHERE %s IS NULL%s", f.sd.Name, v.onSome(pg, e.ds)))
	}
	if len(my) > 0 {
		fixes = append(fixes, fmt.Sprintf("end it with a generated column %s TINYINT AS (IF(%s IS NULL, 1, NULL)) VIRTUAL%s", "not_deleted", f.sd.Name, v.onSome(my, e.ds)))
	}
	what := "unique index " + f.ix.Describe()
	related := fieldRelated(f.m, f.sd)
	pos, end := v.where(f.ix, f.t)
	if f.ix.Source == declared.SourceModel {
		col := f.m.Table.Field(f.ix.Parts[0].Column)
		what = "the unique tag"
		if f.ix.Name != "" {
			what = "the unique group " + f.ix.Describe()
		}
		if col != nil {
			what += " of " + fieldName(f.m, col)
			related = append(fieldRelated(f.m, col), related...)
		}
		fixes = []string{"drop it from the tag and create a unique index that leaves deleted rows out in the migrations"}
	}
	var msg string
	if f.withCol {
		msg = fmt.Sprintf("%s on soft-deleted table %s includes %s%s: live rows all have NULL there, and NULLs never collide, so it enforces nothing for them; leave %s out of it and %s",
			what, f.t.Name, f.sd.Name, v.on(e.ds), f.sd.Name, strings.Join(fixes, "; "))
	} else {
		msg = fmt.Sprintf("%s on soft-deleted table %s counts deleted rows too%s: a deleted row keeps its value taken, so it can never be used again; %s",
			what, f.t.Name, v.on(e.ds), strings.Join(fixes, "; "))
	}
	if len(related) > 0 {
		related[len(related)-1].Message = fieldName(f.m, f.sd) + " is the soft-delete column"
	}
	v.p.Report(lint.Finding{Pos: pos, End: end, Message: msg, Table: f.t.Name, Model: modelOf(f.t),
		Subject: f.t.Name + "." + indexKey(f.ix), Related: related})
}

// onSome is " on X" for a subset of a finding's dialects, "" when it is
// all of them.
func (v *view) onSome(some, all []declared.Dialect) string {
	if len(some) == len(all) {
		return ""
	}
	return " on " + titles(some)
}
