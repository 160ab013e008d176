package indexes

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

//go:embed doc.go
var doc string

var requires = []*analysis.Analyzer{declared.Analyzer}

// FKIndex is SL200.
var FKIndex = &lint.Rule{
	ID:       "SL200",
	Name:     "fk-index",
	Doc:      lint.PackageDoc(doc, "SL200"),
	Summary:  "every foreign-key column is the first column of some index",
	Severity: config.Warning,
	Options:  func() any { return &FKIndexOptions{MySQLImplicit: true} },
	Requires: requires,
	Run:      runFKIndex,
}

// SoftDeleteUnique is SL201.
var SoftDeleteUnique = &lint.Rule{
	ID:       "SL201",
	Name:     "soft-delete-unique",
	Doc:      lint.PackageDoc(doc, "SL201"),
	Summary:  "a unique index on a soft-deleted table ignores deleted rows",
	Severity: config.Error,
	Options:  func() any { return &SoftDeleteUniqueOptions{Tags: true} },
	Requires: requires,
	Run:      runSoftDeleteUnique,
}

// RedundantIndex is SL202.
var RedundantIndex = &lint.Rule{
	ID:       "SL202",
	Name:     "redundant-index",
	Doc:      lint.PackageDoc(doc, "SL202"),
	Summary:  "no index is a prefix of another index of its table with the same predicate",
	Severity: config.Warning,
	Requires: requires,
	Run:      runRedundant,
}

// IndexTarget is SL203.
var IndexTarget = &lint.Rule{
	ID:       "SL203",
	Name:     "index-target",
	Doc:      lint.PackageDoc(doc, "SL203"),
	Summary:  "migration statements and index directives name tables and columns that exist",
	Severity: config.Error,
	Options:  func() any { return &IndexTargetOptions{Notes: true} },
	Requires: requires,
	Run:      runTarget,
}

// UnmigratedModel is SL204.
var UnmigratedModel = &lint.Rule{
	ID:       "SL204",
	Name:     "unmigrated-model",
	Doc:      lint.PackageDoc(doc, "SL204"),
	Summary:  "the migrations create every model's table, and every table they create has a model",
	Severity: config.Error,
	Options:  func() any { return &UnmigratedOptions{TablesWithoutModel: true} },
	Requires: requires,
	Run:      runUnmigrated,
}

// MigrationDown is SL205.
var MigrationDown = &lint.Rule{
	ID:       "SL205",
	Name:     "migration-down",
	Doc:      lint.PackageDoc(doc, "SL205"),
	Summary:  "a down migration drops every table and index its up migration creates",
	Severity: config.Warning,
	Options:  func() any { return &MigrationDownOptions{RequireDown: true} },
	Requires: requires,
	Run:      runDown,
}

// Rules are the index rules, in ID order.
var Rules = []*lint.Rule{FKIndex, SoftDeleteUnique, RedundantIndex, IndexTarget, UnmigratedModel, MigrationDown}

// view is what a rule sees of a package: the declared schema and the
// configured dialects.
type view struct {
	p   *lint.Pass
	res *declared.Result
	s   *declared.Schema
	// dialects are the configured dialects the schema has.
	dialects []declared.Dialect
}

// newView returns the package's view, or nil when it declares no schema.
func newView(p *lint.Pass) *view {
	res := p.ResultOf[declared.Analyzer].(*declared.Result)
	if res.Schema == nil {
		return nil
	}
	v := &view{p: p, res: res, s: res.Schema}
	for _, d := range p.Config.Dialects() {
		v.dialects = append(v.dialects, declared.Dialect(d))
	}
	return v
}

func (v *view) migrations() bool { return v.s.Source == "migrations" }

// unseen returns, per dialect, the first note on code or SQL that may hide
// statements there: no rule may claim on that dialect that something the
// migrations could make is missing.
func (v *view) unseen() map[declared.Dialect]*declared.Note {
	out := map[declared.Dialect]*declared.Note{}
	for _, n := range v.s.Notes {
		if !n.Unseen {
			continue
		}
		for _, d := range n.Dialects {
			if out[d] == nil {
				out[d] = n
			}
		}
	}
	return out
}

// on says where a finding holds: "" when on every configured dialect,
// else " on PostgreSQL and SQLite".
func (v *view) on(ds []declared.Dialect) string {
	if len(ds) == len(v.dialects) {
		return ""
	}
	return " on " + titles(ds)
}

