package drift

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/internal/dsn"
)

// classify turns one of the differ's changes into findings, each with its
// severity, message, place in the code and repair SQL.
func (c *comparer) classify(ch schema.Change) {
	switch ch := ch.(type) {
	case *schema.AddTable:
		if m := c.meta[ch.T]; m != nil && m.table != nil {
			c.tableMissing(m.table)
		}
	case *schema.DropTable:
		if m := c.meta[ch.T]; m != nil && m.live != nil {
			c.tableExtra(m.live)
		}
	case *schema.ModifyTable:
		m := c.meta[ch.T]
		if m == nil || m.live == nil || m.table == nil {
			return
		}
		for _, sub := range ch.Changes {
			c.classifyInTable(m.table, m.live, sub)
		}
	default:
		// Schema-level changes (attributes, objects) cannot come from
		// the normalized copies, which carry none.
		c.note("unexpected schema change %T from the differ; ignored", ch)
	}
}

func (c *comparer) classifyInTable(dt *dTable, lt *schema.Table, ch schema.Change) {
	switch ch := ch.(type) {
	case *schema.AddColumn:
		if m := c.meta[ch.C]; m != nil && m.col != nil {
			c.columnMissing(dt, lt, m.col)
		}
	case *schema.DropColumn:
		if m := c.meta[ch.C]; m != nil && m.lcol != nil {
			c.columnExtra(dt, lt, m.lcol)
		}
	case *schema.ModifyColumn:
		m := c.meta[ch.To]
		if m == nil || m.col == nil || m.lcol == nil || m.col.bun == nil {
			return
		}
		if ch.Change.Is(schema.ChangeType) {
			c.columnType(dt, lt, m.lcol, m.col)
		}
		if ch.Change.Is(schema.ChangeNull) {
			c.columnNull(dt, lt, m.lcol, m.col)
		}
		if ch.Change.Is(schema.ChangeDefault) {
			c.columnDefault(dt, lt, m.lcol, m.col)
		}
	case *schema.AddPrimaryKey, *schema.DropPrimaryKey, *schema.ModifyPrimaryKey:
		c.primaryKeyFinding(dt, lt)
	case *schema.AddIndex:
		if m := c.meta[ch.I]; m != nil && m.ix != nil {
			c.indexMissing(dt, lt, m.ix)
		}
	case *schema.DropIndex:
		if m := c.meta[ch.I]; m != nil && m.lix != nil {
			c.indexExtra(dt, lt, m.lix)
		}
	case *schema.ModifyIndex:
		if m := c.meta[ch.To]; m != nil && m.ix != nil && m.lix != nil {
			c.indexDifferent(dt, lt, m.lix, m.ix)
		}
	case *schema.AddForeignKey:
		if m := c.meta[ch.F]; m != nil && m.fk != nil {
			c.fkMissing(dt, lt, m.fk)
		}
	case *schema.DropForeignKey:
		if m := c.meta[ch.F]; m != nil && m.lfk != nil {
			c.fkExtra(dt, lt, m.lfk)
		}
	case *schema.ModifyForeignKey:
		if m := c.meta[ch.To]; m != nil && m.fk != nil && m.lfk != nil {
			c.fkDifferent(dt, lt, m.lfk, m.fk)
		}
	case *schema.RenameConstraint:
		// Only names differ, which drift does not report.
	default:
		c.note("unexpected change %T on table %s from the differ; ignored", ch, lt.Name)
	}
}

// modelPos is where the table's model is declared, or where the
// migrations create the table.
func (dt *dTable) modelPos() Position {
	if dt.src != nil && dt.src.Pos.IsValid() {
		return dt.src.Pos
	}
	if dt.decl != nil {
		return dt.decl.Pos
	}
	return Position{}
}

func (dt *dTable) modelID() string {
	if dt.model == nil {
		return ""
	}
	return dt.model.Model
}

// tableFinding starts a finding about table name.
func (c *comparer) tableFinding(kind Kind, dt *dTable, name string) Finding {
	f := Finding{Kind: kind, Object: name, Table: name}
	if dt != nil {
		f.Model, f.Position = dt.modelID(), dt.modelPos()
	}
	return f
}

// columnFinding starts a finding about a column.
func (c *comparer) columnFinding(kind Kind, dt *dTable, lt *schema.Table, column string, dc *dColumn) Finding {
	f := c.tableFinding(kind, dt, lt.Name)
	f.Object, f.Column = lt.Name+"."+column, column
	if dc != nil {
		if dc.bun != nil {
			f.Field = dc.bun.Field
		}
		if dc.pos.IsValid() {
			f.Position = dc.pos
		}
	}
	return f
}

