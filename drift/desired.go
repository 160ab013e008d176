package drift

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/drift/bunview"
)

// Position is a place in a source file: a model, a field, a migration
// statement. File is as the loader gave it (schemalint drift makes it
// relative to the working directory); Line and Column count from 1.
type Position struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// IsValid reports whether the position names a file.
func (p Position) IsValid() bool { return p.File != "" }

func (p Position) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Sources tells where the models are declared, so that findings point at
// the Go model and field. It is keyed by the model's import path and type
// name, as bunview.Table.Model spells it.
type Sources struct {
	Models map[string]*ModelSource `json:"models"`
}

// ModelSource is where one model and its fields are declared.
type ModelSource struct {
	// Package is the model's import path; Name its type name.
	Package string   `json:"package"`
	Name    string   `json:"name"`
	Pos     Position `json:"pos"`
	// Columns maps each column to the field declaring it (which may sit
	// in an embedded struct of another file or package).
	Columns map[string]Position `json:"columns,omitempty"`
	// Fields maps Go field names (relations included) to their places.
	Fields map[string]Position `json:"fields,omitempty"`
}

func (s *Sources) model(name string) *ModelSource {
	if s == nil || s.Models == nil {
		return nil
	}
	return s.Models[name]
}

// Declared is what migrations (or //schemalint:index directives) declare
// beyond the models' own tags: secondary indexes, foreign keys, columns
// that no model field writes (MySQL's not_deleted), and tables that no
// model maps to. FromDeclared builds it from package declared's static
// extraction; a test may fill it by hand.
type Declared struct {
	Tables []*DeclaredTable `json:"tables"`
	// Notes are what the extraction could not follow: the desired schema
	// may lack what that code does at run time.
	Notes []string `json:"notes,omitempty"`
	// Unseen lists the places ("file:line: what") whose code or SQL the
	// extraction could not read, where statements may hide: while it is
	// not empty, an object in the database that the migrations do not
	// declare may still come from them, so drift does not claim it does
	// not (one note says so instead).
	Unseen []string `json:"unseen,omitempty"`
	// Source is "migrations" when a migrations package declares the
	// schema (with the models' directives added), "directives" when only
	// models' //schemalint:index directives do.
	Source string `json:"source,omitempty"`
}

// DeclaredTable is one table as the migrations leave it.
type DeclaredTable struct {
	Name string `json:"name"`
	// HasModel reports that a model maps to the table; a table without
	// one is known (never reported as unknown), its columns unchecked.
	HasModel bool `json:"has_model,omitempty"`
	// Columns are columns no model field maps to.
	Columns     []DeclaredColumn `json:"columns,omitempty"`
	Indexes     []DeclaredIndex  `json:"indexes,omitempty"`
	ForeignKeys []DeclaredFK     `json:"foreign_keys,omitempty"`
	Pos         Position         `json:"pos"`
}

// DeclaredColumn is a column a migration adds that no model field maps
// to. Only its existence is compared: Bun never reads or writes it.
type DeclaredColumn struct {
	Name      string   `json:"name"`
	Type      string   `json:"type,omitempty"`
	NotNull   bool     `json:"not_null,omitempty"`
	Default   string   `json:"default,omitempty"`
	Generated string   `json:"generated,omitempty"`
	Pos       Position `json:"pos"`
}

// DeclaredIndex is a secondary index or unique constraint.
type DeclaredIndex struct {
	// Name is "" when the database names it.
	Name   string      `json:"name,omitempty"`
	Parts  []IndexPart `json:"parts"`
	Unique bool        `json:"unique,omitempty"`
	// Where is the partial index's predicate, as written.
	Where string `json:"where,omitempty"`
	// Using is the index method ("gin"), "" for the default.
	Using string `json:"using,omitempty"`
	// Directive reports an index a model's //schemalint:index directive
	// declares: the model is where it comes from (and goes, when the
	// directive is removed). Migrated reports that a migration creates an
	// index of its name too (the one migrate new wrote for it, say).
	Directive bool     `json:"directive,omitempty"`
	Migrated  bool     `json:"migrated,omitempty"`
	Pos       Position `json:"pos"`
}

