package declared

import (
	"fmt"
	"slices"
	"strings"
)

// state is the schema of one dialect while the up migrations are replayed
// in order, as they would run on an empty database. It records the
// statements that could not do what they say at their place.
type state struct {
	d         Dialect
	tables    []*Table
	problems  []*Problem
	migration string
}

func newState(d Dialect) *state { return &state{d: d} }

func (s *state) table(name string) *Table {
	for _, t := range s.tables {
		if s.d.EqualIdent(t.Name, name) {
			return t
		}
	}
	return nil
}

// column returns the index of the column named name in t, or -1.
func (s *state) column(t *Table, name string) int {
	return slices.IndexFunc(t.Columns, func(col *Column) bool { return s.d.EqualIdent(col.Name, name) })
}

// columnOf finds the table and column c.Name that c changes; when either
// is missing it records a problem (not for a missing column when quiet,
// as with IF EXISTS) and returns nil.
func (s *state) columnOf(c *Change, what string, quiet bool) (*Table, int) {
	t := s.tableFor(c, what+" "+c.Name)
	if t == nil {
		return nil, -1
	}
	i := s.column(t, c.Name)
	if i < 0 {
		if !quiet {
			s.problem(c, t.Name, c.Name, "%s %s: table %s has no column %s at this point", what, c.Name, t.Name, c.Name)
		}
		return nil, -1
	}
	return t, i
}

func (s *state) problem(c *Change, table, column, format string, args ...any) {
	if c.Maybe {
		// It may not have run, or failed as its code expects: it
		// simply does not apply here.
		return
	}
	s.problems = append(s.problems, &Problem{Migration: s.migration, Message: fmt.Sprintf(format, args...),
		Table: table, Column: column, at: c.at})
}

// findIndex finds an index or named constraint: on table when the dialect
// scopes index names to tables (MySQL) and the table is given, else on any
// table (PostgreSQL and SQLite index names are schema-wide).
func (s *state) findIndex(name, table string) (*Table, int) {
	// A name the migrations gave wins over one the database made up.
	for _, implicit := range []bool{false, true} {
		for _, t := range s.tables {
			if s.d == MySQL && table != "" && !s.d.EqualIdent(t.Name, table) {
				continue
			}
			for i, ix := range t.Indexes {
				if (ix.Name != "") != implicit && s.indexNamed(t, ix, name) {
					return t, i
				}
			}
		}
	}
	return nil, -1
}