// field spells the Go field of a column: "User.Email".
func field(dt *dTable, dc *dColumn) string {
	if dc.bun == nil {
		return dt.modelName()
	}
	return dt.modelName() + "." + dc.bun.Field
}

func (c *comparer) tableMissing(dt *dTable) {
	f := c.tableFinding(TableMissing, dt, dt.name)
	if dt.model != nil {
		f.Severity = config.Error
		f.Message = fmt.Sprintf("table %s is missing; model %s maps to it, so every query on the model fails", dt.name, dt.modelName())
	} else {
		f.Severity = config.Warning
		f.Message = fmt.Sprintf("table %s is missing; the migrations create it (no model maps to it)", dt.name)
	}
	f.SQL = c.plan(&schema.AddTable{T: c.atlasTable(dt)})
	for _, fk := range dt.fks {
		f.refs = append(f.refs, fk.refTable)
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) tableExtra(lt *schema.Table) {
	if c.removedTable(nil, lt.Name) {
		c.tableRemoved(lt)
		return
	}
	f := c.tableFinding(TableExtra, nil, lt.Name)
	f.Severity = config.Info
	if c.unknownOrigin("table " + lt.Name) {
		return
	}
	f.Message = fmt.Sprintf("table %s is not mapped by any model and not created by the migrations", lt.Name)
	f.Fix = fmt.Sprintf("leave it out with --exclude %s if another application owns it", lt.Name)
	f.SQL, f.Destructive = c.plan(&schema.DropTable{T: c.cloneTable(lt)}), true
	c.findings = append(c.findings, f)
}

func (c *comparer) columnMissing(dt *dTable, lt *schema.Table, dc *dColumn) {
	f := c.columnFinding(ColumnMissing, dt, lt, dc.name, dc)
	if dc.bun != nil {
		f.Severity = config.Error
		f.Message = fmt.Sprintf("column %s.%s is missing; %s maps to it, so every query naming it fails", lt.Name, dc.name, field(dt, dc))
	} else {
		f.Severity = config.Warning
		f.Message = fmt.Sprintf("column %s.%s is missing; the migrations add it (no model field maps to it)", lt.Name, dc.name)
	}
	col := c.atlasColumn(dc)
	if !col.Type.Null && col.Default == nil && !liveGenerates(col) && !hasAttr[*schema.GeneratedExpr](col.Attrs) {
		// ADD COLUMN ... NOT NULL without a default fails on a table
		// with rows: added in safe steps (see repair.go).
		var note string
		f.repair, note = c.addNotNullColumn(lt, col)
		f.Message += "; " + note
		c.findings = append(c.findings, f)
		return
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		fix.AddColumns(col)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.AddColumn{C: col}}})
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) columnExtra(dt *dTable, lt *schema.Table, lc *schema.Column) {
	f := c.columnFinding(ColumnExtra, dt, lt, lc.Name, nil)
	generated := liveGenerates(lc) || hasAttr[*schema.GeneratedExpr](lc.Attrs)
	if !lc.Type.Null && lc.Default == nil && !generated {
		f.Severity = config.Error
		f.Message = fmt.Sprintf("column %s.%s is NOT NULL without a default, and %s has no field for it: every insert through the model fails", lt.Name, lc.Name, dt.modelName())
	} else {
		f.Severity = config.Info
		f.Message = fmt.Sprintf("column %s.%s is not in model %s", lt.Name, lc.Name, dt.modelName())
	}
	f.Fix = fmt.Sprintf("add a field for column %s to %s, or drop the column", lc.Name, dt.modelName())
	f.Destructive = true
	if c.dialect == dsn.SQLite && c.sqliteDropsColumn(lt, lc) {
		// Atlas rebuilds the table; SQLite 3.35 drops such a column
		// in place.
		f.SQL = c.handSQL(func() string {
			return "ALTER TABLE " + c.qualified(lt.Name) + " DROP COLUMN " + quoteIdent(c.dialect, lc.Name) + ";"
		}, c.fixSchema.Name, lt.Name, lc.Name)
		c.findings = append(c.findings, f)
		return
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		drop := take(&fix.Columns, func(x *schema.Column) bool { return x.Name == lc.Name })
		withoutColumnUses(fix, lc.Name)
		return c.planOn(lt, fix, false, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.DropColumn{C: drop}}})
	}
	c.findings = append(c.findings, f)
}

func hasIndexNamed(t *schema.Table, name string) bool {
	for _, ix := range t.Indexes {
		if strings.EqualFold(ix.Name, name) {
			return true
		}
	}
	return false
}

