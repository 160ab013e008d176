package declared

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/ddl"
)

// build turns an executed query builder into the changes it makes on
// dialect d. CREATE INDEX, DROP INDEX, DROP TABLE, ADD COLUMN and DROP
// COLUMN are written out as the SQL Bun sends (the same clauses, quoting
// and order as Bun v1.3.0's AppendQuery) and parsed like any SQL, so the
// two paths cannot disagree; CREATE TABLE is built from the model, as
// Bun builds it, with the foreign keys parsed from the clauses Bun
// appends.
func (x *extractor) build(in *interp, ch *chain, d Dialect) []*Change {
	b := &bld{x: x, in: in, ch: ch, d: d}
	switch ch.kind {
	case "CreateTable":
		return b.createTable()
	case "CreateIndex":
		return b.sql(b.createIndex())
	case "DropTable":
		return b.sql(b.dropTable())
	case "DropIndex":
		return b.sql(b.dropIndex())
	case "AddColumn":
		return b.sql(b.columnStatement(true))
	case "DropColumn":
		return b.sql(b.columnStatement(false))
	}
	return nil
}

type bld struct {
	x      *extractor
	in     *interp
	ch     *chain
	d      Dialect
	failed bool
}

// fail records why the builder's statement is not seen on this dialect.
func (b *bld) fail(n ast.Node, format string, args ...any) {
	b.failed = true
	b.x.addUnseen(at{pos: n.Pos(), end: n.End()}, dialectBit(b.d), b.in.mig, fmt.Sprintf(format, args...))
}

// str returns argument i of a call as a constant string.
func (b *bld) str(c call, i int) (string, bool) {
	if i >= len(c.args) {
		b.fail(c.expr, "%s needs an argument here", c.name)
		return "", false
	}
	if s, ok := c.args[i].(vStr); ok {
		return s.s, true
	}
	b.fail(c.expr.Args[i], "the argument of %s is not a constant string: the statement is not seen", c.name)
	return "", false
}

