package declared

import (
	"strconv"
	"strings"
)

// The names a database gives the indexes and constraints a migration
// leaves unnamed (UNIQUE (zone_id) in CREATE TABLE), so that a later
// statement dropping them by that name (DROP CONSTRAINT aws_az_zone_id_key,
// as real migrations do) is understood instead of leaving a constraint
// the database no longer has.

// pgMaxIdent is PostgreSQL's NAMEDATALEN - 1.
const pgMaxIdent = 63

// pgObjectName is PostgreSQL's makeObjectName: name1_name2_label, with
// the longer of name1 and name2 cut until the whole fits in 63 bytes.
func pgObjectName(name1, name2, label string) string {
	over := len(label) + 1
	if name2 != "" {
		over++
	}
	n1, n2 := len(name1), len(name2)
	for n1+n2 > pgMaxIdent-over {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	name := name1[:n1]
	if name2 != "" {
		name += "_" + name2[:n2]
	}
	return name + "_" + label
}

// implicitIndexName is the name the dialect gives the unnamed index ix of
// t, "" when it cannot be known. PostgreSQL names a UNIQUE constraint
// <table>_<columns>_key and an index <table>_<columns>_idx (its
// ChooseRelationName, without the numeric suffix it adds on a clash);
// MySQL names an index after its first column, with _2, _3... when that
// name is taken.
func (s *state) implicitIndexName(t *Table, ix *Index) string {
	cols := ix.Columns()
	if len(cols) == 0 || ix.Name != "" {
		return ""
	}
	switch s.d {
	case PG:
		label := "idx"
		if ix.Constraint {
			label = "key"
		}
		return pgObjectName(t.Name, strings.Join(cols, "_"), label)
	case MySQL:
		taken := func(name string) bool {
			for _, other := range t.Indexes {
				if other != ix && other.Name != "" && s.d.EqualIdent(other.Name, name) {
					return true
				}
			}
			return false
		}
		// The unnamed indexes before ix took the first free names.
		name, n := cols[0], 1
		for _, other := range t.Indexes {
			if other == ix {
				break
			}
			if other.Name == "" && len(other.Columns()) > 0 && s.d.EqualIdent(other.Columns()[0], cols[0]) {
				n++
			}
		}
		for k := 1; ; k++ {
			cand := name
			if k > 1 {
				cand = name + "_" + strconv.Itoa(k)
			}
			if taken(cand) {
				continue
			}
			if n--; n == 0 {
				return cand
			}
		}
	}
	return ""
}

// implicitFKName is the name the dialect gives the unnamed foreign key fk
// of t: PostgreSQL's <table>_<columns>_fkey, MySQL's <table>_ibfk_<n>
// (numbered in the order the unnamed keys were added).
func (s *state) implicitFKName(t *Table, fk *ForeignKey) string {
	if fk.Name != "" {
		return ""
	}
	switch s.d {
	case PG:
		return pgObjectName(t.Name, strings.Join(fk.Columns, "_"), "fkey")
	case MySQL:
		n := 0
		for _, other := range t.ForeignKeys {
			if other.Name == "" {
				n++
			}
			if other == fk {
				return t.Name + "_ibfk_" + strconv.Itoa(n)
			}
		}
	}
	return ""
}

// indexNamed reports whether ix of t is called name, by its own name or
// the one the database gave it.
func (s *state) indexNamed(t *Table, ix *Index, name string) bool {
	if ix.Name != "" {
		return s.d.EqualIdent(ix.Name, name)
	}
	implicit := s.implicitIndexName(t, ix)
	return implicit != "" && s.d.EqualIdent(implicit, name)
}

// fkNamed is indexNamed for foreign keys.
func (s *state) fkNamed(t *Table, fk *ForeignKey, name string) bool {
	if fk.Name != "" {
		return s.d.EqualIdent(fk.Name, name)
	}
	implicit := s.implicitFKName(t, fk)
	return implicit != "" && s.d.EqualIdent(implicit, name)
}