// takeFK removes from fix, a clone of lt, the clone of lt's key fk: by
// position, since SQLite's keys have no names to find them by.
func takeFK(fix, lt *schema.Table, fk *schema.ForeignKey) *schema.ForeignKey {
	i := slices.Index(lt.ForeignKeys, fk)
	if i < 0 || i >= len(fix.ForeignKeys) {
		return nil
	}
	out := fix.ForeignKeys[i]
	fix.ForeignKeys = slices.Delete(fix.ForeignKeys, i, i+1)
	return out
}

// take removes the first element of *list that match accepts, and
// returns it (nil when there is none).
func take[T any](list *[]*T, match func(*T) bool) *T {
	for i, x := range *list {
		if match(x) {
			*list = slices.Delete(*list, i, i+1)
			return x
		}
	}
	return nil
}

func hasAttr[T schema.Attr](attrs []schema.Attr) bool {
	for _, a := range attrs {
		if _, ok := a.(T); ok {
			return true
		}
	}
	return false
}

// spell writes a type for messages: the canonical spelling, or on SQLite
// the declared one (the canonical form there is the affinity).
func (c *comparer) spell(t *schema.ColumnType) string {
	if c.dialect == dsn.SQLite && t.Raw != "" {
		return strings.ToLower(t.Raw)
	}
	return describeType(c.dialect, t.Type).canon
}

// modifyColumn returns the repair of one aspect of a column: the column
// as the repairs before it leave it, with that aspect set as the model
// wants it.
func (c *comparer) modifyColumn(lt *schema.Table, lc *schema.Column, change schema.ChangeKind, set func(to *schema.Column)) func() string {
	return func() string {
		fix := c.cloneTable(lt)
		to := columnOf(dsn.Postgres, fix, lc.Name)
		from := cloneColumn(to)
		set(to)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.ModifyColumn{From: from, To: to, Change: change}}})
	}
}

func (c *comparer) columnType(dt *dTable, lt *schema.Table, lc *schema.Column, dc *dColumn) {
	f := c.columnFinding(ColumnType, dt, lt, lc.Name, dc)
	want := c.desiredType(dc.bun.Type)
	have, wantInfo := describeType(c.dialect, lc.Type.Type), describeType(c.dialect, want)
	liveSpelled := c.spell(lc.Type)
	var why string
	switch {
	case holdsText(have, dc.bun.Text):
		f.Severity = config.Info
		why = fmt.Sprintf("Bun writes %s as text such as %q, which the database's type holds", field(dt, dc), dc.bun.Text)
	case have.class != wantInfo.class:
		f.Severity = config.Error
		why = fmt.Sprintf("incompatible: the database holds %s values, the model %s", have.class, wantInfo.class)
	case have.width < wantInfo.width || have.class == classDecimal && have.scale < wantInfo.scale:
		f.Severity = config.Error
		why = "the database's type is narrower, so values the model writes can fail or be cut"
	default:
		f.Severity = config.Warning
		why = "the database's type holds what the model writes"
	}
	f.narrows = have.class != wantInfo.class || have.width > wantInfo.width || have.class == classDecimal && have.scale > wantInfo.scale
	f.Message = fmt.Sprintf("column %s.%s is %s; %s wants %s (%s)", lt.Name, lc.Name, liveSpelled, field(dt, dc), dc.bun.Type, why)
	f.repair = c.modifyColumn(lt, lc, schema.ChangeType, func(to *schema.Column) {
		to.Type.Type, to.Type.Raw = want, dc.bun.Type
	})
	c.findings = append(c.findings, f)
}

