package drift

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/dsn"
)

// Options configure a comparison.
type Options struct {
	// Schema is the schema (MySQL: database) to compare; "" for the
	// connection's own.
	Schema string
	// Declared holds the indexes, foreign keys, extra columns and
	// model-less tables the migrations declare (FromDeclared). Nil: the
	// models' tags are all there is, and the only indexes compared are
	// the models' unique constraints; no foreign keys are compared
	// unless RelationFKs is set.
	Declared *Declared
	// RelationFKs derives a foreign key from every belongs-to and has-one
	// relation, as NewCreateTable().WithForeignKeys() would create it.
	// A key the migrations declare on the same columns takes precedence.
	RelationFKs bool
	// Exclude lists table-name globs (path.Match syntax) to leave out on
	// both sides.
	Exclude []string
	// Sources tells where the models are declared, for positions; nil
	// leaves findings without file:line.
	Sources *Sources
	// Modelled, from the committed snapshot, lists the objects the models
	// made when it was written: one of them that no model makes now is
	// reported as removed (its drop is the repair), where it would
	// otherwise pass as one only the migrations create. Nil: none.
	Modelled *snapshot.Models
}

// Compare reflects models with Bun for the dialect ("pg", "mysql" or
// "sqlite"), inspects db read-only and returns the differences. Models are
// pointers to structs ((*User)(nil)); the join models of many-to-many
// relations must be among them (they are registered first, as Bun
// requires).
//
// It is the library form of schemalint drift, for tests that would rather
// call it directly:
//
//	res, err := drift.Compare(ctx, sqldb, "pg", drift.Options{}, (*User)(nil), (*Org)(nil))
func Compare(ctx context.Context, db *sql.DB, dialect string, opts Options, models ...any) (*Result, error) {
	view, err := bunview.Reflect(dialect, models...)
	if err != nil {
		return nil, errorf("%v", err)
	}
	return Check(ctx, db, dialect, view, opts)
}

// Check inspects db (read-only, see package live) and compares it with
// view, Bun's view of the models.
func Check(ctx context.Context, db *sql.DB, dialect string, view *bunview.View, opts Options) (*Result, error) {
	if dialect == dsn.SQLite && opts.Schema != "" && opts.Schema != "main" {
		return nil, errorf("SQLite has one schema, main: --schema %q cannot be compared", opts.Schema)
	}
	s, err := live.Inspect(ctx, db, dialect, live.Options{Schema: opts.Schema, Views: true})
	if err != nil {
		return nil, err
	}
	return Diff(dialect, view, s, opts)
}

// Diff compares view, Bun's view of the models, with an inspected schema
// (as live.Inspect returns it; it is not modified). It is the pipeline
// without the database: desired → normalize → diff (Atlas's differ) →
// classify → repair SQL (Atlas's planner).
func Diff(dialect string, view *bunview.View, inspected *schema.Schema, opts Options) (*Result, error) {
	if view == nil || inspected == nil {
		return nil, errorf("nothing to compare")
	}
	if view.Dialect != dialect {
		return nil, errorf("the models were reflected for %s, the database is %s", view.Dialect, dialect)
	}
	c := &comparer{dialect: dialect, opts: opts, live: inspected, schemaName: inspected.Name,
		meta: map[any]*pairMeta{}}
	if dialect == dsn.SQLite {
		c.schemaName = "main"
	}
	// Repair SQL names tables without a schema when the connection's own
	// schema is compared, so that it runs wherever the application's
	// search_path (or database) points.
	c.fixSchema = &schema.Schema{Name: opts.Schema}
	c.from = &schema.Schema{Name: "drift"}
	c.to = &schema.Schema{Name: "drift"}
	for _, p := range view.Problems {
		c.note("Bun cannot use model %s (it panics at first use): %s; its table is not compared", shortModel(p.Model), p.Message)
	}
	if opts.Declared != nil {
		c.notes = append(c.notes, opts.Declared.Notes...)
	}
	c.tables = c.desiredTables(view)
	c.build()
	if err := c.diff(); err != nil {
		return nil, err
	}
	c.unseenNote()
	// Repairs are planned in the script's order, each on the table as
	// the repairs before it leave it: two repairs of one table (two
	// columns added on SQLite, each rebuilding the table; a type and a
	// nullability on MySQL, each writing the whole column) would
	// otherwise each undo the other.
	orderByReferences(c.findings)
	orderRemovedDrops(c.findings)
	sortFindings(c.findings)
	for i := range c.findings {
		if r := c.findings[i].repair; r != nil {
			c.findings[i].SQL, c.findings[i].repair = r(), nil
		}
	}
	c.sanitize()
	// Again: sanitizing may respell an object (a Go-quoted name).
	sortFindings(c.findings)
	return &Result{Dialect: dialect, Findings: c.findings, Notes: c.notes}, nil
}

