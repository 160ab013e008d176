package drift

import (
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/dsn"
)

// This file finds what was removed from the models: a table, a relation's
// foreign key, or the index of a unique tag or of a //schemalint:index
// directive, that the committed snapshot records
// as the models' (Options.Modelled), that no model makes now, and that the
// migrations still create. Without the record it could not be told from a
// hand-made object the migrations create, which stays.

// ModelObjects lists the objects of s (a migrated schema, as live.Inspect
// returns it) that the models of view make, under the database's names,
// for a snapshot's model lines: the tables a model maps to, the keys of
// the models' relations when opts.RelationFKs makes them, and the indexes
// of the models' unique tags and of their //schemalint:index directives
// (opts.Declared's directive indexes). Excluded and ignored tables are
// left out.
func ModelObjects(dialect string, view *bunview.View, s *schema.Schema, opts Options) snapshot.Models {
	var out snapshot.Models
	if view == nil || s == nil {
		return out
	}
	schemaName := s.Name
	for _, mt := range view.Tables {
		if mt.Schema != "" && mt.Schema != schemaName || ignoredTable(mt.Name) || excluded(opts.Exclude, mt.Name) {
			continue
		}
		lt := tableNamed(dialect, s, mt.Name)
		if lt == nil {
			continue
		}
		out.Tables = append(out.Tables, lt.Name)
		if opts.RelationFKs {
			for i := range mt.References {
				ref := &mt.References[i]
				for _, fk := range lt.ForeignKeys {
					if cols := columnNames(fk.Columns); sameList(dialect, cols, ref.Columns) && fk.RefTable != nil && sameIdent(dialect, fk.RefTable.Name, ref.RefTable) {
						out.ForeignKeys = append(out.ForeignKeys, snapshot.ModelFK{Table: lt.Name, Columns: cols, RefTable: fk.RefTable.Name})
						break
					}
				}
			}
		}
		for _, u := range mt.Unique {
			for _, ix := range lt.Indexes {
				if ix.Unique && (u.Name != "" && sameIdent(dialect, ix.Name, u.Name) || sameList(dialect, partColumns(ix), u.Columns)) {
					out.Indexes = append(out.Indexes, snapshot.ModelIndex{Table: lt.Name, Name: ix.Name})
					break
				}
			}
		}
	}
	if opts.Declared == nil {
		return out
	}
	for _, dt := range opts.Declared.Tables {
		if ignoredTable(dt.Name) || excluded(opts.Exclude, dt.Name) {
			continue
		}
		lt := tableNamed(dialect, s, dt.Name)
		if lt == nil {
			continue
		}
		for _, dix := range dt.Indexes {
			if !dix.Directive {
				continue
			}
			if j := slices.IndexFunc(lt.Indexes, func(ix *schema.Index) bool { return sameIdent(dialect, ix.Name, dix.Name) }); j >= 0 {
				out.Indexes = append(out.Indexes, snapshot.ModelIndex{Table: lt.Name, Name: lt.Indexes[j].Name})
			}
		}
	}
	return out
}

// tableNamed is s's table of that name, as the dialect compares names.
func tableNamed(dialect string, s *schema.Schema, name string) *schema.Table {
	if i := slices.IndexFunc(s.Tables, func(t *schema.Table) bool { return sameIdent(dialect, t.Name, name) }); i >= 0 {
		return s.Tables[i]
	}
	return nil
}

func columnNames(cols []*schema.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// partColumns is the columns of an index, "" for an expression.
func partColumns(ix *schema.Index) []string {
	out := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.C != nil {
			out[i] = p.C.Name
		}
	}
	return out
}

// removedTable reports whether a table no loaded model maps to was a
// model's when the snapshot was written. A table the migrations create
// from a model that was not loaded (another package) is still a model's.
func (c *comparer) removedTable(dt *dTable, name string) bool {
	if c.opts.Modelled == nil || dt != nil && (dt.model != nil || dt.decl != nil && dt.decl.HasModel) {
		return false
	}
	return slices.ContainsFunc(c.opts.Modelled.Tables, func(t string) bool { return sameIdent(c.dialect, t, name) })
}

// removedFK reports whether a key of a model's table was made by a
// relation the model no longer has.
func (c *comparer) removedFK(dt *dTable, lt *schema.Table, l liveFK) bool {
	if c.opts.Modelled == nil || dt == nil || dt.model == nil {
		return false
	}
	if slices.ContainsFunc(dt.model.References, func(r bunview.Reference) bool { return sameList(c.dialect, r.Columns, l.columns) }) {
		return false
	}
	return slices.ContainsFunc(c.opts.Modelled.ForeignKeys, func(m snapshot.ModelFK) bool {
		return sameIdent(c.dialect, m.Table, lt.Name) && sameList(c.dialect, m.Columns, l.columns) && sameIdent(c.dialect, m.RefTable, l.refTable)
	})
}