// apply replays one change.
func (s *state) apply(c *Change) {
	switch c.Kind {
	case CreateTable:
		s.createTable(c)
	case DropTable:
		i := slices.IndexFunc(s.tables, func(t *Table) bool { return s.d.EqualIdent(t.Name, c.Table) })
		if i < 0 {
			if !c.IfExists {
				s.problem(c, c.Table, "", "DROP TABLE %s: no table %s exists at this point", c.Table, c.Table)
			}
			return
		}
		s.tables = slices.Delete(s.tables, i, i+1)
	case CreateIndex:
		s.createIndex(c)
	case DropIndex:
		if s.d == MySQL && c.Table == "" {
			s.problem(c, "", "", "DROP INDEX %s without ON <table>: MySQL rejects it (Bun's DropIndex cannot write ON; use DROP INDEX %s ON <table> as SQL)", c.Name, c.Name)
			return
		}
		t, i := s.findIndex(c.Name, c.Table)
		if t == nil {
			if !c.IfExists {
				s.problem(c, c.Table, "", "DROP INDEX %s: no index %s exists at this point", c.Name, c.Name)
			}
			return
		}
		t.Indexes = slices.Delete(t.Indexes, i, i+1)
	case AddColumn:
		t := s.tableFor(c, "ADD COLUMN "+c.Column.Name)
		if t == nil {
			return
		}
		if t.Column(c.Column.Name, s.d) != nil {
			if !c.IfNotExists {
				s.problem(c, t.Name, c.Column.Name, "ADD COLUMN %s: %s already has a column %s", c.Column.Name, t.Name, c.Column.Name)
			}
			return
		}
		col := *c.Column
		t.Columns = append(t.Columns, &col)
	case DropColumn:
		s.dropColumn(c)
	case AlterColumn:
		s.alterColumn(c)
	case AddForeignKey:
		t := s.tableFor(c, "ADD FOREIGN KEY")
		if t == nil {
			return
		}
		fk := *c.ForeignKey
		fk.Table = t.Name
		fk.Columns, fk.RefColumns = slices.Clone(fk.Columns), slices.Clone(fk.RefColumns)
		s.checkFK(c, t, &fk, true)
		t.ForeignKeys = append(t.ForeignKeys, &fk)
	case AddPrimaryKey:
		t := s.tableFor(c, "ADD PRIMARY KEY")
		if t == nil {
			return
		}
		s.checkColumns(c, t, c.PrimaryKey, "PRIMARY KEY")
		t.PrimaryKey = slices.Clone(c.PrimaryKey)
	case DropConstraint:
		s.dropConstraint(c)
	case RenameTable:
		s.renameTable(c)
	case RenameColumn:
		s.renameColumn(c)
	case RenameIndex:
		t, i := s.findIndex(c.Name, c.Table)
		if t == nil {
			if !c.IfExists {
				s.problem(c, c.Table, "", "RENAME INDEX %s: no index %s exists at this point", c.Name, c.Name)
			}
			return
		}
		ix := *t.Indexes[i]
		ix.Name = c.NewName
		t.Indexes[i] = &ix
	}
}

// tableFor returns the table c alters, recording a problem when it does
// not exist.
func (s *state) tableFor(c *Change, what string) *Table {
	t := s.table(c.Table)
	if t == nil {
		s.problem(c, c.Table, "", "%s on table %s, which does not exist at this point", what, c.Table)
	}
	return t
}

func (s *state) createTable(c *Change) {
	if old := s.table(c.Table); old != nil {
		if !c.IfNotExists {
			s.problem(c, c.Table, "", "CREATE TABLE %s: the table is created twice", c.Table)
		}
		return
	}
	t := cloneTable(c.Create)
	for _, ix := range t.Indexes {
		s.checkColumns(c, t, ix.Columns(), "index "+ix.Describe())
	}
	s.checkColumns(c, t, t.PrimaryKey, "PRIMARY KEY")
	s.tables = append(s.tables, t)
	for _, fk := range t.ForeignKeys {
		// SQLite accepts a reference to a table created later; the
		// others need it to exist.
		s.checkFK(c, t, fk, s.d != SQLite)
	}
}

func (s *state) createIndex(c *Change) {
	t := s.tableFor(c, "index "+c.Index.Describe())
	if t == nil {
		return
	}
	if c.Index.Name != "" {
		if other, _ := s.findIndex(c.Index.Name, t.Name); other != nil {
			if !c.IfNotExists {
				s.problem(c, t.Name, "", "index %s is created twice", c.Index.Name)
			}
			return
		}
	}
	s.checkColumns(c, t, c.Index.Columns(), "index "+c.Index.Describe())
	ix := *c.Index
	ix.Table = t.Name
	ix.Parts = slices.Clone(ix.Parts)
	t.Indexes = append(t.Indexes, &ix)
}

// checkColumns records a problem for each named column t lacks; "" (an
// expression part) is skipped.
func (s *state) checkColumns(c *Change, t *Table, cols []string, what string) {
	for _, col := range cols {
		if col != "" && t.Column(col, s.d) == nil {
			s.problem(c, t.Name, col, "%s names column %s, which table %s does not have", what, col, t.Name)
		}
	}
}

