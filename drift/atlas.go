package drift

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/dsn"
)

// This file builds Atlas schema objects: the desired ones from the models
// and declarations, and deep copies of inspected ones. The differ mutates
// what it compares (it sorts index parts, renames tables while it
// compares them), and the planner reads attributes the comparison must
// not see, so every object handed to Atlas is built here, fresh.

// atlasColumn is the desired column as Atlas's planner should create it.
func (c *comparer) atlasColumn(dc *dColumn) *schema.Column {
	var typ, def, generated string
	var notNull bool
	switch {
	case dc.bun != nil:
		typ, notNull, def = dc.bun.Type, dc.bun.NotNull, dc.bun.Default
	case dc.decl != nil:
		typ, notNull, def, generated = dc.decl.Type, dc.decl.NotNull, dc.decl.Default, dc.decl.Generated
	}
	col := &schema.Column{Name: dc.name, Type: &schema.ColumnType{Raw: typ, Null: !notNull, Type: c.desiredType(typ)}}
	if def != "" {
		col.Default = atlasDefault(def)
	}
	if c.generates(dc) && (c.dialect != dsn.Postgres || !strings.HasSuffix(strings.ToLower(typ), "serial")) {
		// A PostgreSQL serial type generates by itself (and is what Bun
		// creates); an identity on it too is refused: "both default
		// and identity specified".
		col.Attrs = append(col.Attrs, c.generationAttr())
	}
	if generated != "" {
		col.Attrs = append(col.Attrs, &schema.GeneratedExpr{Expr: generated, Type: "VIRTUAL"})
	}
	return col
}

// desiredType parses a desired type, or keeps its text as an unsupported
// type when Atlas does not know it (the comparison then trusts the
// database, and says so in a note).
func (c *comparer) desiredType(text string) schema.Type {
	t, err := c.parseType(text)
	if err != nil {
		return &schema.UnsupportedType{T: text}
	}
	return t
}

// generates reports whether the model wants the database to generate the
// column's values (autoincrement or identity, as Bun creates them on the
// dialect).
func (c *comparer) generates(dc *dColumn) bool {
	if dc.bun == nil {
		return false
	}
	if dc.bun.Sequence != "" {
		return true
	}
	// PostgreSQL's autoincrement is a serial type rather than a clause.
	t := strings.ToLower(dc.bun.Type)
	return c.dialect == dsn.Postgres && strings.HasSuffix(t, "serial")
}

// generationAttr is the attribute Atlas's planner writes as the
// dialect's identity or auto-increment clause.
func (c *comparer) generationAttr() schema.Attr {
	switch c.dialect {
	case dsn.Postgres:
		return &postgres.Identity{Generation: "BY DEFAULT", Sequence: &postgres.Sequence{Start: 1, Increment: 1}}
	case dsn.MySQL:
		return &mysql.AutoIncrement{}
	}
	return &sqlite.AutoIncrement{}
}

// liveGenerates reports whether the database generates a column's
// values: a serial type, an identity, AUTO_INCREMENT or AUTOINCREMENT.
func liveGenerates(col *schema.Column) bool {
	if _, ok := col.Type.Type.(*postgres.SerialType); ok {
		return true
	}
	for _, a := range col.Attrs {
		switch a.(type) {
		case *postgres.Identity, *mysql.AutoIncrement, *sqlite.AutoIncrement:
			return true
		}
	}
	return false
}

// atlasDefault turns a default: tag into an Atlas expression: a literal
// for quoted strings, numbers and booleans, a raw expression otherwise
// (current_timestamp, now()).
func atlasDefault(text string) schema.Expr {
	t := strings.TrimSpace(text)
	switch {
	case len(t) >= 2 && t[0] == '\'' && t[len(t)-1] == '\'':
		return &schema.Literal{V: t}
	case strings.EqualFold(t, "true"), strings.EqualFold(t, "false"), strings.EqualFold(t, "null"):
		return &schema.Literal{V: strings.ToLower(t)}
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return &schema.Literal{V: t}
	}
	return &schema.RawExpr{X: t}
}