// removedIndex reports whether an index of a model's table was made by a
// unique tag or an index directive the model no longer has. (A directive
// it still has declares the index, which then pairs with it.)
func (c *comparer) removedIndex(dt *dTable, lt *schema.Table, li liveIndex) bool {
	if c.opts.Modelled == nil || dt == nil || dt.model == nil {
		return false
	}
	cols := partColumns(li.ix)
	if slices.ContainsFunc(dt.model.Unique, func(u bunview.Unique) bool { return sameIdentSet(c.dialect, u.Columns, cols) }) {
		return false
	}
	return slices.ContainsFunc(c.opts.Modelled.Indexes, func(m snapshot.ModelIndex) bool {
		return sameIdent(c.dialect, m.Table, lt.Name) && sameIdent(c.dialect, m.Name, li.ix.Name)
	})
}

// dropIndexChanges are the changes dropping ix. SQLite cannot drop the
// index of a UNIQUE constraint (sqlite_autoindex_*) but with its table:
// for a removed unique tag, a change Atlas cannot make in place has its
// planner rebuild the table without it.
func (c *comparer) dropIndexChanges(removed bool, ix *schema.Index) []schema.Change {
	changes := []schema.Change{&schema.DropIndex{I: ix}}
	if removed && c.dialect == dsn.SQLite && strings.HasPrefix(ix.Name, "sqlite_autoindex_") {
		changes = append(changes, &schema.ModifyAttr{From: &schema.Comment{}, To: &schema.Comment{}})
	}
	return changes
}

// removedFix is the fix of every removal finding.
const removedFix = "write the migration dropping it (schemalint migrate new NAME; a table needs --allow-destructive), or, to keep it without a model, run schemalint migrate snapshot again"

// tableRemoved reports a table whose model is gone.
func (c *comparer) tableRemoved(lt *schema.Table) {
	f := c.tableFinding(TableExtra, nil, lt.Name)
	f.Severity, f.Removed = config.Warning, true
	f.Message = fmt.Sprintf("table %s is in the snapshot as a model's table, but no model maps to it now and no migration drops it", lt.Name)
	f.Fix = removedFix
	f.SQL, f.Destructive = c.plan(&schema.DropTable{T: c.cloneTable(lt)}), true
	for _, fk := range lt.ForeignKeys {
		if fk.RefTable != nil {
			f.refs = append(f.refs, fk.RefTable.Name)
		}
	}
	c.findings = append(c.findings, f)
}

// removed words a finding on a foreign key or index the models made and
// no longer make;
// dropping either loses no data, so it is not destructive.
func (f *Finding) removed(what, madeBy string) {
	f.Severity, f.Removed, f.Destructive = config.Warning, true, false
	f.Message = fmt.Sprintf("%s is in the snapshot as made by %s, but no model makes it now and no migration drops it", what, madeBy)
	f.Fix = removedFix
}

// orderRemovedDrops puts the drops of removed tables after every other
// repair (the keys to them dropped first), a table after the removed
// tables that reference it.
func orderRemovedDrops(fs []Finding) {
	base := 0
	dropped := map[string][]string{} // removed table → the removed tables referencing it
	for i := range fs {
		base = max(base, fs[i].seq+1)
		if fs[i].Removed && fs[i].Kind == TableExtra {
			dropped[fs[i].Table] = nil
		}
	}
	if len(dropped) == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		if _, ok := dropped[f.Table]; !ok || !f.Removed || f.Kind != TableExtra {
			continue
		}
		for _, r := range f.refs {
			if _, ok := dropped[r]; ok && r != f.Table && !slices.Contains(dropped[r], f.Table) {
				dropped[r] = append(dropped[r], f.Table)
			}
		}
	}
	rank := map[string]int{}
	var visit func(t string, path []string) int
	visit = func(t string, path []string) int {
		if r, ok := rank[t]; ok {
			return r
		}
		r := 0
		for _, by := range dropped[t] {
			if !slices.Contains(path, by) { // a cycle is cut where it closes
				r = max(r, visit(by, append(path, t))+1)
			}
		}
		rank[t] = r
		return r
	}
	for i := range fs {
		if f := &fs[i]; f.Removed && f.Kind == TableExtra {
			f.seq = base + visit(f.Table, nil)
		}
	}
}

// describeRemovedFK names a key for the removal message.
func describeRemovedFK(lt *schema.Table, l liveFK) string {
	return fmt.Sprintf("foreign key %s(%s) on %s referencing %s", symbolPrefix(l.fk.Symbol), strings.Join(l.columns, ", "), lt.Name, l.refTable)
}