// IndexPart is a column or an expression of an index.
type IndexPart struct {
	Column string `json:"column,omitempty"`
	Expr   string `json:"expr,omitempty"`
	Desc   bool   `json:"desc,omitempty"`
}

// DeclaredFK is a foreign-key constraint.
type DeclaredFK struct {
	// Name is "" when the database names it.
	Name     string   `json:"name,omitempty"`
	Columns  []string `json:"columns"`
	RefTable string   `json:"ref_table"`
	// RefColumns is empty for the referenced table's primary key.
	RefColumns []string `json:"ref_columns,omitempty"`
	// OnDelete and OnUpdate are "CASCADE", "SET NULL", ... or "" (NO
	// ACTION).
	OnDelete string   `json:"on_delete,omitempty"`
	OnUpdate string   `json:"on_update,omitempty"`
	Pos      Position `json:"pos"`
}

// dTable is a desired table: a model's table, possibly completed by what
// the migrations declare, or a table only the migrations create.
type dTable struct {
	name    string
	model   *bunview.Table // nil for a table only migrations create
	src     *ModelSource
	decl    *DeclaredTable // nil when the migrations say nothing of it
	columns []*dColumn
	pk      []string
	indexes []*dIndex
	fks     []*dFK
}

// dColumn is a desired column.
type dColumn struct {
	name string
	// bun is the model's column; nil for one only a migration adds
	// (decl), whose existence alone is compared.
	bun  *bunview.Column
	decl *DeclaredColumn
	pos  Position
}

// dIndex is a desired index: a unique constraint of the model's tags
// (fromModel) or a declared index, by a migration or by a model's
// //schemalint:index directive (directive).
type dIndex struct {
	name      string
	parts     []IndexPart
	unique    bool
	where     string
	using     string
	fromModel bool
	directive bool
	migrated  bool
	pos       Position
}

func (ix *dIndex) columns() []string {
	out := make([]string, len(ix.parts))
	for i, p := range ix.parts {
		out[i] = p.Column
		if p.Column == "" {
			out[i] = p.Expr
		}
	}
	return out
}

// describe spells the index for messages: "(environment_id, email) WHERE
// deleted_at IS NULL".
func (ix *dIndex) describe() string {
	parts := make([]string, len(ix.parts))
	for i, p := range ix.parts {
		parts[i] = p.Column
		if p.Column == "" {
			parts[i] = p.Expr
		}
		if p.Desc {
			parts[i] += " DESC"
		}
	}
	s := "(" + strings.Join(parts, ", ") + ")"
	if ix.where != "" {
		s += " WHERE " + strings.TrimSpace(ix.where)
	}
	return s
}

// dFK is a desired foreign key, declared or derived from a relation.
type dFK struct {
	name       string
	columns    []string
	refTable   string
	refColumns []string
	onDelete   string
	onUpdate   string
	// relation is the relation's Go field for a key derived from it.
	relation string
	pos      Position
}