func (c *comparer) columnNull(dt *dTable, lt *schema.Table, lc *schema.Column, dc *dColumn) {
	f := c.columnFinding(ColumnNullability, dt, lt, lc.Name, dc)
	wantNull := !dc.bun.NotNull
	switch {
	case !lc.Type.Null && dc.bun.WritesNull && dc.bun.InsertsDefault && lc.Default != nil && c.dialect != dsn.SQLite:
		// Bun writes DEFAULT for the nil or zero value, in inserts and
		// updates alike, and the column has one: nothing fails.
		f.Severity = config.Info
		f.Message = fmt.Sprintf("column %s.%s is NOT NULL; %s can be nil or zero, which Bun writes as DEFAULT (the column's %s) in inserts and updates, so nothing fails",
			lt.Name, lc.Name, field(dt, dc), defaultText(lc.Default))
		f.Fix = fmt.Sprintf("add notnull to the bun tag of %s to say so", field(dt, dc))
		c.findings = append(c.findings, f) // the model is the side to change: no SQL
		return
	case !lc.Type.Null && dc.bun.WritesNull:
		f.Severity = config.Error
		f.Message = fmt.Sprintf("column %s.%s is NOT NULL, but %s can write NULL (it is a pointer, nullzero, a map or slice, or a driver.Valuer), and such writes fail",
			lt.Name, lc.Name, field(dt, dc))
		f.Fix = fmt.Sprintf("or add notnull to the bun tag of %s if it is never empty", field(dt, dc))
	case !lc.Type.Null:
		f.Severity = config.Info
		f.Message = fmt.Sprintf("column %s.%s is NOT NULL; %s does not say notnull, though it never writes NULL", lt.Name, lc.Name, field(dt, dc))
		f.Fix = fmt.Sprintf("add notnull to the bun tag of %s", field(dt, dc))
		// The model is the side to change: no SQL.
		c.findings = append(c.findings, f)
		return
	default:
		f.Severity = config.Warning
		f.Message = fmt.Sprintf("column %s.%s allows NULL; %s is notnull, which the database does not enforce", lt.Name, lc.Name, field(dt, dc))
	}
	f.repair = c.modifyColumn(lt, lc, schema.ChangeNull, func(to *schema.Column) { to.Type.Null = wantNull })
	if !wantNull {
		// SET NOT NULL fails while a row holds NULL: backfill first.
		fill, note := c.backfill(lt.Name, lc.Name, lc.Type)
		set := f.repair
		f.repair = func() string { return joinSteps(fill, set()) }
		f.Message += "; " + note
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) columnDefault(dt *dTable, lt *schema.Table, lc *schema.Column, dc *dColumn) {
	f := c.columnFinding(ColumnDefault, dt, lt, lc.Name, dc)
	have := defaultText(lc.Default)
	switch {
	case have == "":
		if !lc.Type.Null && c.dialect != dsn.SQLite {
			f.Severity = config.Error
			f.Message = fmt.Sprintf("column %s.%s has no DEFAULT; %s has default:%s, Bun sends DEFAULT for its zero value, and the NOT NULL column rejects it",
				lt.Name, lc.Name, field(dt, dc), dc.bun.Default)
		} else {
			f.Severity = config.Warning
			f.Message = fmt.Sprintf("column %s.%s has no DEFAULT; %s has default:%s", lt.Name, lc.Name, field(dt, dc), dc.bun.Default)
		}
	case dc.bun.Default == "":
		f.Severity = config.Info
		f.Message = fmt.Sprintf("column %s.%s has DEFAULT %s; %s declares none", lt.Name, lc.Name, have, field(dt, dc))
		f.Fix = fmt.Sprintf("or add default:%s to the bun tag of %s", have, field(dt, dc))
	default:
		f.Severity = config.Warning
		f.Message = fmt.Sprintf("column %s.%s has DEFAULT %s; %s has default:%s", lt.Name, lc.Name, have, field(dt, dc), dc.bun.Default)
	}
	f.repair = c.modifyColumn(lt, lc, schema.ChangeDefault, func(to *schema.Column) {
		to.Default = nil
		if dc.bun.Default != "" {
			to.Default = atlasDefault(dc.bun.Default)
		}
	})
	c.findings = append(c.findings, f)
}

func (c *comparer) primaryKeyFinding(dt *dTable, lt *schema.Table) {
	f := c.tableFinding(PrimaryKey, dt, lt.Name)
	f.Severity = config.Error
	f.Object = lt.Name + ":PRIMARY KEY"
	var have []string
	if lt.PrimaryKey != nil {
		f.Name = lt.PrimaryKey.Name
		for _, p := range lt.PrimaryKey.Parts {
			if p.C != nil {
				have = append(have, p.C.Name)
			}
		}
	}
	spellCols := func(cols []string) string {
		if len(cols) == 0 {
			return "none"
		}
		return "(" + strings.Join(cols, ", ") + ")"
	}
	f.Message = fmt.Sprintf("primary key of %s is %s; %s's pk fields say %s", lt.Name, spellCols(have), dt.modelName(), spellCols(dt.pk))
	if standIn := c.pkStandIns[lt]; standIn != nil {
		f.Message += fmt.Sprintf(" (only a UNIQUE constraint %s on them stands in for the key: the values are unique, but no primary key is declared)", standIn.Name)
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		var changes []schema.Change
		if standIn := c.pkStandIns[lt]; standIn != nil {
			// The repair drops it first: on PostgreSQL the key's default
			// name is the constraint's, and both would be left otherwise.
			for i, ix := range fix.Indexes {
				if ix.Name == standIn.Name {
					changes = append(changes, &schema.DropIndex{I: ix})
					fix.Indexes = slices.Delete(fix.Indexes, i, i+1)
					break
				}
			}
		}
		var want *schema.Index
		if len(dt.pk) > 0 {
			want = &schema.Index{Table: fix}
			if lt.PrimaryKey != nil {
				want.Name = lt.PrimaryKey.Name
			}
			for i, name := range dt.pk {
				want.Parts = append(want.Parts, &schema.IndexPart{SeqNo: i, C: columnOf(c.dialect, fix, name)})
			}
		}
		var ch schema.Change
		switch {
		case fix.PrimaryKey == nil:
			ch = &schema.AddPrimaryKey{P: want}
		case want == nil:
			ch = &schema.DropPrimaryKey{P: fix.PrimaryKey}
		default:
			ch = &schema.ModifyPrimaryKey{From: fix.PrimaryKey, To: want, Change: schema.ChangeParts}
		}
		fix.PrimaryKey = want
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: append(changes, ch)})
	}
	c.findings = append(c.findings, f)
}

