package relation

import (
	"fmt"
	"go/types"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// m2m checks the join model of a many-to-many relation: Bun looks it up
// by table name among registered models and reads two of its fields as
// belongs-to relations, the model's side and the target's side.
func m2m(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) {
	name := rel.Field.GoName
	join := joinModel(p, rel.M2MTable)
	if join == nil {
		p.ReportField(m, rel.Field, fmt.Sprintf(
			"%s: no model of this package or of its imports has the table %s; Bun panics on the first query on %s unless a model with that table is registered with db.RegisterModel",
			name, rel.M2MTable, m.Obj.Name()))
		return
	}
	// By default Bun looks for fields named after both types, as it
	// names them: capitalized.
	left, right := m.TypeName, rel.Target.TypeName
	if len(rel.Join) > 0 {
		left, right = rel.Join[0].Base, rel.Join[0].Join
	}
	if len(rel.Join) > 1 {
		p.ReportField(m, rel.Field, fmt.Sprintf("%s: Bun reads only the first pair of an m2m join:, %s=%s, and ignores the others", name, left, right))
	}
	for _, side := range []string{left, right} {
		f := join.FieldByGoName(side)
		if f == nil {
			p.ReportField(m, rel.Field, fmt.Sprintf(
				"%s: the join model %s has no field %s: Bun panics on the first query on %s (name the fields with join:Left=Right)",
				name, goName(join), side, m.Obj.Name()))
			continue
		}
		if !belongsTo(join, f) {
			p.ReportField(m, rel.Field, fmt.Sprintf(
				"%s: %s.%s should be a belongs-to relation (rel:belongs-to,join:<fk>=<pk>): Bun joins through it as one, and without rel: it is also a column of %s",
				name, goName(join), side, rel.M2MTable))
		}
	}
}

// joinModel finds the model with the table name among those the package
// can see: its own and its imports'.
func joinModel(p *lint.Pass, table string) *bunmodel.Table {
	for _, k := range p.KnownModels() {
		if k.Table != table {
			continue
		}
		if k.Local != nil {
			return k.Local.Table
		}
		if n, ok := k.Obj.Type().(*types.Named); ok {
			return p.Models.Reader.Table(n)
		}
	}
	return nil
}

func belongsTo(t *bunmodel.Table, f *bunmodel.Field) bool {
	for _, r := range t.Relations {
		if r.Field == f {
			return r.Kind == bunmodel.BelongsTo
		}
	}
	return false
}