// checkFK checks a foreign key's columns and, when now is set, that the
// referenced table and columns exist at this point.
func (s *state) checkFK(c *Change, t *Table, fk *ForeignKey, now bool) {
	s.checkColumns(c, t, fk.Columns, "foreign key")
	if !now {
		return
	}
	ref := s.table(fk.RefTable)
	if ref == nil {
		s.problem(c, fk.RefTable, "", "foreign key (%s) references table %s, which does not exist at this point", join(fk.Columns), fk.RefTable)
		return
	}
	s.checkColumns(c, ref, fk.RefColumns, fmt.Sprintf("foreign key (%s) of %s", join(fk.Columns), t.Name))
}

// finish checks what can only be checked once every migration ran:
// SQLite's foreign keys to tables created later.
func (s *state) finish() {
	if s.d != SQLite {
		return
	}
	for _, t := range s.tables {
		for _, fk := range t.ForeignKeys {
			s.checkFK(fk.change, t, fk, true)
		}
	}
}

func (s *state) dropColumn(c *Change) {
	t, i := s.columnOf(c, "DROP COLUMN", c.IfExists)
	if t == nil {
		return
	}
	if t.Columns[i].Origin == FromModel {
		t.DroppedColumns = append(t.DroppedColumns, t.Columns[i].Name)
	}
	t.Columns = slices.Delete(t.Columns, i, i+1)
	has := func(cols []string) bool {
		return slices.ContainsFunc(cols, func(x string) bool { return s.d.EqualIdent(x, c.Name) })
	}
	// PostgreSQL and SQLite drop the indexes and constraints on the
	// column with it (SQLite refuses when one exists); MySQL removes the
	// column from its indexes and drops an index left empty.
	var kept []*Index
	for _, ix := range t.Indexes {
		if !has(ix.Columns()) && !has(ix.Include) {
			kept = append(kept, ix)
			continue
		}
		if s.d == SQLite {
			s.problem(c, t.Name, c.Name, "DROP COLUMN %s: SQLite refuses to drop a column that index %s uses", c.Name, ix.Describe())
		}
		if s.d != MySQL {
			continue
		}
		shrunk := *ix
		shrunk.Parts = slices.DeleteFunc(slices.Clone(ix.Parts), func(p IndexPart) bool { return s.d.EqualIdent(p.Column, c.Name) })
		if len(shrunk.Parts) > 0 {
			kept = append(kept, &shrunk)
		}
	}
	t.Indexes = kept
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(fk *ForeignKey) bool { return has(fk.Columns) })
	// PostgreSQL drops a primary key with any of its columns; MySQL takes
	// the column out of it.
	if s.d != MySQL && has(t.PrimaryKey) {
		t.PrimaryKey = nil
	}
	t.PrimaryKey = slices.DeleteFunc(t.PrimaryKey, func(x string) bool { return s.d.EqualIdent(x, c.Name) })
}

func (s *state) alterColumn(c *Change) {
	t, i := s.columnOf(c, "ALTER COLUMN", false)
	if t == nil {
		return
	}
	col := *t.Columns[i]
	switch c.alter {
	case "SET NOT NULL":
		col.NotNull = true
	case "DROP NOT NULL":
		col.NotNull = false
	case "SET DEFAULT":
		col.Default = c.Column.Default
	case "DROP DEFAULT":
		col.Default = ""
	case "TYPE":
		col.Type = c.Column.Type
	case "DEFINITION":
		def := *c.Column
		def.Field, def.Origin = col.Field, col.Origin
		if def.Origin == FromModel && !s.d.EqualIdent(def.Name, col.Name) {
			t.DroppedColumns = append(t.DroppedColumns, col.Name)
			def.Origin, def.Field = FromAdded, ""
		}
		col = def
	}
	t.Columns[i] = &col
}