// indexObject names an index for Object: "users:idx_users_email", or
// "users:(app_id, email)" for one without a name.
func indexObject(table, name string, ix *dIndex) string {
	if name != "" {
		return table + ":" + name
	}
	return table + ":" + ix.describe()
}

func (c *comparer) indexMissing(dt *dTable, lt *schema.Table, ix *dIndex) {
	kind, what := IndexMissing, "index"
	if ix.fromModel {
		kind, what = Unique, "unique constraint"
	} else if ix.unique {
		what = "unique index"
	}
	f := c.tableFinding(kind, dt, lt.Name)
	f.Severity = config.Warning
	f.Object, f.Name = indexObject(lt.Name, ix.name, ix), ix.name
	if ix.pos.IsValid() {
		f.Position = ix.pos
	}
	if ix.fromModel {
		f.Column = ix.parts[0].Column
		f.Field = c.fieldOf(dt, f.Column)
		f.Message = fmt.Sprintf("%s %s of %s is missing on %s; %s's unique tags declare it", what, nameOr(ix.name, ix.describe()), dt.modelName(), lt.Name, dt.modelName())
	} else {
		f.Message = fmt.Sprintf("%s %s on %s is missing; %s it", what, strings.TrimSpace(ix.name+" "+ix.describe()), lt.Name, c.declaredBy(dt, ix))
		if ix.directive && !ix.migrated && c.opts.Declared.Source == "migrations" {
			// The model gained the directive: the migration is to write.
			f.Message += ", and no migration creates it"
		}
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		add := c.atlasIndex(ix, fix, c.indexName(lt.Name, ix))
		fix.Indexes = append(fix.Indexes, add)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.AddIndex{I: add}}})
	}
	c.findings = append(c.findings, f)
}

// declaredBy says who declares a declared index: the migrations, or
// the model's //schemalint:index directive.
func (c *comparer) declaredBy(dt *dTable, ix *dIndex) string {
	switch {
	case !ix.directive:
		return "the migrations declare"
	case dt.modelName() != "":
		return dt.modelName() + "'s //schemalint:index directive declares"
	}
	return "a //schemalint:index directive declares"
}

func nameOr(name, alt string) string {
	if name != "" {
		return name
	}
	return alt
}

// fieldOf returns the Go field of a column of the table's model.
func (c *comparer) fieldOf(dt *dTable, column string) string {
	if dc := dt.column(c.dialect, column); dc != nil && dc.bun != nil {
		return dc.bun.Field
	}
	return ""
}

func (c *comparer) describeLive(li liveIndex) string {
	d := &dIndex{parts: li.parts, where: li.where, unique: li.ix.Unique}
	return d.describe()
}