// atlasIndex builds a desired index on table t (whose columns the parts
// point at; a column t lacks gets a detached stand-in, so that the
// planner can still name it).
func (c *comparer) atlasIndex(ix *dIndex, t *schema.Table, name string) *schema.Index {
	out := &schema.Index{Name: name, Unique: ix.unique, Table: t}
	for i, p := range ix.parts {
		part := &schema.IndexPart{SeqNo: i, Desc: p.Desc}
		if p.Column != "" {
			part.C = columnOf(c.dialect, t, p.Column)
		} else {
			part.X = &schema.RawExpr{X: p.Expr}
		}
		out.Parts = append(out.Parts, part)
	}
	if ix.where != "" {
		where := strings.TrimSpace(ix.where)
		if outerParens(where) {
			where = where[1 : len(where)-1]
		}
		switch c.dialect {
		case dsn.Postgres:
			out.Attrs = append(out.Attrs, &postgres.IndexPredicate{P: where})
		case dsn.SQLite:
			out.Attrs = append(out.Attrs, &sqlite.IndexPredicate{P: where})
		}
	}
	if ix.using != "" {
		switch c.dialect {
		case dsn.Postgres:
			out.Attrs = append(out.Attrs, &postgres.IndexType{T: strings.ToUpper(ix.using)})
		case dsn.MySQL:
			out.Attrs = append(out.Attrs, &mysql.IndexType{T: strings.ToUpper(ix.using)})
		}
	}
	if ix.fromModel && ix.unique && c.dialect == dsn.Postgres {
		// Bun writes a model's unique tags as table constraints; so
		// does the repair.
		out.Attrs = append(out.Attrs, &postgres.Constraint{N: name, T: "u"})
	}
	return out
}

// atlasFK builds a desired foreign key of table t. Referenced tables are
// looked up among the live tables, then the desired ones; the referenced
// columns default to the referenced table's primary key.
func (c *comparer) atlasFK(fk *dFK, t *schema.Table, name string) *schema.ForeignKey {
	out := &schema.ForeignKey{Symbol: name, Table: t,
		OnDelete: schema.ReferenceOption(strings.ToUpper(fk.onDelete)),
		OnUpdate: schema.ReferenceOption(strings.ToUpper(fk.onUpdate))}
	for _, col := range fk.columns {
		out.Columns = append(out.Columns, columnOf(c.dialect, t, col))
	}
	ref := c.refTable(fk.refTable)
	out.RefTable = ref
	for _, col := range c.refColumns(fk) {
		out.RefColumns = append(out.RefColumns, columnOf(c.dialect, ref, col))
	}
	return out
}

// refTable returns the table a foreign key references, for the planner:
// a stand-in named as the database names it, in the repair schema.
func (c *comparer) refTable(name string) *schema.Table {
	if lt := c.liveTable(name); lt != nil {
		return c.fixRef(lt)
	}
	return &schema.Table{Name: name, Schema: c.fixSchema}
}

// fixRef returns the stand-in for an inspected table that a repaired
// table's foreign key references: in the repair schema when it is in the
// inspected one (so that unqualified repairs stay unqualified), as
// inspected when it lives in another schema.
func (c *comparer) fixRef(t *schema.Table) *schema.Table {
	if t.Schema != nil && t.Schema != c.live && t.Schema.Name != c.live.Name {
		return t
	}
	if r, ok := c.refs[t]; ok {
		return r
	}
	r := &schema.Table{Name: t.Name, Schema: c.fixSchema}
	for _, col := range t.Columns {
		r.AddColumns(&schema.Column{Name: col.Name, Type: col.Type})
	}
	if c.refs == nil {
		c.refs = map[*schema.Table]*schema.Table{}
	}
	c.refs[t] = r
	return r
}