func titles(ds []declared.Dialect) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Title()
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// model returns the model a table comes from.
func (v *view) model(t *declared.Table) *declared.Model { return v.res.Model(t.Model) }

// fieldName is "schema.User.Email": where a model column is declared, in
// words that stay true when lines move (findings are fingerprinted by
// their message).
func fieldName(m *declared.Model, f *bunmodel.Field) string {
	return m.Obj.Pkg().Name() + "." + m.Obj.Name() + "." + strings.Join(f.FieldPath(), ".")
}

// fieldRelated points at the declaration of a model's column.
func fieldRelated(m *declared.Model, f *bunmodel.Field) []analysis.RelatedInformation {
	if f == nil || f.Var == nil || !f.Var.Pos().IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: f.Var.Pos(), Message: fieldName(m, f) + " is declared here"}}
}

// modelName is "schema.User".
func modelName(m *declared.Model) string { return m.Obj.Pkg().Name() + "." + m.Obj.Name() }

// modelOf returns the model name of a table for findings, "" without one.
func modelOf(t *declared.Table) string {
	if t.Model == nil {
		return ""
	}
	return t.Model.Name
}

// group collects one finding per key over the dialects it holds on.
type group struct {
	keys []string
	m    map[string]*entry
}

type entry struct {
	ds []declared.Dialect
	// data is what the rule needs to finish the finding.
	data any
}

// add records that the finding keyed key holds on d; mk makes it the
// first time.
func (g *group) add(key string, d declared.Dialect, mk func() *entry) {
	if g.m == nil {
		g.m = map[string]*entry{}
	}
	e := g.m[key]
	if e == nil {
		e = mk()
		g.m[key] = e
		g.keys = append(g.keys, key)
	}
	if !slices.Contains(e.ds, d) {
		e.ds = append(e.ds, d)
	}
}

// each visits the entries in the order first added.
func (g *group) each(fn func(*entry)) {
	for _, k := range g.keys {
		fn(g.m[k])
	}
}

// span returns an element's range as a finding's.
func span(s interface{ Span() (token.Pos, token.Pos) }) (token.Pos, token.Pos) {
	pos, end := s.Span()
	if end < pos {
		end = pos
	}
	return pos, end
}

// where is the range a finding on an element goes to: the element when it
// stands in this package (a Go file or a SQL migration file of its
// directory), else the statement that created its table (an index
// directive or unique tag of a model of another package), else the
// migrations' registry.
func (v *view) where(elem, t interface{ Span() (token.Pos, token.Pos) }) (token.Pos, token.Pos) {
	for _, s := range []interface{ Span() (token.Pos, token.Pos) }{elem, t} {
		if pos, end := span(s); v.inPackage(pos) {
			return pos, end
		}
	}
	return v.s.RegistrySpan()
}

// inPackage reports whether pos lies in a file of the package's directory.
func (v *view) inPackage(pos token.Pos) bool {
	if !pos.IsValid() || len(v.p.Files) == 0 {
		return false
	}
	tf := v.p.Fset.File(pos)
	first := v.p.Fset.File(v.p.Files[0].Pos())
	return tf != nil && first != nil && filepath.Dir(tf.Name()) == filepath.Dir(first.Name())
}

// partKey is how two index parts are compared: the column (compared as
// the dialect compares names) or the expression text, with the order and
// prefix length.
func partKey(d declared.Dialect, p declared.IndexPart) string {
	s := p.Expr
	if p.Column != "" {
		s = "c:" + p.Column
		if d != declared.PG {
			s = strings.ToLower(s)
		}
	}
	if p.Desc {
		s += " desc"
	}
	if p.PrefixLen > 0 {
		s += fmt.Sprintf("(%d)", p.PrefixLen)
	}
	return s
}

