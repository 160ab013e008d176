package drift

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/declared"
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
			di := DeclaredIndex{Name: ix.Name, Unique: ix.Unique, Where: ix.Where, Using: ix.Using, Pos: pos(ix.Pos)}
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