// refColumns returns a foreign key's referenced columns: as declared, or
// the referenced table's primary key (desired first, else live).
func (c *comparer) refColumns(fk *dFK) []string {
	if len(fk.refColumns) > 0 {
		return fk.refColumns
	}
	for _, dt := range c.tables {
		if sameIdent(c.dialect, dt.name, fk.refTable) && len(dt.pk) > 0 {
			return dt.pk
		}
	}
	if lt := c.liveTable(fk.refTable); lt != nil && lt.PrimaryKey != nil {
		var out []string
		for _, p := range lt.PrimaryKey.Parts {
			if p.C != nil {
				out = append(out, p.C.Name)
			}
		}
		return out
	}
	return nil
}

// columnOf returns t's column named name, or a detached stand-in.
func columnOf(dialect string, t *schema.Table, name string) *schema.Column {
	if t != nil {
		for _, col := range t.Columns {
			if sameIdent(dialect, col.Name, name) {
				return col
			}
		}
	}
	return &schema.Column{Name: name, Type: &schema.ColumnType{}}
}

// atlasTable is the desired table as CREATE TABLE should make it: the
// model's columns and primary key, the unique constraints, the declared
// indexes and foreign keys.
func (c *comparer) atlasTable(dt *dTable) *schema.Table {
	t := &schema.Table{Name: dt.name, Schema: c.fixSchema}
	for _, dc := range dt.columns {
		col := c.atlasColumn(dc)
		if c.dialect == dsn.SQLite && len(dt.pk) > 1 {
			// AUTOINCREMENT needs a single-column key; Bun writes none.
			col.Attrs = nil
		}
		t.AddColumns(col)
	}
	if len(dt.pk) > 0 {
		pk := &schema.Index{Table: t}
		for i, name := range dt.pk {
			pk.Parts = append(pk.Parts, &schema.IndexPart{SeqNo: i, C: columnOf(c.dialect, t, name)})
		}
		t.PrimaryKey = pk
	}
	for _, ix := range dt.indexes {
		t.Indexes = append(t.Indexes, c.atlasIndex(ix, t, c.indexName(dt.name, ix)))
	}
	for _, fk := range dt.fks {
		t.ForeignKeys = append(t.ForeignKeys, c.atlasFK(fk, t, c.fkName(dt.name, fk)))
	}
	return t
}

// indexName is the name a desired index gets: its own, or the one the
// database would give it (PostgreSQL's <table>_<columns>_key for a
// unique constraint), or Bun's convention for indexes.
func (c *comparer) indexName(table string, ix *dIndex) string {
	if ix.name != "" {
		return ix.name
	}
	cols := strings.Join(identParts(ix.columns()), "_")
	switch {
	case ix.unique && c.dialect == dsn.Postgres:
		return table + "_" + cols + "_key"
	case ix.unique && c.dialect == dsn.MySQL && len(ix.parts) > 0:
		return ix.parts[0].Column
	case ix.unique:
		return table + "_" + cols + "_key"
	}
	return table + "_" + cols + "_idx"
}

// fkName is the name a desired foreign key gets: its own, or
// PostgreSQL's convention <table>_<columns>_fkey.
func (c *comparer) fkName(table string, fk *dFK) string {
	if fk.name != "" {
		return fk.name
	}
	return table + "_" + strings.Join(identParts(fk.columns), "_") + "_fkey"
}