// strs returns the string arguments of a variadic call (Column("a", "b"),
// Column(cols...)).
func (b *bld) strs(c call) ([]string, bool) {
	var out []string
	for i, a := range c.args {
		if l, ok := a.(vList); ok && c.expr.Ellipsis.IsValid() && i == len(c.args)-1 {
			for _, el := range l.elems {
				s, ok := el.(vStr)
				if !ok {
					b.fail(c.expr.Args[i], "the arguments of %s are not constant strings: the statement is not seen", c.name)
					return nil, false
				}
				out = append(out, s.s)
			}
			continue
		}
		s, ok := b.str(c, i)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// idents returns the string arguments of a call quoted as identifiers, as
// Bun's UnsafeIdent writes them.
func (b *bld) idents(c call) []string {
	names, _ := b.strs(c)
	for i, n := range names {
		names[i] = quoteIdent(b.d, n)
	}
	return names
}

// query returns the text of a (query, args...) call as Bun formats it:
// verbatim unless it has ? placeholders and arguments, which need Bun's
// formatter at run time.
func (b *bld) query(c call) (string, bool) {
	q, ok := b.str(c, 0)
	if !ok {
		return "", false
	}
	if len(c.expr.Args) > 1 && strings.Contains(q, "?") {
		b.fail(c.expr, "%s(%q, ...) has ? placeholders, which Bun fills in at run time: the statement is not seen", c.name, q)
		return "", false
	}
	return q, true
}

// modelTable returns the quoted table of Model(...), resolving the model.
func (b *bld) modelOf(c call) *Model {
	if len(c.args) != 1 {
		return nil
	}
	var t types.Type
	switch v := c.args[0].(type) {
	case vTyped:
		t = v.t
	case vNil:
		b.fail(c.expr, "Model(nil): Bun fails with bun: Model(nil)")
		return nil
	}
	if t == nil {
		t = b.x.typeAndValue(c.expr.Args[0]).Type
	}
	var m *Model
	if t != nil && !types.IsInterface(t) {
		m = b.x.model(t)
	}
	if m == nil {
		b.fail(c.expr.Args[0], "the model given to Model is not known statically (its type is %s): the statement is not seen", typeName(t))
	}
	return m
}

func typeName(t types.Type) string {
	if t == nil {
		return "unknown"
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// target is the table of a statement as Bun's appendFirstTable picks it:
// ModelTableExpr, else the model's table, else the first Table or
// TableExpr.
type target struct {
	modelExpr string
	model     *Model
	tables    []string
}

func (b *bld) first(t target) (string, bool) {
	switch {
	case t.modelExpr != "":
		return t.modelExpr, true
	case t.model != nil:
		return quoteIdent(b.d, t.model.Table.Name), true
	case len(t.tables) > 0:
		return t.tables[0], true
	}
	b.fail(b.ch.span(), "the query has no table (no Model, Table or TableExpr): Bun fails with bun: query does not have a table")
	return "", false
}

// tableCall handles the calls that choose a table; it reports whether c
// was one.
func (b *bld) tableCall(c call, t *target) bool {
	switch c.name {
	case "Model":
		t.model = b.modelOf(c)
	case "ModelTableExpr":
		t.modelExpr, _ = b.query(c)
	case "Table":
		t.tables = append(t.tables, b.idents(c)...)
	case "TableExpr":
		if q, ok := b.query(c); ok {
			t.tables = append(t.tables, q)
		}
	default:
		return false
	}
	return true
}

// ignorable are builder methods that change nothing the schema holds.
var ignorable = map[string]bool{"Conn": true, "Comment": true, "Err": true}

// each calls fn for each method called on the builder, after the calls
// that choose its table (when t is not nil); a call fn does not know is
// noted, unless it changes nothing the schema holds.
func (b *bld) each(t *target, fn func(c call) bool) {
	for _, c := range b.ch.calls {
		if t != nil && b.tableCall(c, t) {
			continue
		}
		if !fn(c) && !ignorable[c.name] {
			b.fail(c.expr, "%s is not followed: the statement is not seen", c.name)
		}
	}
}

func (b *bld) createIndex() string {
	var t target
	var unique, concurrently, ifNotExists bool
	var index, using string
	var cols, include []string
	var where []string
	b.each(&t, func(c call) bool {
		switch c.name {
		case "Unique":
			unique = true
		case "Concurrently":
			concurrently = true
		case "IfNotExists":
			ifNotExists = true
		case "Index":
			if s, ok := b.str(c, 0); ok {
				index = quoteIdent(b.d, s)
			}
		case "IndexExpr":
			index, _ = b.query(c)
		case "Using":
			using, _ = b.query(c)
		case "Column":
			cols = append(cols, b.idents(c)...)
		case "ColumnExpr":
			if q, ok := b.query(c); ok {
				cols = append(cols, q)
			}
		case "Include":
			include = append(include, b.idents(c)...)
		case "IncludeExpr":
			if q, ok := b.query(c); ok {
				include = append(include, q)
			}
		case "Where", "WhereOr":
			q, ok := b.query(c)
			if !ok {
				return true
			}
			sep := " AND "
			if c.name == "WhereOr" {
				sep = " OR "
			}
			if len(where) > 0 {
				where = append(where, sep)
			}
			if q != "" {
				where = append(where, "("+q+")")
			}
		default:
			return false
		}
		return true
	})
	table, ok := b.first(t)
	if !ok || b.failed {
		return ""
	}
	var s strings.Builder
	s.WriteString("CREATE ")
	if unique {
		s.WriteString("UNIQUE ")
	}
	s.WriteString("INDEX ")
	if concurrently {
		s.WriteString("CONCURRENTLY ")
	}
	// Bun writes IF NOT EXISTS only where the dialect has the feature:
	// PostgreSQL, SQLite, and MariaDB (found out at run time); MySQL is
	// taken as MySQL.
	if ifNotExists && b.d != MySQL {
		s.WriteString("IF NOT EXISTS ")
	}
	s.WriteString(index + " ON " + table)
	if using != "" {
		s.WriteString(" USING " + using)
	}
	s.WriteString(" (" + strings.Join(cols, ", ") + ")")
	if len(include) > 0 {
		s.WriteString(" INCLUDE (" + strings.Join(include, ", ") + ")")
	}
	if len(where) > 0 {
		s.WriteString(" WHERE " + strings.Join(where, ""))
	}
	return s.String()
}

func (b *bld) cascade(c call, cascade, restrict *bool) bool {
	switch c.name {
	case "Cascade":
		*cascade = true
	case "Restrict":
		*restrict = true
	default:
		return false
	}
	return true
}

// appendCascade is Bun's: CASCADE and RESTRICT only where the dialect has
// the TableCascade feature (PostgreSQL).
func (b *bld) appendCascade(s *strings.Builder, cascade, restrict bool) {
	if b.d != PG {
		return
	}
	if cascade {
		s.WriteString(" CASCADE")
	}
	if restrict {
		s.WriteString(" RESTRICT")
	}
}

func (b *bld) dropTable() string {
	var t target
	var ifExists, cascade, restrict bool
	b.each(&t, func(c call) bool {
		if c.name == "IfExists" {
			ifExists = true
			return true
		}
		return b.cascade(c, &cascade, &restrict)
	})
	// appendTables: the model's table (or ModelTableExpr), then Table
	// and TableExpr.
	var names []string
	switch {
	case t.modelExpr != "":
		names = append(names, t.modelExpr)
	case t.model != nil:
		names = append(names, quoteIdent(b.d, t.model.Table.Name))
	}
	names = append(names, t.tables...)
	if len(names) == 0 && !b.failed {
		b.fail(b.ch.span(), "DropTable has no table (no Model, Table or TableExpr)")
	}
	if b.failed {
		return ""
	}
	var s strings.Builder
	s.WriteString("DROP TABLE ")
	if ifExists {
		s.WriteString("IF EXISTS ")
	}
	s.WriteString(strings.Join(names, ", "))
	b.appendCascade(&s, cascade, restrict)
	return s.String()
}

func (b *bld) dropIndex() string {
	var index string
	var concurrently, ifExists, cascade, restrict bool
	b.each(nil, func(c call) bool {
		switch c.name {
		case "Index":
			index, _ = b.query(c)
		case "Concurrently":
			concurrently = true
		case "IfExists":
			ifExists = true
		case "Model":
			// Bun's DROP INDEX ignores the model: it writes no table.
		default:
			return b.cascade(c, &cascade, &restrict)
		}
		return true
	})
	if b.failed {
		return ""
	}
	var s strings.Builder
	s.WriteString("DROP INDEX ")
	if concurrently {
		s.WriteString("CONCURRENTLY ")
	}
	if ifExists {
		s.WriteString("IF EXISTS ")
	}
	s.WriteString(index)
	b.appendCascade(&s, cascade, restrict)
	return s.String()
}

// columnStatement is NewAddColumn (add) and NewDropColumn: ALTER TABLE t
// ADD [IF NOT EXISTS] <ColumnExpr>, or ALTER TABLE t DROP COLUMN <column>,
// with exactly one column as Bun requires.
func (b *bld) columnStatement(add bool) string {
	var t target
	var ifNotExists bool
	var cols []string
	b.each(&t, func(c call) bool {
		switch {
		case c.name == "ColumnExpr":
			if q, ok := b.query(c); ok {
				cols = append(cols, q)
			}
		case c.name == "Column" && !add:
			cols = append(cols, b.idents(c)...)
		case c.name == "IfNotExists" && add:
			ifNotExists = true
		default:
			return false
		}
		return true
	})
	table, ok := b.first(t)
	if !ok || b.failed {
		return ""
	}
	verb, query := "DROP COLUMN ", "DropColumnQuery"
	if add {
		verb, query = "ADD ", "AddColumnQuery"
		if ifNotExists {
			verb += "IF NOT EXISTS "
		}
	}
	if len(cols) != 1 {
		b.fail(b.ch.span(), "the query names %d columns: Bun fails with bun: %s requires exactly one column", len(cols), query)
		return ""
	}
	return "ALTER TABLE " + table + " " + verb + cols[0]
}

// sql parses the statement a builder sends and returns its changes, all
// placed at the builder.
func (b *bld) sql(stmt string) []*Change {
	if stmt == "" || b.failed {
		return nil
	}
	span := b.ch.span()
	st, err := ddl.ParseStatement(stmt, b.d.ddl())
	if err != nil {
		b.fail(span, "Bun sends %s on %s, which does not parse (%v): the database rejects it, or the extraction cannot read it", stmt, b.d.Title(), err)
		return nil
	}
	t := sqlText{d: b.d, src: stmt, pos: func(int) token.Pos { return span.Pos() }}
	cs, msg := t.statement(st)
	if msg != "" {
		b.fail(span, "%s", msg)
	}
	for _, c := range cs {
		c.at = at{pos: span.Pos(), end: span.End(), change: c}
		retarget(c)
		b.x.site(b.in, c, span, b.ch)
	}
	return cs
}

// retarget points the elements of a change at the change.
func retarget(c *Change) {
	if c.Index != nil {
		c.Index.at = c.at
	}
	if c.Column != nil {
		c.Column.at = c.at
	}
	if c.ForeignKey != nil {
		c.ForeignKey.at = c.at
	}
	if c.Create != nil {
		c.Create.at = c.at
	}
}

// createTable builds CREATE TABLE from the model, as Bun's
// CreateTableQuery.AppendQuery does.
func (b *bld) createTable() []*Change {
	var t target
	var temp, ifNotExists, withFKs bool
	varchar := 0
	var fks []call
	var colExprs []call
	b.each(nil, func(c call) bool {
		switch c.name {
		case "Model":
			t.model = b.modelOf(c)
		case "ModelTableExpr":
			t.modelExpr, _ = b.query(c)
		case "Table", "TableExpr":
			// Bun names the table after the model (or ModelTableExpr)
			// and ignores Table here.
		case "Temp":
			temp = true
		case "IfNotExists":
			ifNotExists = true
		case "WithForeignKeys":
			withFKs = true
		case "Varchar":
			if len(c.expr.Args) == 1 {
				if tv := b.x.typeAndValue(c.expr.Args[0]); tv.Value != nil {
					n, _ := constant.Int64Val(tv.Value)
					varchar = int(n)
					return true
				}
			}
			b.fail(c.expr, "Varchar's length is not a constant: column types are not known")
		case "ForeignKey":
			fks = append(fks, c)
		case "ColumnExpr":
			colExprs = append(colExprs, c)
		case "PartitionBy", "TableSpace":
			// Where rows live, not what the table holds.
		default:
			return false
		}
		return true
	})
	span := b.ch.span()
	if t.model == nil {
		if !b.failed {
			b.fail(span, "CreateTable has no Model: Bun fails with bun: Model(nil)")
		}
		return nil
	}
	if b.failed {
		return nil
	}
	if temp {
		// A temporary table is gone when the migration's session ends.
		c := &Change{Kind: Data, Dialect: b.d, Table: t.model.Table.Name}
		b.x.site(b.in, c, span, b.ch)
		return []*Change{c}
	}
	m := t.model
	c := &Change{Kind: CreateTable, Dialect: b.d, IfNotExists: ifNotExists}
	c.at = at{pos: span.Pos(), end: span.End(), change: c}
	tab := modelTable(m, b.d, varchar, c.at)
	if t.modelExpr != "" {
		name, ok := b.tableName(t.modelExpr)
		if !ok {
			return nil
		}
		tab.Name = name
		for _, ix := range tab.Indexes {
			ix.Table = name
		}
	}
	c.Table, c.Create = tab.Name, tab
	if withFKs {
		b.relationFKs(tab, m, c)
	}
	for _, fc := range fks {
		q, ok := b.query(fc)
		if !ok {
			continue
		}
		k, err := ddl.ParseForeignKey(q, b.d.ddl())
		if err != nil {
			a := at{pos: fc.expr.Args[0].Pos(), end: fc.expr.Args[0].End()}
			if se, ok := errors.AsType[*ddl.SyntaxError](err); ok {
				if s, ok := fc.args[0].(vStr); ok {
					a.pos = b.in.mapper(s, fc.expr.Args[0])(se.Offset)
				}
			}
			b.x.addNote(a, dialectBit(b.d), b.in.mig, fmt.Sprintf("ForeignKey(%q) does not parse on %s (%s): the constraint is not seen", q, b.d.Title(), errText(syntaxErr(err))))
			continue
		}
		fk := fkFromDDL(tab.Name, k.Name, k.ColumnNames(), k.References, c)
		fk.at = at{pos: fc.expr.Args[0].Pos(), end: fc.expr.Args[0].End(), change: c}
		tab.ForeignKeys = append(tab.ForeignKeys, fk)
	}
	for _, cc := range colExprs {
		q, ok := b.query(cc)
		if !ok {
			continue
		}
		st, err := ddl.ParseStatement("CREATE TABLE t ("+q+")", b.d.ddl())
		ct, isTable := st.(*ddl.CreateTable)
		if err != nil || !isTable {
			b.x.addNote(at{pos: cc.expr.Pos(), end: cc.expr.End()}, dialectBit(b.d), b.in.mig, fmt.Sprintf("ColumnExpr(%q) does not parse as a column or constraint on %s", q, b.d.Title()))
			continue
		}
		extra := sqlText{d: b.d}.table(ct, c)
		tab.Columns = append(tab.Columns, extra.Columns...)
		tab.PrimaryKey = append(tab.PrimaryKey, extra.PrimaryKey...)
		for _, ix := range extra.Indexes {
			ix.Table = tab.Name
			tab.Indexes = append(tab.Indexes, ix)
		}
		for _, fk := range extra.ForeignKeys {
			fk.Table = tab.Name
			tab.ForeignKeys = append(tab.ForeignKeys, fk)
		}
	}
	b.hooks(m, span)
	b.x.site(b.in, c, span, b.ch)
	return []*Change{c}
}

func syntaxErr(err error) *ddl.SyntaxError {
	se, _ := errors.AsType[*ddl.SyntaxError](err)
	return se
}

// tableName parses a table expression (ModelTableExpr's text) to a name.
func (b *bld) tableName(expr string) (string, bool) {
	st, err := ddl.ParseStatement("DROP TABLE "+expr, b.d.ddl())
	if dt, ok := st.(*ddl.DropTable); err == nil && ok && len(dt.Names) == 1 {
		return dt.Names[0].Name, true
	}
	b.fail(b.ch.span(), "ModelTableExpr(%q) is not a table name", expr)
	return "", false
}

// relationFKs adds the FOREIGN KEY clauses WithForeignKeys makes Bun
// write: one per relation that References(), in order of the relation
// fields' names, "(base) REFERENCES join_table (join) [ON UPDATE ...] [ON
// DELETE ...]" (appendFKConstraintsRel). A belongs-to gets NO ACTION for
// both unless on_update:/on_delete: say otherwise, as every dialect here
// has FKDefaultOnAction; a has-one gets neither.
func (b *bld) relationFKs(tab *Table, m *Model, c *Change) {
	rels := append([]*bunmodel.Relation(nil), m.Table.Relations...)
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].Field.GoName < rels[j].Field.GoName })
	for _, rel := range rels {
		if rel.Kind != bunmodel.BelongsTo && rel.Kind != bunmodel.HasOne {
			continue
		}
		if len(rel.Problems) > 0 || rel.Target == nil {
			b.x.addNote(c.at, dialectBit(b.d), b.in.mig, fmt.Sprintf("relation %s.%s is broken (%s): Bun panics on WithForeignKeys", m.Ref.Name, rel.Field.GoName, strings.Join(rel.Problems, "; ")))
			continue
		}
		if !references(rel, b.x.m2m[m.Table.Name]) {
			continue
		}
		q := "(" + b.columnList(rel.BaseColumns) + ") REFERENCES " + quoteIdent(b.d, rel.Target.Name) + " (" + b.columnList(rel.TargetColumns) + ")"
		if rel.Kind == bunmodel.BelongsTo {
			q += " " + fkRule(rel.Field, "on_update", "ON UPDATE")
			q += " " + fkRule(rel.Field, "on_delete", "ON DELETE")
		}
		k, err := ddl.ParseForeignKey(q, b.d.ddl())
		if err != nil {
			b.x.addNote(c.at, dialectBit(b.d), b.in.mig, fmt.Sprintf("the foreign key Bun writes for %s.%s, %s, does not parse on %s (%v)", m.Ref.Name, rel.Field.GoName, q, b.d.Title(), err))
			continue
		}
		fk := fkFromDDL(tab.Name, "", k.ColumnNames(), k.References, c)
		fk.Source = FKRelation
		tab.ForeignKeys = append(tab.ForeignKeys, fk)
	}
}

// references is Bun's Relation.References: a has-one or belongs-to whose
// base columns are not the primary key, or are all of it in an m2m join
// table.
func references(rel *bunmodel.Relation, m2mTable bool) bool {
	allPK, nonePK := true, true
	for _, f := range rel.BaseColumns {
		allPK = allPK && f.PK
		nonePK = nonePK && !f.PK
	}
	return (rel.Kind == bunmodel.HasOne || rel.Kind == bunmodel.BelongsTo) && ((m2mTable && allPK) || nonePK)
}

// columnList is Bun's appendColumns: the fields' quoted names.
func (b *bld) columnList(fs []*bunmodel.Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = quoteIdent(b.d, f.Name)
	}
	return strings.Join(names, ", ")
}

// fkRule is "ON DELETE CASCADE" from on_delete:cascade, else NO ACTION.
func fkRule(f *bunmodel.Field, key, clause string) string {
	if v, ok := f.Tag.Option(key); ok {
		return clause + " " + strings.ToUpper(v)
	}
	return clause + " NO ACTION"
}

// hooks notes a model's BeforeCreateTable and AfterCreateTable hooks,
// which run queries the extraction does not follow (indexes are often
// created there).
func (b *bld) hooks(m *Model, span ast.Node) {
	ms := types.NewMethodSet(types.NewPointer(m.Obj.Type()))
	for _, name := range []string{"BeforeCreateTable", "AfterCreateTable"} {
		if sel := ms.Lookup(m.Obj.Pkg(), name); sel != nil {
			b.x.addNote(at{pos: span.Pos(), end: span.End()}, dialectBit(b.d), b.in.mig,
				fmt.Sprintf("model %s has the hook %s, which Bun runs with this CREATE TABLE: what it runs is not seen", m.Ref.Name, name))
		}
	}
}