func (c *comparer) indexExtra(dt *dTable, lt *schema.Table, ix *schema.Index) {
	li := c.describeLiveIndex(ix)
	f := c.tableFinding(IndexExtra, dt, lt.Name)
	f.Severity = config.Info
	f.Object, f.Name = lt.Name+":"+ix.Name, ix.Name
	what := "index"
	if ix.Unique {
		what = "unique index"
	}
	f.Destructive = true
	switch {
	case c.removedIndex(dt, lt, li):
		f.removed(fmt.Sprintf("%s %s %s on %s", what, ix.Name, c.describeLive(li), lt.Name), "a unique tag or //schemalint:index directive of "+dt.modelName())
	case c.unknownOrigin(what + " " + lt.Name + ":" + ix.Name):
		return
	default:
		f.Message = fmt.Sprintf("%s %s %s on %s is declared neither by the migrations nor by %s", what, ix.Name, c.describeLive(li), lt.Name, dt.modelName())
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		drop := take(&fix.Indexes, func(x *schema.Index) bool { return x.Name == ix.Name })
		return c.planOn(lt, fix, false, &schema.ModifyTable{T: fix, Changes: c.dropIndexChanges(f.Removed, drop)})
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) indexDifferent(dt *dTable, lt *schema.Table, ix *schema.Index, want *dIndex) {
	li := c.describeLiveIndex(ix)
	kind := IndexDifferent
	if want.fromModel {
		kind = Unique
	}
	f := c.tableFinding(kind, dt, lt.Name)
	f.Severity = config.Warning
	f.Object, f.Name = lt.Name+":"+ix.Name, ix.Name
	if want.pos.IsValid() {
		f.Position = want.pos
	}
	var diffs []string
	if ix.Unique != want.unique {
		diffs = append(diffs, map[bool]string{true: "is unique", false: "is not unique"}[ix.Unique])
	}
	haveCols := (&dIndex{parts: li.parts}).describe()
	wantCols := (&dIndex{parts: want.parts}).describe()
	reordered := false
	if haveCols != wantCols {
		diffs = append(diffs, "covers "+haveCols+" instead of "+wantCols)
		reordered = sameColumnSet(li.parts, want.parts)
	}
	if canonExpr(li.where) != canonExpr(want.where) {
		switch {
		case li.where == "":
			diffs = append(diffs, "has no WHERE "+strings.TrimSpace(want.where))
		case want.where == "":
			diffs = append(diffs, "is partial (WHERE "+li.where+")")
		default:
			diffs = append(diffs, "has WHERE "+li.where+" instead of "+strings.TrimSpace(want.where))
		}
	}
	if li.method != canonMethod(want.using) {
		diffs = append(diffs, "uses "+li.method+" instead of "+canonMethod(want.using))
	}
	if len(diffs) == 0 {
		diffs = append(diffs, "differs")
	}
	source := c.declaredBy(dt, want)
	if want.fromModel {
		f.Column = want.parts[0].Column
		f.Field = c.fieldOf(dt, f.Column)
		source = dt.modelName() + "'s unique tags declare"
	}
	f.Message = fmt.Sprintf("index %s on %s %s; %s it otherwise", ix.Name, lt.Name, strings.Join(diffs, ", "), source)
	if reordered && len(diffs) == 1 && want.fromModel {
		// A unique tag's column order is only the order of the fields:
		// duplicates are kept out and ON CONFLICT finds the constraint
		// whatever the order.
		f.Severity = config.Info
		f.Message += " (the same columns in another order: uniqueness and ON CONFLICT are unaffected)"
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		from := take(&fix.Indexes, func(x *schema.Index) bool { return x.Name == ix.Name })
		to := c.atlasIndex(want, fix, ix.Name)
		fix.Indexes = append(fix.Indexes, to)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{
			&schema.ModifyIndex{From: from, To: to, Change: schema.ChangeParts | schema.ChangeUnique | schema.ChangeAttr}}})
	}
	c.findings = append(c.findings, f)
}

// holdsText reports whether a column of type have takes the text Bun
// writes for a field (bunview.Column.Text): a text column long enough,
// an inet or cidr column for an address, a uuid column for a UUID.
func holdsText(have typeInfo, text string) bool {
	_, errAddr := netip.ParseAddr(text)
	_, errPrefix := netip.ParsePrefix(text)
	address := errAddr == nil || errPrefix == nil
	switch {
	case text == "":
		return false
	case have.class == classString && address:
		return have.width >= 43 // the longest IPv6 prefix in text
	case have.class == classString:
		return have.width >= int64(len(text))
	case have.canon == "inet" || have.canon == "cidr":
		return address
	case have.class == classUUID:
		return uuidText.MatchString(text)
	}
	return false
}

var uuidText = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// sameColumnSet reports whether two indexes cover the same plain
// columns, in any order.
func sameColumnSet(a, b []IndexPart) bool {
	key := func(ps []IndexPart) []string {
		var out []string
		for _, p := range ps {
			if p.Column == "" || p.Desc {
				return nil
			}
			out = append(out, p.Column)
		}
		slices.Sort(out)
		return out
	}
	ka, kb := key(a), key(b)
	return ka != nil && slices.Equal(ka, kb)
}

// describeFK spells a key: "(app_id) → apps (id) ON DELETE CASCADE".
func describeFK(columns []string, refTable string, refCols []string, onDelete, onUpdate string) string {
	s := "(" + strings.Join(columns, ", ") + ") → " + refTable
	if len(refCols) > 0 {
		s += " (" + strings.Join(refCols, ", ") + ")"
	}
	if onDelete != "" && onDelete != "NO ACTION" {
		s += " ON DELETE " + onDelete
	}
	if onUpdate != "" && onUpdate != "NO ACTION" {
		s += " ON UPDATE " + onUpdate
	}
	return s
}