// desiredTables merges the models' tables with what the migrations
// declare.
func (c *comparer) desiredTables(view *bunview.View) []*dTable {
	var out []*dTable
	byName := map[string]*dTable{}
	key := func(name string) string {
		if c.dialect == "pg" {
			return name
		}
		return strings.ToLower(name)
	}
	for _, mt := range view.Tables {
		if mt.Schema != "" && mt.Schema != c.schemaName {
			c.note("model %s maps to table %s.%s, outside the schema inspected; run drift again with --schema %s to compare it",
				shortModel(mt.Model), mt.Schema, mt.Name, mt.Schema)
			continue
		}
		if _, dup := byName[key(mt.Name)]; dup {
			c.note("models %s and %s both map to table %s; comparing the first", shortModel(byName[key(mt.Name)].model.Model), shortModel(mt.Model), mt.Name)
			continue
		}
		t := &dTable{name: mt.Name, model: mt, src: c.opts.Sources.model(mt.Model), pk: mt.PrimaryKey}
		for _, col := range mt.Columns {
			dc := &dColumn{name: col.Name, bun: col}
			if t.src != nil {
				dc.pos = t.src.Columns[col.Name]
			}
			t.columns = append(t.columns, dc)
		}
		for _, u := range mt.Unique {
			ix := &dIndex{name: u.Name, unique: true, fromModel: true}
			for _, col := range u.Columns {
				ix.parts = append(ix.parts, IndexPart{Column: col})
			}
			if t.src != nil && len(u.Columns) > 0 {
				ix.pos = t.src.Columns[u.Columns[0]]
			}
			t.indexes = append(t.indexes, ix)
		}
		if c.opts.RelationFKs {
			for i := range mt.References {
				ref := &mt.References[i]
				fk := &dFK{columns: ref.Columns, refTable: ref.RefTable, refColumns: ref.RefColumns,
					onDelete: ref.OnDelete, onUpdate: ref.OnUpdate, relation: ref.Relation}
				if t.src != nil {
					fk.pos = t.src.Fields[ref.Relation]
				}
				t.fks = append(t.fks, fk)
			}
		}
		byName[key(mt.Name)] = t
		out = append(out, t)
	}
	if c.opts.Declared == nil {
		return out
	}
	for _, dt := range c.opts.Declared.Tables {
		t := byName[key(dt.Name)]
		if t == nil {
			if dt.HasModel {
				// The model is one the command did not load (another
				// package): its table is compared as migration-only.
				c.note("migrations create table %s from a model that is not among the models compared", dt.Name)
			}
			t = &dTable{name: dt.Name}
			byName[key(dt.Name)] = t
			out = append(out, t)
		}
		t.decl = dt
		for i := range dt.Columns {
			dcl := &dt.Columns[i]
			if t.column(c.dialect, dcl.Name) != nil {
				continue
			}
			t.columns = append(t.columns, &dColumn{name: dcl.Name, decl: dcl, pos: dcl.Pos})
		}
	declaredIndex:
		for i := range dt.Indexes {
			di := &dt.Indexes[i]
			ix := &dIndex{name: di.Name, parts: di.Parts, unique: di.Unique, where: di.Where, using: di.Using,
				directive: di.Directive, migrated: di.Migrated, pos: di.Pos}
			// A UNIQUE the migration writes on the columns a unique tag
			// names is the same constraint, not a second one.
			for _, have := range t.indexes {
				if have.fromModel && ix.unique && ix.where == "" && ix.using == "" && sameParts(c.dialect, have.parts, ix.parts) {
					if have.name == "" {
						have.name = ix.name
					}
					continue declaredIndex
				}
			}
			t.indexes = append(t.indexes, ix)
		}
	declaredFK:
		for i := range dt.ForeignKeys {
			df := &dt.ForeignKeys[i]
			fk := &dFK{name: df.Name, columns: df.Columns, refTable: df.RefTable, refColumns: df.RefColumns,
				onDelete: df.OnDelete, onUpdate: df.OnUpdate, pos: df.Pos}
			// A declared key replaces one derived from a relation on the
			// same columns: the migration says how it really is.
			for i, have := range t.fks {
				if have.relation != "" && sameList(c.dialect, have.columns, fk.columns) {
					t.fks[i] = fk
					continue declaredFK
				}
			}
			t.fks = append(t.fks, fk)
		}
	}
	return out
}

func (t *dTable) column(dialect, name string) *dColumn {
	for _, c := range t.columns {
		if sameIdent(dialect, c.name, name) {
			return c
		}
	}
	return nil
}

// modelName is the Go model's short name ("User"), "" for a table only
// migrations create.
func (t *dTable) modelName() string {
	if t.model == nil {
		return ""
	}
	return shortModel(t.model.Model)
}

// shortModel turns "example.com/app/schema.User" into "User".
func shortModel(m string) string {
	if i := strings.LastIndexByte(m, '.'); i >= 0 {
		return m[i+1:]
	}
	return m
}

func sameParts(dialect string, a, b []IndexPart) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Desc != b[i].Desc || a[i].Expr != b[i].Expr || !sameIdent(dialect, a[i].Column, b[i].Column) {
			return false
		}
	}
	return true
}

// sameIdentSet reports whether a and b name the same columns, in any
// order.
func sameIdentSet(dialect string, a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y string) bool { return sameIdent(dialect, x, y) }) {
			return false
		}
	}
	return true
}

func sameList(dialect string, a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameIdent(dialect, a[i], b[i]) {
			return false
		}
	}
	return true
}
