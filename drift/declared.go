package drift

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/internal/dsn"
)

// FromDeclared returns what the migrations (or //schemalint:index
// directives) of s declare on dialect, beyond the models' own tags:
// indexes, foreign keys, columns no model field maps to, and tables no
// model maps to. Positions are made relative to dir. Notes carry what the
// extraction could not follow on that dialect, and the statements that
// would fail when the migrations run in order.
func FromDeclared(s *declared.Schema, dialect, dir string) *Declared {
	out := &Declared{Tables: []*DeclaredTable{}}
	if s == nil {
		return out
	}
	out.Source = s.Source
	pos := func(p declared.Position) Position {
		file := p.File
		if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
			file = filepath.ToSlash(r)
		}
		return Position{File: file, Line: p.Line, Column: p.Column}
	}
	d := declared.Dialect(dialect)
	// The same note at many places (a CREATE VIEW in each of 80
	// migrations) is one line naming the first place and the count.
	var order []string
	same := map[string][]Position{}
	for _, n := range s.Notes {
		if !slices.Contains(n.Dialects, d) {
			continue
		}
		if n.Unseen {
			// Summed up in one note by the comparison, with what it
			// could not judge.
			out.Unseen = append(out.Unseen, fmt.Sprintf("%s: %s", pos(n.Pos), n.Message))
			continue
		}
		if same[n.Message] == nil {
			order = append(order, n.Message)
		}
		same[n.Message] = append(same[n.Message], pos(n.Pos))
	}
	for _, msg := range order {
		at := same[msg]
		more := ""
		switch len(at) {
		case 1:
		case 2:
			more = fmt.Sprintf(" (and at %s)", at[1])
		default:
			more = fmt.Sprintf(" (and at %d more places)", len(at)-1)
		}
		out.Notes = append(out.Notes, fmt.Sprintf("%s: the migrations may do more than drift knows: %s%s", at[0], msg, more))
	}
	ds := s.For(d)
	if ds == nil {
		return out
	}
	for _, p := range ds.Problems {
		out.Notes = append(out.Notes, fmt.Sprintf("%s: migration %s: %s", pos(p.Pos), p.Migration, p.Message))
	}
	for _, t := range ds.Tables {
		dt := &DeclaredTable{Name: t.Name, HasModel: t.Model != nil, Pos: pos(t.Pos)}
		for _, c := range t.Columns {
			if dt.HasModel && c.Origin == declared.FromModel {
				continue // the model says what these are
			}
			dt.Columns = append(dt.Columns, DeclaredColumn{Name: c.Name, Type: c.Type, NotNull: c.NotNull,
				Default: c.Default, Generated: c.Generated, Pos: pos(c.Pos)})
		}
		for _, ix := range t.Indexes {
			if ix.Source == declared.SourceModel {
				continue // the model's unique tags, which Bun's view carries
			}
			di := DeclaredIndex{Name: ix.Name, Unique: ix.Unique, Where: ix.Where, Using: ix.Using,
				Directive: ix.Source == declared.SourceDirective, Pos: pos(ix.Pos)}
			if ix.Type != "" {
				di.Using = strings.ToLower(ix.Type) // MySQL's FULLTEXT and SPATIAL
			}
			for _, p := range ix.Parts {
				di.Parts = append(di.Parts, IndexPart{Column: p.Column, Expr: p.Expr, Desc: p.Desc})
			}
			dt.Indexes = append(dt.Indexes, di)
		}
		for _, fk := range t.ForeignKeys {
			dt.ForeignKeys = append(dt.ForeignKeys, DeclaredFK{Name: fk.Name, Columns: fk.Columns, RefTable: fk.RefTable,
				RefColumns: fk.RefColumns, OnDelete: fk.OnDelete, OnUpdate: fk.OnUpdate, Pos: pos(fk.Pos)})
		}
		out.Tables = append(out.Tables, dt)
	}
	return out
}

// FromDeclaredWith is FromDeclared of s (the migrations package's
// schema) with the //schemalint:index directives of the models packages'
// schemas added: the models are where a project declares what Bun's tags
// cannot, migrations or not, so an index a model gains is drift until a
// migration creates it.
//
// A directive naming an index the migrations create on the same table
// is that index: when both say the same, it is one index (marked as the
// directive's); when they differ, the directive wins, as a model's field
// wins over the column a migration made, and drift reports the index as
// different until a migration changes it. A directive naming an index
// the migrations create on another table (index names are the schema's on
// PostgreSQL and SQLite) cannot be created: drift keeps the migration's,
// with a note.
func FromDeclaredWith(s *declared.Schema, models []*declared.Schema, dialect, dir string) *Declared {
	out := FromDeclared(s, dialect, dir)
	for _, m := range models {
		out.addDirectives(FromDeclared(m, dialect, dir), dialect)
	}
	return out
}

// addDirectives adds the directive indexes of from (a models package's
// declarations) to d, with from's notes.
func (d *Declared) addDirectives(from *Declared, dialect string) {
	for _, n := range from.Notes {
		// A models package's notes are about its directives, not about
		// what migrations do.
		n = strings.Replace(n, ": the migrations may do more than drift knows: ", ": a model's index directive is not followed: ", 1)
		if !slices.Contains(d.Notes, n) {
			d.Notes = append(d.Notes, n)
		}
	}
	for _, ft := range from.Tables {
		for _, ix := range ft.Indexes {
			if !ix.Directive {
				continue
			}
			ht, have := d.index(dialect, ft.Name, ix.Name)
			switch {
			case have != nil && !sameIdent(dialect, ht.Name, ft.Name):
				d.Notes = append(d.Notes, fmt.Sprintf("%s: //schemalint:index %s on %s names the index the migrations create on %s (%s): drift compares that one; rename the directive's",
					ix.Pos, ix.Name, ft.Name, ht.Name, have.Pos))
			case have != nil:
				migrated := have.Migrated || !have.Directive
				*have = ix
				have.Migrated = migrated
			default:
				t := d.table(dialect, ft.Name)
				if t == nil {
					// A model no migration creates a table for yet: the
					// table is missing too, and created with its indexes.
					t = &DeclaredTable{Name: ft.Name, Pos: ft.Pos}
					d.Tables = append(d.Tables, t)
				}
				t.HasModel = true
				t.Indexes = append(t.Indexes, ix)
			}
		}
	}
}

// table returns the declared table called name, or nil.
func (d *Declared) table(dialect, name string) *DeclaredTable {
	for _, t := range d.Tables {
		if sameIdent(dialect, t.Name, name) {
			return t
		}
	}
	return nil
}

// index returns the declared index called name and its table, or nils:
// on the table on MySQL, where index names are the table's, else on any
// table.
func (d *Declared) index(dialect, table, name string) (*DeclaredTable, *DeclaredIndex) {
	if name == "" {
		return nil, nil
	}
	for _, t := range d.Tables {
		if dialect == dsn.MySQL && !sameIdent(dialect, t.Name, table) {
			continue
		}
		for i := range t.Indexes {
			if sameIdent(dialect, t.Indexes[i].Name, name) {
				return t, &t.Indexes[i]
			}
		}
	}
	return nil, nil
}
