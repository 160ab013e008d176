package relation

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

//go:embed doc.go
var doc string

// Rule is SL102.
var Rule = &lint.Rule{
	ID:       "SL102",
	Doc:      lint.PackageDoc(doc, "SL102"),
	Name:     "relation",
	Summary:  "relations resolve as Bun resolves them: join columns exist on both sides with one type, m2m join models exist, foreign key actions are valid",
	Severity: config.Error,
	Run:      run,
}

func run(p *lint.Pass) error {
	for _, m := range p.Models.Models {
		for _, rel := range m.Relations {
			if malformed(rel) || generic(rel) {
				continue
			}
			check(p, m, rel)
		}
	}
	return nil
}

// malformed reports a relation whose tag SL100 already reports as broken
// (rel:, m2m: or join: without a value): judging it here would report
// the same mistake twice.
func malformed(rel *bunmodel.Relation) bool {
	tag := rel.Field.Tag
	if v, ok := tag.Option("rel"); ok && v == "" {
		return true
	}
	if v, ok := tag.Option("m2m"); ok && v == "" && !tag.HasOption("rel") {
		return true
	}
	return slices.Contains(tag.Options["join"], "")
}

// generic reports a relation of a generic model whose type depends on a
// type parameter: it is known only once instantiated.
func generic(rel *bunmodel.Relation) bool { return bunmodel.HasTypeParam(rel.Field.Type) }

func check(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) {
	name := rel.Field.GoName
	if len(rel.Problems) > 0 {
		for _, problem := range rel.Problems {
			p.ReportField(m, rel.Field, fmt.Sprintf("%s: Bun panics on the first query on %s: %s", name, m.Obj.Name(), problem))
		}
		return
	}
	if rel.ImplicitPK {
		implicitPK(p, m, rel)
	}
	joinTypes(p, m, rel)
	if rel.Kind == bunmodel.ManyToMany {
		m2m(p, m, rel)
	}
	if rel.Kind == bunmodel.BelongsTo {
		actions(p, m, rel)
	}
}

// implicitPK reports a belongs-to that Bun joins on the model's own
// primary key because the model has no <field>_<pk> column.
func implicitPK(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) {
	pk := rel.TargetColumns[0].Name
	fk := bunmodel.Underscore(rel.Field.GoName) + "_" + pk
	p.ReportField(m, rel.Field, fmt.Sprintf(
		"%s has no join: and %s has no column %s, so Bun silently joins %s.%s = %s.%s, the model's own primary key: each %s gets the %s whose %s equals its own. "+
			"Add the column %s (join:%s=%s), or write join:%s=%s if the two rows really share their key",
		rel.Field.GoName, m.Obj.Name(), fk, rel.Target.Name, pk, m.Name, rel.BaseColumns[0].Name, m.Obj.Name(), goName(rel.Target), pk,
		fk, fk, pk, rel.BaseColumns[0].Name, pk))
}

// joinTypes reports join columns whose Go types differ (pointers aside).
func joinTypes(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) {
	if rel.Kind == bunmodel.BelongsTo && p.RuleEnabled("SL002") && isForeignKey(p, m, rel) {
		// SL002 reports the foreign key column's type: one cause, one
		// finding.
		return
	}
	for i, base := range rel.BaseColumns {
		target := rel.TargetColumns[i]
		bt, tt := valueType(base.Type), valueType(target.Type)
		if types.Identical(bt, tt) || bunmodel.HasTypeParam(bt) || bunmodel.HasTypeParam(tt) {
			continue
		}
		p.ReportField(m, rel.Field, fmt.Sprintf(
			"%s joins %s.%s (%s) to %s.%s (%s): both sides of a join need one Go type (a pointer or sql.Null wrapper aside); otherwise the database compares them through a cast, if at all, and Bun may not match the rows it loads to their parents",
			rel.Field.GoName, m.Obj.Name(), base.Name, lint.TypeString(base.Type), goName(rel.Target), target.Name, lint.TypeString(target.Type)))
	}
}

// isForeignKey reports whether every join column of a belongs-to is a
// foreign key SL002 checks.
func isForeignKey(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) bool {
	fks := p.ForeignKeys(m)
	for _, base := range rel.BaseColumns {
		if !slices.ContainsFunc(fks, func(fk lint.ForeignKey) bool { return fk.Field == base }) {
			return false
		}
	}
	return true
}

// goName names a table's struct as the source spells it (Bun's TypeName
// capitalizes it).
func goName(t *bunmodel.Table) string {
	if t.Type != nil {
		return t.Type.Obj().Name()
	}
	return t.TypeName
}

// valueType is the type of the values a field holds, with what only adds
// NULL taken away: a pointer, or a nullable wrapper (sql.NullInt64 holds
// int64s, sql.Null[T] Ts, bun.NullTime time.Times).
func valueType(t types.Type) types.Type {
	t, _ = lint.Deref(t)
	t = types.Unalias(t)
	if nullable(t) {
		if st, ok := t.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
			return types.Unalias(st.Field(0).Type())
		}
	}
	return t
}

// fkActions are the foreign key actions SQL knows. Bun's own list lacks
// NO ACTION, which it nonetheless writes as its default on some dialects.
var fkActions = map[string]bool{"CASCADE": true, "RESTRICT": true, "SET NULL": true, "SET DEFAULT": true, "NO ACTION": true}

// actions judges on_delete and on_update of a belongs-to relation, the
// only kind Bun reads them on.
func actions(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation) {
	for _, opt := range []string{"on_delete", "on_update"} {
		value, ok := rel.Field.Tag.Option(opt)
		if !ok || value == "" {
			continue // no action, or SL100's "needs a value"
		}
		action := strings.ToUpper(value)
		clause := "ON " + strings.ToUpper(strings.TrimPrefix(opt, "on_"))
		if !fkActions[action] {
			p.ReportField(m, rel.Field, fmt.Sprintf(
				"%s:%s is no foreign key action: Bun only logs a warning and writes %s %s into CREATE TABLE, which the database rejects; use CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION",
				opt, value, clause, action))
			continue
		}
		if action == "SET NULL" {
			setNull(p, m, rel, opt)
		}
	}
}

// setNull reports SET NULL on foreign key columns that cannot be NULL.
func setNull(p *lint.Pass, m *bunmodel.Model, rel *bunmodel.Relation, opt string) {
	event := map[string]string{"on_delete": "deleting", "on_update": "changing the key of"}[opt]
	for _, fk := range rel.BaseColumns {
		switch {
		case fk.NotNull:
			p.ReportField(m, rel.Field, fmt.Sprintf(
				"%s:SET NULL on %s, which is NOT NULL: %s a %s fails, since the database cannot set %s to NULL; drop notnull and make %s a pointer, or choose another action",
				opt, fk.Name, event, goName(rel.Target), fk.Name, fk.GoName))
		case !fk.Pointer() && !nullable(fk.Type):
			p.ReportField(m, rel.Field, fmt.Sprintf(
				"%s:SET NULL on %s, whose field %s is a %s value: a column the database may set to NULL is optional, and a value type reads NULL back as its zero value; make it *%s",
				opt, fk.Name, fk.GoName, lint.TypeString(fk.Type), lint.TypeString(fk.Type)))
		}
	}
}

// nullable reports value types made to hold NULL: sql.NullString and
// its kin, sql.Null[T], bun.NullTime.
func nullable(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	return path == "database/sql" && strings.HasPrefix(name, "Null") ||
		path == "github.com/uptrace/bun/schema" && name == "NullTime"
}