func (s *state) dropConstraint(c *Change) {
	t := s.tableFor(c, "DROP CONSTRAINT "+c.Name)
	if t == nil {
		return
	}
	if c.Name == "PRIMARY KEY" {
		t.PrimaryKey = nil
		return
	}
	if s.d == PG && s.d.EqualIdent(c.Name, pgObjectName(t.Name, "", "pkey")) {
		t.PrimaryKey = nil
		return
	}
	// A name the migrations gave wins over one the database made up
	// (UNIQUE (zone_id) is aws_az_zone_id_key on PostgreSQL).
	for _, implicit := range []bool{false, true} {
		if i := slices.IndexFunc(t.Indexes, func(ix *Index) bool { return (ix.Name != "") != implicit && s.indexNamed(t, ix, c.Name) }); i >= 0 {
			t.Indexes = slices.Delete(t.Indexes, i, i+1)
			return
		}
		if i := slices.IndexFunc(t.ForeignKeys, func(fk *ForeignKey) bool { return (fk.Name != "") != implicit && s.fkNamed(t, fk, c.Name) }); i >= 0 {
			t.ForeignKeys = slices.Delete(t.ForeignKeys, i, i+1)
			return
		}
	}
	// A CHECK constraint, or a name neither the migrations nor the
	// database's naming rule gives: not tracked, so its absence proves
	// nothing.
}

func (s *state) renameTable(c *Change) {
	t := s.tableFor(c, "RENAME TO "+c.NewName)
	if t == nil {
		return
	}
	if other := s.table(c.NewName); other != nil && other != t {
		s.problem(c, c.NewName, "", "RENAME TO %s: a table %s exists already", c.NewName, c.NewName)
		return
	}
	old := t.Name
	t.Name = c.NewName
	for _, ix := range t.Indexes {
		ix.Table = c.NewName
	}
	for _, other := range s.tables {
		for _, fk := range other.ForeignKeys {
			if fk.Table == old {
				fk.Table = c.NewName
			}
			if s.d.EqualIdent(fk.RefTable, old) {
				fk.RefTable = c.NewName
			}
		}
	}
}

func (s *state) renameColumn(c *Change) {
	t, i := s.columnOf(c, "RENAME COLUMN", false)
	if t == nil {
		return
	}
	col := *t.Columns[i]
	if col.Origin == FromModel {
		t.DroppedColumns = append(t.DroppedColumns, col.Name)
		col.Origin, col.Field = FromAdded, ""
	}
	col.Name = c.NewName
	t.Columns[i] = &col
	rename := func(x string) string {
		if s.d.EqualIdent(x, c.Name) {
			return c.NewName
		}
		return x
	}
	for _, ix := range t.Indexes {
		for j := range ix.Parts {
			ix.Parts[j].Column = rename(ix.Parts[j].Column)
		}
	}
	for j := range t.PrimaryKey {
		t.PrimaryKey[j] = rename(t.PrimaryKey[j])
	}
	for _, other := range s.tables {
		for _, fk := range other.ForeignKeys {
			if other == t {
				for j := range fk.Columns {
					fk.Columns[j] = rename(fk.Columns[j])
				}
			}
			if s.d.EqualIdent(fk.RefTable, t.Name) {
				for j := range fk.RefColumns {
					fk.RefColumns[j] = rename(fk.RefColumns[j])
				}
			}
		}
	}
}

// cloneTable copies a table deeply enough that replaying changes on the
// copy leaves the change's own description as declared.
func cloneTable(t *Table) *Table {
	c := *t
	c.Columns = make([]*Column, len(t.Columns))
	for i, col := range t.Columns {
		cc := *col
		c.Columns[i] = &cc
	}
	c.PrimaryKey = slices.Clone(t.PrimaryKey)
	c.DroppedColumns = slices.Clone(t.DroppedColumns)
	c.Indexes = make([]*Index, len(t.Indexes))
	for i, ix := range t.Indexes {
		cc := *ix
		cc.Parts = slices.Clone(ix.Parts)
		c.Indexes[i] = &cc
	}
	c.ForeignKeys = make([]*ForeignKey, len(t.ForeignKeys))
	for i, fk := range t.ForeignKeys {
		cc := *fk
		cc.Columns, cc.RefColumns = slices.Clone(fk.Columns), slices.Clone(fk.RefColumns)
		c.ForeignKeys[i] = &cc
	}
	return &c
}

func join(xs []string) string { return strings.Join(xs, ", ") }