// normPredicate normalises a predicate for comparison: no outer
// parentheses, no quotes around names, single spaces, lower case.
func normPredicate(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.NewReplacer(`"`, "", "`", "", "( ", "(", " )", ")").Replace(s)
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && balanced(s[1:len(s)-1]) {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// balanced reports whether parentheses in s pair up, so that stripping an
// outer pair around it is safe: "(a) AND (b)" is not one parenthesised
// expression.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// conjuncts splits a normalised predicate at its top-level ANDs, each
// normalised.
func conjuncts(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 && strings.HasPrefix(s[i:], " and ") {
			out = append(out, normPredicate(s[start:i]))
			start = i + len(" and ")
		}
	}
	return append(out, normPredicate(s[start:]))
}

// excludesDeleted reports whether a predicate keeps only rows whose
// soft-delete column is NULL: one of its top-level conjuncts is
// "<column> IS NULL".
func excludesDeleted(where, column string) bool {
	if where == "" {
		return false
	}
	want := strings.ToLower(column) + " is null"
	for _, c := range conjuncts(normPredicate(where)) {
		if c == want || strings.HasSuffix(c, "."+want) {
			return true
		}
	}
	return false
}

// liveMarker reports whether a generated column's expression is MySQL's
// soft-delete marker: 1 while column IS NULL, NULL once deleted
// (IF(deleted_at IS NULL, 1, NULL), or the CASE form of it).
func liveMarker(expr, column string) bool {
	e := strings.ReplaceAll(normPredicate(expr), " ", "")
	c := strings.ToLower(column)
	return slices.Contains([]string{
		"if(" + c + "isnull,1,null)",
		"casewhen" + c + "isnullthen1end",
		"casewhen" + c + "isnullthen1elsenullend",
	}, e)
}

// softDeleteColumn returns the soft_delete column of a table's model.
func (v *view) softDeleteColumn(t *declared.Table) (*declared.Model, *bunmodel.Field) {
	m := v.model(t)
	if m == nil || m.Table.SoftDelete == nil {
		return nil, nil
	}
	return m, m.Table.SoftDelete
}

// shape is an index as the index rules compare it: its parts and its
// predicate, with MySQL's soft-delete marker column taken off the end and
// counted as the predicate it stands for.
type shape struct {
	parts []string
	where string
	using string
	// marker reports that the index ends with MySQL's live-row marker.
	marker bool
}

func (v *view) shapeOf(d declared.Dialect, t *declared.Table, ix *declared.Index) shape {
	s := shape{using: ix.Using, where: normPredicate(ix.Where)}
	if s.using == "btree" {
		s.using = ""
	}
	for _, p := range ix.Parts {
		s.parts = append(s.parts, partKey(d, p))
	}
	if d == declared.MySQL && len(ix.Parts) > 1 {
		if _, sd := v.softDeleteColumn(t); sd != nil {
			last := ix.Parts[len(ix.Parts)-1]
			if c := t.Column(last.Column, d); last.Column != "" && c != nil && liveMarker(c.Generated, sd.Name) {
				s.parts = s.parts[:len(s.parts)-1]
				s.where = strings.ToLower(sd.Name) + " is null"
				s.marker = true
			}
		}
	}
	return s
}

// samePredicate compares shapes' predicates and methods.
func (a shape) samePredicate(b shape) bool { return a.where == b.where && a.using == b.using }

// prefixOf reports whether a's parts start b's.
func (a shape) prefixOf(b shape) bool {
	if len(a.parts) > len(b.parts) {
		return false
	}
	for i := range a.parts {
		if a.parts[i] != b.parts[i] {
			return false
		}
	}
	return true
}

// leads reports whether the index's first len(cols) parts are cols, in
// any order.
func leads(d declared.Dialect, parts []declared.IndexPart, cols []string) bool {
	if len(parts) < len(cols) {
		return false
	}
	want := map[string]int{}
	for _, c := range cols {
		want[partKey(d, declared.IndexPart{Column: c})]++
	}
	for _, p := range parts[:len(cols)] {
		k := partKey(d, declared.IndexPart{Column: p.Column})
		if p.Column == "" || want[k] == 0 {
			return false
		}
		want[k]--
	}
	return true
}

// pkParts is a table's primary key as index parts.
func pkParts(t *declared.Table) []declared.IndexPart {
	out := make([]declared.IndexPart, len(t.PrimaryKey))
	for i, c := range t.PrimaryKey {
		out[i] = declared.IndexPart{Column: c}
	}
	return out
}

// sortedKey is a column set as a map key.
func sortedKey(d declared.Dialect, cols []string) string {
	ks := make([]string, len(cols))
	for i, c := range cols {
		ks[i] = partKey(d, declared.IndexPart{Column: c})
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

// typeNamePos is where a model's type is declared.
func typeNamePos(obj *types.TypeName) (token.Pos, token.Pos) {
	return obj.Pos(), obj.Pos() + token.Pos(len(obj.Name()))
}