// fkObject names a foreign key for Object: "sessions:sessions_user_id_fkey",
// or "sessions:(user_id)" for SQLite's keys, which have numbers, not names.
func fkObject(table, symbol string, columns []string) string {
	if symbol == "" || strings.Trim(symbol, "0123456789") == "" {
		return table + ":(" + strings.Join(columns, ", ") + ")"
	}
	return table + ":" + symbol
}

// symbolPrefix is a key's name and a space for messages, "" for a key
// without one (or with SQLite's number).
func symbolPrefix(symbol string) string {
	if symbol == "" || strings.Trim(symbol, "0123456789") == "" {
		return ""
	}
	return symbol + " "
}

func (c *comparer) fkMissing(dt *dTable, lt *schema.Table, fk *dFK) {
	f := c.tableFinding(FKMissing, dt, lt.Name)
	f.Severity = config.Warning
	f.Name = fk.name
	f.refs = []string{fk.refTable}
	f.Object = fkObject(lt.Name, fk.name, fk.columns)
	if fk.pos.IsValid() {
		f.Position = fk.pos
	}
	if len(fk.columns) > 0 {
		f.Column = fk.columns[0]
		f.Field = c.fieldOf(dt, f.Column)
	}
	source := "the migrations declare it"
	if fk.relation != "" {
		f.Field = fk.relation
		source = fmt.Sprintf("relation %s.%s implies it (--relation-fks)", dt.modelName(), fk.relation)
	}
	f.Message = fmt.Sprintf("foreign key %s%s on %s is missing; %s", symbolPrefix(fk.name),
		describeFK(fk.columns, fk.refTable, c.refColumns(fk), strings.ToUpper(fk.onDelete), strings.ToUpper(fk.onUpdate)), lt.Name, source)
	f.repair = func() string {
		fix := c.cloneTable(lt)
		add := c.atlasFK(fk, fix, c.fkName(lt.Name, fk))
		fix.ForeignKeys = append(fix.ForeignKeys, add)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.AddForeignKey{F: add}}})
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) fkExtra(dt *dTable, lt *schema.Table, fk *schema.ForeignKey) {
	l := c.describeLiveFK(fk)
	f := c.tableFinding(FKExtra, dt, lt.Name)
	f.Severity = config.Info
	f.Object, f.Name = fkObject(lt.Name, fk.Symbol, l.columns), fk.Symbol
	if len(l.columns) > 0 {
		f.Column = l.columns[0]
	}
	f.Destructive = true
	switch {
	case c.removedFK(dt, lt, l):
		f.removed(describeRemovedFK(lt, l), "a relation of "+dt.modelName())
	case c.unknownOrigin("foreign key " + f.Object):
		return
	default:
		f.Message = fmt.Sprintf("foreign key %s%s on %s is not declared by the migrations", symbolPrefix(fk.Symbol), describeFK(l.columns, l.refTable, l.refCols, l.onDelete, l.onUpdate), lt.Name)
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		changes := []schema.Change{&schema.DropForeignKey{F: takeFK(fix, lt, fk)}}
		for _, ix := range lt.Indexes {
			// The index MySQL made for the key goes with it: drift does
			// not report it, and nothing else needs it.
			if li := c.describeLiveIndex(ix); c.implicitFKIndex(&schema.Table{ForeignKeys: []*schema.ForeignKey{fk}}, li) {
				changes = append(changes, &schema.DropIndex{I: take(&fix.Indexes, func(x *schema.Index) bool { return x.Name == ix.Name })})
			}
		}
		return c.planOn(lt, fix, false, &schema.ModifyTable{T: fix, Changes: changes})
	}
	c.findings = append(c.findings, f)
}