// identParts keeps the identifier characters of each name, for names
// made of expressions.
func identParts(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		var b strings.Builder
		for i := 0; i < len(n); i++ {
			if isIdentByte(n[i]) {
				b.WriteByte(n[i])
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// cloneType returns a shallow copy of an Atlas type (types are small
// structs of scalars; the differ rewrites some of their fields).
func cloneType(t schema.Type) schema.Type {
	if t == nil {
		return nil
	}
	v := reflect.ValueOf(t)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return t
	}
	n := reflect.New(v.Elem().Type())
	n.Elem().Set(v.Elem())
	return n.Interface().(schema.Type)
}

// cloneColumn copies a column, attributes included (the planner keeps
// MySQL's charset and collation in MODIFY COLUMN).
func cloneColumn(col *schema.Column) *schema.Column {
	out := &schema.Column{Name: col.Name, Default: col.Default, Attrs: append([]schema.Attr(nil), col.Attrs...)}
	if col.Type != nil {
		out.Type = &schema.ColumnType{Type: cloneType(col.Type.Type), Raw: col.Type.Raw, Null: col.Type.Null}
	}
	return out
}

// cloneTable deep-copies an inspected table for the planner, as the
// repairs planned so far leave it (see planOn): columns,
// primary key, indexes and foreign keys, pointing at the copy's columns
// and at stand-ins for the tables they reference (see fixRef).
func (c *comparer) cloneTable(t *schema.Table) *schema.Table {
	if w := c.working[t]; w != nil {
		t = w
	}
	s := c.fixSchema
	out := &schema.Table{Name: t.Name, Schema: s, Attrs: append([]schema.Attr(nil), t.Attrs...)}
	for _, col := range t.Columns {
		cc := cloneColumn(col)
		if c.dialect == dsn.SQLite && cc.Type.Raw != "" {
			// A table rebuild declares the columns again: with the
			// types as declared (varchar(20)), not as Atlas's SQLite
			// formatter writes them (varchar).
			cc.Type.Type = withSQLiteSpelling(cc.Type.Type, strings.ToLower(cc.Type.Raw))
		}
		out.AddColumns(cc)
	}
	if t.PrimaryKey != nil {
		out.PrimaryKey = cloneIndex(t.PrimaryKey, out)
	}
	for _, ix := range t.Indexes {
		out.Indexes = append(out.Indexes, cloneIndex(ix, out))
	}
	for _, fk := range t.ForeignKeys {
		out.ForeignKeys = append(out.ForeignKeys, c.cloneFK(fk, out))
	}
	return out
}

func cloneIndex(ix *schema.Index, t *schema.Table) *schema.Index {
	out := &schema.Index{Name: ix.Name, Unique: ix.Unique, Table: t, Attrs: append([]schema.Attr(nil), ix.Attrs...)}
	for _, p := range ix.Parts {
		np := &schema.IndexPart{SeqNo: p.SeqNo, Desc: p.Desc, X: p.X, Attrs: append([]schema.Attr(nil), p.Attrs...)}
		if p.C != nil {
			np.C = columnOf(dsn.Postgres, t, p.C.Name)
		}
		out.Parts = append(out.Parts, np)
	}
	return out
}

func (c *comparer) cloneFK(fk *schema.ForeignKey, t *schema.Table) *schema.ForeignKey {
	out := &schema.ForeignKey{Symbol: fk.Symbol, Table: t, OnDelete: fk.OnDelete, OnUpdate: fk.OnUpdate,
		Attrs: append([]schema.Attr(nil), fk.Attrs...)}
	if c.dialect == dsn.SQLite && strings.Trim(fk.Symbol, "0123456789") == "" {
		out.Symbol = "" // SQLite numbers unnamed keys; a rebuild leaves them unnamed
	}
	for _, col := range fk.Columns {
		out.Columns = append(out.Columns, columnOf(dsn.Postgres, t, col.Name))
	}
	// A self-reference points at the copy.
	ref := t
	if fk.RefTable != fk.Table && fk.RefTable != nil {
		ref = c.fixRef(fk.RefTable)
	}
	out.RefTable = ref
	for _, col := range fk.RefColumns {
		out.RefColumns = append(out.RefColumns, columnOf(dsn.Postgres, ref, col.Name))
	}
	return out
}

// liveTable returns the inspected table named name, or nil.
func (c *comparer) liveTable(name string) *schema.Table {
	for _, t := range c.live.Tables {
		if sameIdent(c.dialect, t.Name, name) {
			return t
		}
	}
	return nil
}

// errorf is fmt.Errorf with a package prefix.
func errorf(format string, args ...any) error {
	return fmt.Errorf("drift: "+format, args...)
}
