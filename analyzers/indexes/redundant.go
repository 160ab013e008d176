package indexes

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

type redundancy struct {
	t       *declared.Table
	a, b    *declared.Index
	same    bool // a and b have the same columns
	primary bool // b is the primary key
}

func runRedundant(p *lint.Pass) error {
	v := newView(p)
	if v == nil {
		return nil
	}
	var g group
	for _, d := range v.dialects {
		for _, t := range v.s.For(d).Tables {
			for i, a := range t.Indexes {
				// A unique index enforces something; an index from a
				// unique tag is the model's to change.
				if a.Unique || a.Source == declared.SourceModel {
					continue
				}
				b, primary := v.covering(d, t, i)
				if b == nil {
					continue
				}
				key := strings.ToLower(t.Name) + ":" + indexKey(a)
				g.add(key, d, func() *entry {
					return &entry{data: &redundancy{t: t, a: a, b: b, primary: primary, same: len(a.Parts) == len(b.Parts)}}
				})
			}
		}
	}
	g.each(func(e *entry) {
		r := e.data.(*redundancy)
		bName := r.b.Describe()
		if r.primary {
			bName = "the primary key (" + strings.Join(r.t.PrimaryKey, ", ") + ")"
		}
		var msg string
		if r.same {
			msg = fmt.Sprintf("index %s duplicates %s of table %s%s: every write maintains both for nothing; drop %s",
				r.a.Describe(), bName, r.t.Name, v.on(e.ds), r.a.Name)
		} else {
			msg = fmt.Sprintf("index %s is redundant%s: %s of table %s starts with the same columns, with the same predicate, so it serves every lookup %s serves; drop %s",
				r.a.Describe(), v.on(e.ds), bName, r.t.Name, r.a.Name, r.a.Name)
		}
		pos, end := v.where(r.a, r.t)
		var related []analysis.RelatedInformation
		if bpos, _ := span(r.b); !r.primary && v.inPackage(bpos) {
			related = append(related, analysis.RelatedInformation{Pos: bpos, Message: bName + " is declared here"})
		}
		v.p.Report(lint.Finding{Pos: pos, End: end, Message: msg, Table: r.t.Name, Model: modelOf(r.t),
			Subject: r.t.Name + "." + indexKey(r.a), Related: related})
	})
	return nil
}

// covering returns an index of t (or its primary key, as an index) that
// makes index i redundant: it starts with i's parts, has i's predicate
// (MySQL's live-row marker column counting as the predicate it stands
// for), method and type, includes i's INCLUDE columns, and is longer,
// unique, or the same and declared earlier.
func (v *view) covering(d declared.Dialect, t *declared.Table, i int) (b *declared.Index, primary bool) {
	a := t.Indexes[i]
	sa := v.shapeOf(d, t, a)
	candidates := slices.Clone(t.Indexes)
	if len(t.PrimaryKey) > 0 {
		candidates = append(candidates, &declared.Index{Name: "PRIMARY KEY", Table: t.Name, Parts: pkParts(t), Unique: true})
	}
	for j, c := range candidates {
		if j == i || c.Type != a.Type || !includes(d, c.Include, a.Include) {
			continue
		}
		sc := v.shapeOf(d, t, c)
		if !sa.samePredicate(sc) || !sa.prefixOf(sc) {
			continue
		}
		if len(sa.parts) < len(sc.parts) || c.Unique || j < i {
			return c, j >= len(t.Indexes)
		}
	}
	return nil, false
}

// includes reports whether have holds every column of want.
func includes(d declared.Dialect, have, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return d.EqualIdent(h, w) }) {
			return false
		}
	}
	return true
}