func (c *comparer) fkDifferent(dt *dTable, lt *schema.Table, fk *schema.ForeignKey, want *dFK) {
	l := c.describeLiveFK(fk)
	f := c.tableFinding(FKDifferent, dt, lt.Name)
	f.Severity = config.Warning
	f.Object, f.Name = fkObject(lt.Name, fk.Symbol, l.columns), fk.Symbol
	if want.pos.IsValid() {
		f.Position = want.pos
	}
	if len(want.columns) > 0 {
		f.Column = want.columns[0]
		f.Field = c.fieldOf(dt, f.Column)
	}
	wantDelete := canonAction(c.dialect, schema.ReferenceOption(want.onDelete))
	wantUpdate := canonAction(c.dialect, schema.ReferenceOption(want.onUpdate))
	var diffs []string
	var change schema.ChangeKind
	if !sameIdent(c.dialect, l.refTable, want.refTable) || !sameList(c.dialect, l.refCols, c.refColumns(want)) {
		diffs = append(diffs, fmt.Sprintf("references %s (%s) instead of %s (%s)", l.refTable, strings.Join(l.refCols, ", "),
			want.refTable, strings.Join(c.refColumns(want), ", ")))
		// Atlas's MySQL planner then also drops the index MySQL
		// creates for a key, named as the key: only when there is one.
		if c.dialect != dsn.MySQL || hasIndexNamed(lt, fk.Symbol) {
			change |= schema.ChangeRefTable | schema.ChangeRefColumn
		}
	}
	if l.onDelete != wantDelete {
		diffs = append(diffs, fmt.Sprintf("has ON DELETE %s instead of %s", l.onDelete, wantDelete))
		change |= schema.ChangeDeleteAction
	}
	if l.onUpdate != wantUpdate {
		diffs = append(diffs, fmt.Sprintf("has ON UPDATE %s instead of %s", l.onUpdate, wantUpdate))
		change |= schema.ChangeUpdateAction
	}
	if len(diffs) == 0 {
		diffs = append(diffs, "differs")
	}
	source := "the migrations declare"
	if want.relation != "" {
		f.Field = want.relation
		source = fmt.Sprintf("relation %s.%s implies", dt.modelName(), want.relation)
	}
	f.Message = fmt.Sprintf("foreign key %s(%s) on %s %s; %s it otherwise", symbolPrefix(fk.Symbol), strings.Join(l.columns, ", "), lt.Name, strings.Join(diffs, ", "), source)
	f.repair = func() string {
		fix := c.cloneTable(lt)
		i := slices.Index(lt.ForeignKeys, fk)
		from := takeFK(fix, lt, fk)
		if from == nil {
			return refusedPrefix + "the foreign key is not where the database has it"
		}
		to := c.atlasFK(want, fix, from.Symbol)
		// In its place: takeFK finds the keys of later repairs by
		// position.
		fix.ForeignKeys = slices.Insert(fix.ForeignKeys, i, to)
		return c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{
			&schema.ModifyForeignKey{From: from, To: to, Change: change}}})
	}
	c.findings = append(c.findings, f)
}

// plan returns the statements Atlas's planner writes for changes, one per
// line, each ending with a semicolon, with every name escaped (see
// namer). When Atlas cannot plan them, or a name cannot be written
// safely, the result is a comment saying why.
func (c *comparer) plan(changes ...schema.Change) (sqlText string) {
	n := newNamer(c.dialect)
	defer n.restoreAll()
	defer func() {
		if r := recover(); r != nil {
			sqlText = "-- Atlas cannot plan this repair: " + n.showText(fmt.Sprint(r))
		}
	}()
	n.changes(changes)
	if n.collision {
		return refusedPrefix + "a name contains " + placeholderPrefix + ", which drift uses internally"
	}
	_, planner := atlasFor(c.dialect)
	p, err := planner.PlanChanges(context.Background(), "drift", changes)
	if err != nil {
		return "-- Atlas cannot plan this repair: " + n.showText(err.Error())
	}
	var b strings.Builder
	for _, ch := range p.Changes {
		stmt, why := n.restore(strings.TrimSpace(ch.Cmd))
		if why != "" {
			return refusedPrefix + why
		}
		b.WriteString(stmt)
		b.WriteString(";\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// unknownOrigin reports, when the extraction could not read all of the
// migrations, that whether they create the object is unknown: the object
// is listed in the one note that says so (unseenNote), and no finding
// claims the migrations do not declare it.
func (c *comparer) unknownOrigin(object string) bool {
	if c.opts.Declared == nil || len(c.opts.Declared.Unseen) == 0 {
		return false
	}
	c.unknown = append(c.unknown, object)
	return true
}

// unseenNote is the one note on migrations the extraction could not read
// in full: the places not followed, and the objects whose origin is
// therefore unknown.
func (c *comparer) unseenNote() {
	if c.opts.Declared == nil || len(c.opts.Declared.Unseen) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString("the migrations could not be read in full")
	if len(c.unknown) > 0 {
		fmt.Fprintf(&b, ", so whether they create %s is unknown (not reported)", strings.Join(c.unknown, ", "))
	}
	places := slices.Compact(slices.Sorted(slices.Values(c.opts.Declared.Unseen)))
	fmt.Fprintf(&b, "; not followed: %s", strings.Join(places, "; "))
	c.notes = append(c.notes, b.String())
}