// sanitize makes the findings safe to print: a refused repair says why in
// the message, and names with control or invisible characters reach no
// message, object or note raw (they are escaped as Go escapes them).
func (c *comparer) sanitize() {
	// The database's unprintable names are shown Go-quoted, so that the
	// reader sees where they start and end; whatever else is unprintable
	// is escaped in place.
	var pairs []string
	for _, name := range c.unprintableNames() {
		pairs = append(pairs, name, showName(name))
	}
	show := strings.NewReplacer(pairs...)
	clean := func(s string) string { return escapeUnprintable(show.Replace(s)) }
	for i := range c.findings {
		f := &c.findings[i]
		if why, ok := strings.CutPrefix(f.SQL, refusedPrefix); ok {
			f.Message += "; " + why
		}
		f.Message, f.Fix, f.Object = clean(f.Message), clean(f.Fix), clean(f.Object)
	}
	for i, n := range c.notes {
		c.notes[i] = clean(n)
	}
}

// unprintableNames lists the inspected schema's unprintable names, longest
// first (so that a name containing another is replaced whole).
func (c *comparer) unprintableNames() []string {
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if unprintable(n) && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	add(c.live.Name)
	for _, t := range c.live.Tables {
		add(t.Name)
		for _, col := range t.Columns {
			add(col.Name)
		}
		if t.PrimaryKey != nil {
			add(t.PrimaryKey.Name)
		}
		for _, ix := range t.Indexes {
			add(ix.Name)
		}
		for _, fk := range t.ForeignKeys {
			add(fk.Symbol)
		}
	}
	for _, v := range c.live.Views {
		add(v.Name)
		for _, col := range v.Columns {
			add(col.Name)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// comparer holds one comparison.
type comparer struct {
	dialect    string
	opts       Options
	live       *schema.Schema
	schemaName string
	tables     []*dTable

	// from and to are the normalized copies Atlas's differ compares:
	// from the database's tables, to the desired ones, each spelling
	// equal things identically.
	from, to *schema.Schema
	// fixSchema is the schema the repair statements' tables belong to.
	fixSchema *schema.Schema
	// meta maps every object of from and to back to what it stands for.
	meta map[any]*pairMeta
	// refs holds the stand-ins of referenced tables (fixRef).
	refs map[*schema.Table]*schema.Table
	// pkStandIns maps a live table without a primary key to its UNIQUE
	// constraint named *_pkey on the model's key columns.
	pkStandIns map[*schema.Table]*schema.Index
	// working holds, for a live table, the table as the repairs planned
	// so far leave it (planOn); cloneTable starts from it.
	working map[*schema.Table]*schema.Table
	// unknown lists the database's objects that the migrations may
	// create in code the extraction could not read (unknownOrigin).
	unknown []string

	findings []Finding
	notes    []string
	// parsed memoizes parseType: a schema spells few types, each in
	// many columns.
	parsed map[string]parsedType
}

type parsedType struct {
	t   schema.Type
	err error
}

// parseType is parseType on c's dialect, each spelling parsed once; the
// caller gets its own copy.
func (c *comparer) parseType(text string) (schema.Type, error) {
	p, ok := c.parsed[text]
	if !ok {
		if c.parsed == nil {
			c.parsed = map[string]parsedType{}
		}
		p.t, p.err = parseType(c.dialect, text)
		c.parsed[text] = p
	}
	return cloneType(p.t), p.err
}

// pairMeta is what a normalized object stands for: the desired element
// and the inspected one (either nil when the other side lacks it).
type pairMeta struct {
	table *dTable
	live  *schema.Table
	col   *dColumn
	lcol  *schema.Column
	ix    *dIndex
	lix   *schema.Index
	fk    *dFK
	lfk   *schema.ForeignKey
}

func (c *comparer) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

func (c *comparer) key(name string) string {
	if c.dialect == dsn.Postgres {
		return name
	}
	return strings.ToLower(name)
}

// build pairs desired and inspected tables and writes the normalized
// copies.
func (c *comparer) build() {
	liveByKey := map[string]*schema.Table{}
	for _, t := range c.live.Tables {
		liveByKey[c.key(t.Name)] = t
	}
	views := map[string]*schema.View{}
	for _, v := range c.live.Views {
		views[c.key(v.Name)] = v
	}
	handled := map[*schema.Table]bool{}
	for _, dt := range c.tables {
		if ignoredTable(dt.name) || excluded(c.opts.Exclude, dt.name) {
			if lt := liveByKey[c.key(dt.name)]; lt != nil {
				handled[lt] = true
			}
			continue
		}
		lt := liveByKey[c.key(dt.name)]
		switch {
		case lt == nil && dt.model != nil && views[c.key(dt.name)] != nil:
			c.compareView(dt, views[c.key(dt.name)])
		case lt == nil:
			t := c.normalizedDesired(dt)
			c.to.AddTables(t)
		case c.removedTable(dt, lt.Name):
			// Its model is gone: left for the differ to drop.
		case dt.model == nil:
			// A table only the migrations create: known, and not
			// compared further (no model reads it).
			handled[lt] = true
		default:
			handled[lt] = true
			c.pair(lt, dt)
		}
	}
	for _, lt := range c.live.Tables {
		if handled[lt] || ignoredTable(lt.Name) || excluded(c.opts.Exclude, lt.Name) {
			continue
		}
		from := &schema.Table{Name: lt.Name}
		c.meta[from] = &pairMeta{live: lt}
		c.from.AddTables(from)
	}
}

// normalizedDesired is a desired table no database table matches, in the
// to schema.
func (c *comparer) normalizedDesired(dt *dTable) *schema.Table {
	t := &schema.Table{Name: dt.name}
	c.meta[t] = &pairMeta{table: dt}
	return t
}

// compareView checks a model that maps to a view: the view exists; its
// columns must include the model's.
func (c *comparer) compareView(dt *dTable, v *schema.View) {
	for _, dc := range dt.columns {
		if dc.bun == nil {
			continue
		}
		found := false
		for _, col := range v.Columns {
			if sameIdent(c.dialect, col.Name, dc.name) {
				found = true
			}
		}
		if !found {
			c.findings = append(c.findings, Finding{
				Kind: ColumnMissing, Severity: "error", Object: v.Name + "." + dc.name, Table: v.Name, Column: dc.name,
				Model: dt.model.Model, Field: dc.bun.Field, Position: dc.pos,
				Message: fmt.Sprintf("view %s has no column %s; %s.%s reads it, so every select on the model fails", v.Name, dc.name, dt.modelName(), dc.bun.Field),
				Fix:     "recreate the view with the column, or drop the field from the model",
			})
		}
	}
}

// pair writes the normalized copies of a table both sides have.
func (c *comparer) pair(lt *schema.Table, dt *dTable) {
	from := &schema.Table{Name: lt.Name}
	to := &schema.Table{Name: lt.Name}
	c.meta[from] = &pairMeta{table: dt, live: lt}
	c.meta[to] = c.meta[from]
	c.from.AddTables(from)
	c.to.AddTables(to)

	rowid := c.rowidColumn(lt)
	for _, lc := range lt.Columns {
		fc := &schema.Column{Name: lc.Name, Type: &schema.ColumnType{Type: cloneType(lc.Type.Type), Null: lc.Type.Null && lc != rowid}, Default: lc.Default}
		c.meta[fc] = &pairMeta{table: dt, live: lt, lcol: lc, col: dt.column(c.dialect, lc.Name)}
		from.AddColumns(fc)
	}
	for _, dc := range dt.columns {
		lc := columnByName(c.dialect, lt, dc.name)
		tc := c.normalizedColumn(lt, lc, dc)
		c.meta[tc] = &pairMeta{table: dt, live: lt, lcol: lc, col: dc}
		to.AddColumns(tc)
		if lc != nil {
			c.generation(dt, lt, lc, dc)
		}
	}
	c.primaryKey(lt, dt, from, to)
	c.indexes(lt, dt, from, to)
	c.foreignKeys(lt, dt, from, to)
}

func columnByName(dialect string, t *schema.Table, name string) *schema.Column {
	for _, col := range t.Columns {
		if sameIdent(dialect, col.Name, name) {
			return col
		}
	}
	return nil
}

// rowidColumn returns a SQLite table's INTEGER PRIMARY KEY column, the
// rowid: SQLite reports it nullable unless declared NOT NULL, yet it never
// holds NULL (inserting one assigns the next id).
func (c *comparer) rowidColumn(t *schema.Table) *schema.Column {
	if c.dialect != dsn.SQLite || t.PrimaryKey == nil || len(t.PrimaryKey.Parts) != 1 || t.PrimaryKey.Parts[0].C == nil {
		return nil
	}
	col := t.PrimaryKey.Parts[0].C
	if it, ok := col.Type.Type.(*schema.IntegerType); ok && strings.EqualFold(it.T, "integer") {
		return col
	}
	return nil
}

// normalizedColumn is the desired column in the to copy: where it means
// what the database's column means, it takes the database's spelling
// (type, default), so that the differ sees no change.
func (c *comparer) normalizedColumn(lt *schema.Table, lc *schema.Column, dc *dColumn) *schema.Column {
	if lc == nil {
		col := c.atlasColumn(dc)
		col.Attrs = nil
		return col
	}
	out := &schema.Column{Name: lc.Name, Type: &schema.ColumnType{}}
	if dc.bun == nil {
		// Only its existence is compared.
		out.Type.Type, out.Type.Null, out.Default = cloneType(lc.Type.Type), lc.Type.Null, lc.Default
		return out
	}
	out.Type.Null = !dc.bun.NotNull
	dt, err := c.parseType(dc.bun.Type)
	switch {
	case err != nil:
		c.note("column %s.%s: the model's type %q is not one Atlas knows (%v); its type is not compared", lt.Name, lc.Name, dc.bun.Type, err)
		out.Type.Type = cloneType(lc.Type.Type)
	case describeType(c.dialect, dt).canon == describeType(c.dialect, lc.Type.Type).canon,
		c.dialect == dsn.SQLite && dc.bun.JSON && sqliteHoldsJSON(dt) && sqliteHoldsJSON(lc.Type.Type):
		out.Type.Type = cloneType(lc.Type.Type)
	default:
		out.Type.Type = dt
	}
	class := describeType(c.dialect, lc.Type.Type).class
	if canonDefault(dc.bun.Default, class) == canonDefault(defaultText(lc.Default), class) {
		out.Default = lc.Default
	} else if dc.bun.Default != "" {
		out.Default = atlasDefault(dc.bun.Default)
	}
	return out
}

// generation compares whether the database generates a column's values
// with whether the model asks it to (autoincrement, identity). Atlas sees
// this only through dialect attributes the normalized copies leave out,
// so it is compared here, and reported as a default: it is what fills
// the column when Bun sends DEFAULT.
func (c *comparer) generation(dt *dTable, lt *schema.Table, lc *schema.Column, dc *dColumn) {
	want, have := c.generates(dc), liveGenerates(lc)
	if want == have || dc.bun == nil {
		return
	}
	f := c.columnFinding(ColumnDefault, dt, lt, lc.Name, dc)
	if want {
		f.Severity = "error"
		if c.dialect == dsn.SQLite {
			// An INTEGER PRIMARY KEY is the rowid: SQLite fills it
			// anyway, AUTOINCREMENT only stops reuse of deleted ids.
			f.Severity = "warning"
		}
		f.Message = fmt.Sprintf("column %s.%s is not generated by the database (no identity or auto-increment); %s.%s asks for %s, and Bun sends DEFAULT for its zero value",
			lt.Name, lc.Name, dt.modelName(), dc.bun.Field, strings.TrimSpace(generationWord(dc)))
	} else {
		f.Severity = "info"
		f.Message = fmt.Sprintf("column %s.%s is generated by the database; %s.%s does not say autoincrement or identity (Bun sends the field's value)",
			lt.Name, lc.Name, dt.modelName(), dc.bun.Field)
		f.Fix = fmt.Sprintf("add autoincrement (or identity) to the bun tag of %s.%s if the database should number the rows", dt.modelName(), dc.bun.Field)
	}
	f.repair = func() string {
		fix := c.cloneTable(lt)
		to := columnOf(dsn.Postgres, fix, lc.Name)
		from := cloneColumn(to)
		to.Attrs = removeGeneration(to.Attrs)
		if want {
			to.Attrs = append(to.Attrs, c.generationAttr())
		}
		if _, ok := to.Type.Type.(*postgres.SerialType); ok && !want {
			to.Type.Type = &schema.IntegerType{T: "bigint"}
		}
		sqlText := c.planOn(lt, fix, true, &schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.ModifyColumn{From: from, To: to, Change: schema.ChangeAttr}}})
		if strings.HasPrefix(sqlText, "--") && want && c.dialect == dsn.Postgres {
			// Atlas alters identities but does not add one.
			sqlText = c.handSQL(func() string {
				return "ALTER TABLE " + c.qualified(lt.Name) + " ALTER COLUMN " + quoteIdent(c.dialect, lc.Name) + " ADD GENERATED BY DEFAULT AS IDENTITY;"
			}, c.fixSchema.Name, lt.Name, lc.Name)
		}
		return sqlText
	}
	c.findings = append(c.findings, f)
}

func generationWord(dc *dColumn) string {
	if dc.bun.Sequence != "" {
		return dc.bun.Sequence
	}
	return dc.bun.Type
}

func removeGeneration(attrs []schema.Attr) []schema.Attr {
	var out []schema.Attr
	for _, a := range attrs {
		switch a.(type) {
		case *postgres.Identity, *mysql.AutoIncrement, *sqlite.AutoIncrement:
			continue
		}
		out = append(out, a)
	}
	return out
}

// qualified quotes a table name for hand-written repair SQL, escaped for
// the dialect.
func (c *comparer) qualified(table string) string {
	if c.fixSchema.Name != "" {
		return quoteIdent(c.dialect, c.fixSchema.Name) + "." + quoteIdent(c.dialect, table)
	}
	return quoteIdent(c.dialect, table)
}

// handSQL returns the hand-written statement write makes, or a refusal
// when one of the names it quotes is unprintable.
func (c *comparer) handSQL(write func() string, names ...string) string {
	for _, name := range names {
		if unprintable(name) {
			return refusedPrefix + "the name " + strconv.Quote(name) + " contains control or invisible characters; rename it first"
		}
	}
	return write()
}

// primaryKey writes both primary keys; the desired one takes the
// database's name when it has the same columns.
func (c *comparer) primaryKey(lt *schema.Table, dt *dTable, from, to *schema.Table) {
	var liveCols []string
	if lt.PrimaryKey != nil {
		from.PrimaryKey = &schema.Index{Name: lt.PrimaryKey.Name, Table: from}
		for i, p := range lt.PrimaryKey.Parts {
			name := ""
			if p.C != nil {
				name = p.C.Name
			}
			liveCols = append(liveCols, name)
			from.PrimaryKey.Parts = append(from.PrimaryKey.Parts, &schema.IndexPart{SeqNo: i, C: columnOf(c.dialect, from, name)})
		}
	}
	if len(dt.pk) > 0 {
		to.PrimaryKey = &schema.Index{Table: to}
		if sameList(c.dialect, liveCols, dt.pk) {
			to.PrimaryKey.Name = from.PrimaryKey.Name
		}
		for i, name := range dt.pk {
			to.PrimaryKey.Parts = append(to.PrimaryKey.Parts, &schema.IndexPart{SeqNo: i, C: columnOf(c.dialect, to, name)})
		}
	}
}

// liveIndex is an inspected index reduced to what is compared.
type liveIndex struct {
	ix     *schema.Index
	parts  []IndexPart
	where  string
	method string
}

func (c *comparer) describeLiveIndex(ix *schema.Index) liveIndex {
	li := liveIndex{ix: ix, method: "btree"}
	for _, p := range ix.Parts {
		part := IndexPart{Desc: p.Desc}
		switch {
		case p.C != nil:
			part.Column = p.C.Name
		case p.X != nil:
			part.Expr = defaultText(p.X)
		}
		li.parts = append(li.parts, part)
	}
	for _, a := range ix.Attrs {
		switch a := a.(type) {
		case *postgres.IndexPredicate:
			li.where = a.P
		case *sqlite.IndexPredicate:
			li.where = a.P
		case *postgres.IndexType:
			li.method = canonMethod(a.T)
		case *mysql.IndexType:
			li.method = canonMethod(a.T)
		}
	}
	return li
}

// sameIndex reports whether an inspected index is what a desired one
// declares: same parts (columns, expressions, order), uniqueness,
// predicate and method. Names are not compared: the database names what
// the declaration leaves unnamed.
func (c *comparer) sameIndex(li liveIndex, ix *dIndex) bool {
	if li.ix.Unique != ix.unique || len(li.parts) != len(ix.parts) ||
		canonExpr(li.where) != canonExpr(ix.where) || li.method != canonMethod(ix.using) {
		return false
	}
	for i, p := range ix.parts {
		lp := li.parts[i]
		if p.Desc != lp.Desc {
			return false
		}
		switch {
		case p.Column != "" && lp.Column != "":
			if !sameIdent(c.dialect, p.Column, lp.Column) {
				return false
			}
		case p.Column == "" && lp.Column == "":
			if canonExpr(p.Expr) != canonExpr(lp.Expr) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// normalizedIndex writes an index in the form both copies share: parts,
// uniqueness, canonical predicate and method; nothing else.
func (c *comparer) normalizedIndex(name string, unique bool, parts []IndexPart, where, method string, t *schema.Table) *schema.Index {
	if c.dialect == dsn.SQLite {
		// Atlas's SQLite differ renames indexes called
		// sqlite_autoindex_* on the desired side only (the names SQLite
		// gives UNIQUE constraints cannot be created), and then reports
		// identical constraints as changed (Atlas issue #1597). The
		// copies use a name it leaves alone.
		if rest, ok := strings.CutPrefix(name, "sqlite_autoindex_"); ok {
			name = "drift_autoindex_" + rest
		}
	}
	out := &schema.Index{Name: name, Unique: unique, Table: t}
	for i, p := range parts {
		part := &schema.IndexPart{SeqNo: i, Desc: p.Desc}
		if p.Column != "" {
			// Only the name matters to the differ; the key form
			// makes MySQL's and SQLite's case-insensitive names equal.
			part.C = &schema.Column{Name: c.key(p.Column)}
		} else {
			part.X = &schema.RawExpr{X: canonExpr(p.Expr)}
		}
		out.Parts = append(out.Parts, part)
	}
	switch c.dialect {
	case dsn.Postgres:
		out.Attrs = append(out.Attrs, &postgres.IndexType{T: canonMethod(method)})
		if w := canonExpr(where); w != "" {
			out.Attrs = append(out.Attrs, &postgres.IndexPredicate{P: w})
		}
	case dsn.MySQL:
		out.Attrs = append(out.Attrs, &mysql.IndexType{T: canonMethod(method)})
	case dsn.SQLite:
		if w := canonExpr(where); w != "" {
			out.Attrs = append(out.Attrs, &sqlite.IndexPredicate{P: w})
		}
	}
	return out
}

// indexes pairs desired and inspected indexes, by name first, then by
// definition (an unnamed unique constraint is <table>_<column>_key on
// PostgreSQL, the column's name on MySQL, sqlite_autoindex_<table>_N on
// SQLite), and writes them to the copies under the database's name.
// MySQL's implicit indexes backing a foreign key are left out.
func (c *comparer) indexes(lt *schema.Table, dt *dTable, from, to *schema.Table) {
	lives := make([]liveIndex, len(lt.Indexes))
	for i, ix := range lt.Indexes {
		lives[i] = c.describeLiveIndex(ix)
	}
	paired := make([]int, len(dt.indexes)) // desired index → live index + 1
	used := map[int]bool{}
	for i, ix := range dt.indexes {
		if ix.name == "" {
			continue
		}
		for j, li := range lives {
			if !used[j] && sameIdent(c.dialect, li.ix.Name, ix.name) {
				paired[i], used[j] = j+1, true
				break
			}
		}
	}
	for i, ix := range dt.indexes {
		if paired[i] != 0 {
			continue
		}
		for j, li := range lives {
			if !used[j] && c.sameIndex(li, ix) {
				paired[i], used[j] = j+1, true
				break
			}
		}
	}
	// A declared index a removed unique tag or directive made is no
	// longer wanted, though the migration that created it declares it.
	dropped := make([]bool, len(dt.indexes))
	for i, ix := range dt.indexes {
		if paired[i] != 0 && !ix.fromModel && !ix.directive && c.removedIndex(dt, lt, lives[paired[i]-1]) {
			used[paired[i]-1], paired[i], dropped[i] = false, 0, true
		}
	}
	compare := c.opts.Declared != nil
	for j, li := range lives {
		if used[j] {
			continue
		}
		if c.pkStandIn(lt, dt, li) {
			// Reported with the missing primary key, whose repair
			// replaces it: one cause, one finding.
			if c.pkStandIns == nil {
				c.pkStandIns = map[*schema.Table]*schema.Index{}
			}
			c.pkStandIns[lt] = li.ix
			continue
		}
		if !compare && !c.removedIndex(dt, lt, li) {
			// Without declarations, the database's indexes are not
			// compared: only the models' unique constraints are.
			continue
		}
		if c.implicitFKIndex(lt, li) {
			continue
		}
		fi := c.normalizedIndex(li.ix.Name, li.ix.Unique, li.parts, li.where, li.method, from)
		c.meta[fi] = &pairMeta{table: dt, live: lt, lix: li.ix}
		from.Indexes = append(from.Indexes, fi)
	}
	for i, ix := range dt.indexes {
		if dropped[i] {
			continue
		}
		if paired[i] == 0 && ix.unique && ix.where == "" && ix.using == "" && sameIdentSet(c.dialect, ix.columns(), dt.pk) {
			// `pk,unique`, or UNIQUE (id) next to PRIMARY KEY in a
			// migration's CREATE TABLE: PostgreSQL and SQLite fold a
			// UNIQUE on the primary key's columns into the key
			// (MariaDB keeps it, and it pairs above). The key already
			// makes the columns unique: nothing is missing.
			continue
		}
		if paired[i] == 0 {
			ti := c.normalizedIndex(c.indexName(lt.Name, ix), ix.unique, ix.parts, ix.where, ix.using, to)
			c.meta[ti] = &pairMeta{table: dt, live: lt, ix: ix}
			to.Indexes = append(to.Indexes, ti)
			continue
		}
		li := lives[paired[i]-1]
		fi := c.normalizedIndex(li.ix.Name, li.ix.Unique, li.parts, li.where, li.method, from)
		var ti *schema.Index
		if c.sameIndex(li, ix) {
			ti = c.normalizedIndex(li.ix.Name, li.ix.Unique, li.parts, li.where, li.method, to)
		} else {
			ti = c.normalizedIndex(li.ix.Name, ix.unique, ix.parts, ix.where, ix.using, to)
		}
		m := &pairMeta{table: dt, live: lt, ix: ix, lix: li.ix}
		c.meta[fi], c.meta[ti] = m, m
		from.Indexes = append(from.Indexes, fi)
		to.Indexes = append(to.Indexes, ti)
	}
}

// pkStandIn reports whether li is a UNIQUE constraint named like a
// primary key (<table>_pkey) on the model's key columns, on a table that
// has no primary key: what is left when a key was recreated as a plain
// unique constraint.
func (c *comparer) pkStandIn(lt *schema.Table, dt *dTable, li liveIndex) bool {
	if lt.PrimaryKey != nil || len(dt.pk) == 0 || !li.ix.Unique || li.where != "" ||
		!strings.HasSuffix(strings.ToLower(li.ix.Name), "_pkey") || c.pkStandIns[lt] != nil {
		return false
	}
	cols := make([]string, len(li.parts))
	for i, p := range li.parts {
		if p.Column == "" {
			return false
		}
		cols[i] = p.Column
	}
	return sameIdentSet(c.dialect, cols, dt.pk)
}

// implicitFKIndex reports an index MySQL created by itself for a foreign
// key that had no index to use: not unique, on exactly the key's columns,
// named after the constraint or its first column.
func (c *comparer) implicitFKIndex(lt *schema.Table, li liveIndex) bool {
	if c.dialect != dsn.MySQL || li.ix.Unique {
		return false
	}
	for _, fk := range lt.ForeignKeys {
		if len(fk.Columns) != len(li.parts) {
			continue
		}
		same := true
		for i, col := range fk.Columns {
			if !strings.EqualFold(col.Name, li.parts[i].Column) {
				same = false
			}
		}
		if same && (strings.EqualFold(li.ix.Name, fk.Symbol) || strings.EqualFold(li.ix.Name, fk.Columns[0].Name)) {
			return true
		}
	}
	return false
}

// liveFK is an inspected foreign key reduced to what is compared.
type liveFK struct {
	fk                 *schema.ForeignKey
	columns, refCols   []string
	refTable           string
	onDelete, onUpdate string
}

func (c *comparer) describeLiveFK(fk *schema.ForeignKey) liveFK {
	l := liveFK{fk: fk, onDelete: canonAction(c.dialect, fk.OnDelete), onUpdate: canonAction(c.dialect, fk.OnUpdate)}
	for _, col := range fk.Columns {
		l.columns = append(l.columns, col.Name)
	}
	for _, col := range fk.RefColumns {
		l.refCols = append(l.refCols, col.Name)
	}
	if fk.RefTable != nil {
		l.refTable = fk.RefTable.Name
	}
	return l
}

// sameFK reports whether an inspected key is the desired one, and
// whether it at least joins the same columns to the same table.
func (c *comparer) sameFK(l liveFK, fk *dFK) (same, target bool) {
	if !sameList(c.dialect, l.columns, fk.columns) {
		return false, false
	}
	target = sameIdent(c.dialect, l.refTable, fk.refTable) && sameList(c.dialect, l.refCols, c.refColumns(fk))
	same = target && l.onDelete == canonAction(c.dialect, schema.ReferenceOption(fk.onDelete)) &&
		l.onUpdate == canonAction(c.dialect, schema.ReferenceOption(fk.onUpdate))
	return same, target
}

func (c *comparer) normalizedFK(symbol string, columns []string, refTable string, refCols []string, onDelete, onUpdate string, t *schema.Table) *schema.ForeignKey {
	if c.dialect == dsn.SQLite && strings.Trim(symbol, "0123456789") == "" {
		// SQLite's keys are numbered, and Atlas's SQLite differ
		// renames numbered keys to whatever desired key looks alike,
		// which would hide a changed ON DELETE. The copies name them.
		symbol = "drift_fk_" + symbol
	}
	out := &schema.ForeignKey{Symbol: symbol, Table: t, RefTable: &schema.Table{Name: c.key(refTable)},
		OnDelete: schema.ReferenceOption(canonAction(c.dialect, schema.ReferenceOption(onDelete))),
		OnUpdate: schema.ReferenceOption(canonAction(c.dialect, schema.ReferenceOption(onUpdate)))}
	for _, col := range columns {
		out.Columns = append(out.Columns, &schema.Column{Name: c.key(col)})
	}
	for _, col := range refCols {
		out.RefColumns = append(out.RefColumns, &schema.Column{Name: c.key(col)})
	}
	return out
}

// foreignKeys pairs desired and inspected foreign keys: by name, then by
// columns and target, then by columns alone (a key that points elsewhere
// is a different key, not a missing one and an extra one).
func (c *comparer) foreignKeys(lt *schema.Table, dt *dTable, from, to *schema.Table) {
	lives := make([]liveFK, len(lt.ForeignKeys))
	for i, fk := range lt.ForeignKeys {
		lives[i] = c.describeLiveFK(fk)
	}
	paired := make([]int, len(dt.fks))
	used := map[int]bool{}
	match := func(ok func(l liveFK, fk *dFK) bool) {
		for i, fk := range dt.fks {
			if paired[i] != 0 {
				continue
			}
			for j, l := range lives {
				if !used[j] && ok(l, fk) {
					paired[i], used[j] = j+1, true
					break
				}
			}
		}
	}
	match(func(l liveFK, fk *dFK) bool { return fk.name != "" && sameIdent(c.dialect, l.fk.Symbol, fk.name) })
	match(func(l liveFK, fk *dFK) bool { _, target := c.sameFK(l, fk); return target })
	match(func(l liveFK, fk *dFK) bool { return sameList(c.dialect, l.columns, fk.columns) })
	// A declared key a removed relation made is no longer wanted.
	dropped := make([]bool, len(dt.fks))
	for i, fk := range dt.fks {
		if paired[i] != 0 && fk.relation == "" && c.removedFK(dt, lt, lives[paired[i]-1]) {
			used[paired[i]-1], paired[i], dropped[i] = false, 0, true
		}
	}
	compare := c.opts.Declared != nil
	for j, l := range lives {
		if used[j] || !compare && !c.removedFK(dt, lt, l) {
			continue
		}
		ff := c.normalizedFK(l.fk.Symbol, l.columns, l.refTable, l.refCols, l.onDelete, l.onUpdate, from)
		c.meta[ff] = &pairMeta{table: dt, live: lt, lfk: l.fk}
		from.ForeignKeys = append(from.ForeignKeys, ff)
	}
	for i, fk := range dt.fks {
		if dropped[i] {
			continue
		}
		if paired[i] == 0 {
			tf := c.normalizedFK(c.fkName(lt.Name, fk), fk.columns, fk.refTable, c.refColumns(fk), fk.onDelete, fk.onUpdate, to)
			c.meta[tf] = &pairMeta{table: dt, live: lt, fk: fk}
			to.ForeignKeys = append(to.ForeignKeys, tf)
			continue
		}
		l := lives[paired[i]-1]
		ff := c.normalizedFK(l.fk.Symbol, l.columns, l.refTable, l.refCols, l.onDelete, l.onUpdate, from)
		tf := c.normalizedFK(l.fk.Symbol, fk.columns, fk.refTable, c.refColumns(fk), fk.onDelete, fk.onUpdate, to)
		if same, _ := c.sameFK(l, fk); same {
			tf = c.normalizedFK(l.fk.Symbol, l.columns, l.refTable, l.refCols, l.onDelete, l.onUpdate, to)
		}
		m := &pairMeta{table: dt, live: lt, fk: fk, lfk: l.fk}
		c.meta[ff], c.meta[tf] = m, m
		from.ForeignKeys = append(from.ForeignKeys, ff)
		to.ForeignKeys = append(to.ForeignKeys, tf)
	}
}

// atlasFor returns Atlas's differ and planner for the dialect, used
// without a connection: the normalized copies leave the differ nothing
// to ask the database, and planning only writes SQL.
func atlasFor(dialect string) (schema.Differ, migrate.PlanApplier) {
	switch dialect {
	case dsn.Postgres:
		return postgres.DefaultDiff, postgres.DefaultPlan
	case dsn.MySQL:
		return mysql.DefaultDiff, mysql.DefaultPlan
	}
	return sqlite.DefaultDiff, sqlite.DefaultPlan
}

// diff runs Atlas's differ on the copies (the database as from, the
// models as to) and classifies what it reports.
func (c *comparer) diff() error {
	differ, _ := atlasFor(c.dialect)
	changes, err := differ.SchemaDiff(c.from, c.to)
	if err != nil {
		return errorf("atlas diff: %v", err)
	}
	for _, ch := range changes {
		c.classify(ch)
	}
	return nil
}
