package dupcolumn

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

//go:embed doc.go
var doc string

// Rule is SL101.
var Rule = &lint.Rule{
	ID:       "SL101",
	Doc:      lint.PackageDoc(doc, "SL101"),
	Name:     "duplicate-column",
	Summary:  "no two fields map to one column, directly or through embedding",
	Severity: config.Error,
	Run:      run,
}

func run(p *lint.Pass) error {
	for _, part := range p.Models.Parts() {
		dropped(p, part)
		collisions(p, part)
	}
	return nil
}

// dropped reports the embedded fields Bun leaves out of the part's table
// because another field maps to the same column.
func dropped(p *lint.Pass, part *bunmodel.Part) {
	t := part.Table
	byColumn := map[string][]*bunmodel.Field{}
	var columns []string
	for _, d := range t.Dropped {
		if byColumn[d.Field.Name] == nil {
			columns = append(columns, d.Field.Name)
		}
		byColumn[d.Field.Name] = append(byColumn[d.Field.Name], d.Field)
	}
	for _, col := range columns {
		lost := byColumn[col]
		winner := t.Field(col) // what Bun keeps, if anything
		if winner != nil && winner.Name != col {
			winner = nil // it only scans col through alt:; it took no part in the drop
		}
		if winner != nil && winner.Declared() {
			hidden(p, part, winner.Var, lost)
			continue
		}
		if winner == nil {
			if v := declaredName(part, col); v != nil {
				hidden(p, part, v, lost)
				continue
			}
		}
		ambiguous(p, part, col, winner, lost)
	}
}

// hidden reports a field the part declares itself hiding embedded fields:
// Bun keeps the declared one, and anything writing the embedded field (a
// base struct's hook, say) writes a value Bun never saves or loads.
//
// A field with the Go name of the one it hides overrides it in Go too:
// code naming it gets the declared field, which Bun saves, and reaching
// the hidden one takes an explicit path (x.Base.Params). That is the
// usual way to specialise a base struct (uptrace's grid items), so it is
// reported only when a method of an embedded struct uses the hidden
// field, or when such methods exist in another package, where their
// bodies cannot be read.
func hidden(p *lint.Pass, part *bunmodel.Part, v *types.Var, lost []*bunmodel.Field) {
	users := ""
	if overrides(v, lost) {
		using, unseen := methodsUsing(p, lost)
		if len(using) == 0 && !unseen {
			return
		}
		if len(using) > 0 {
			users = fmt.Sprintf(" (%s %s it)", strings.Join(using, " and "), plural(len(using), "uses", "use"))
		}
	}
	paths := make([]string, len(lost))
	for i, f := range lost {
		paths[i] = strings.Join(f.FieldPath(), ".")
	}
	p.ReportPart(part, v, fmt.Sprintf(
		"%s hides %s, which %s the same column %s: Bun keeps %s and silently drops the embedded %s, so whatever sets %s (a method of the embedded struct, say) writes a value Bun never saves%s; remove one of them",
		v.Name(), fieldNames(lost), plural(len(lost), "maps to", "map to"), lost[0].Name, v.Name(), plural(len(lost), "field", "fields"), strings.Join(paths, " or "), users),
		declaredHere(lost, nil))
}

// overrides reports whether v has the Go name of every field it hides.
func overrides(v *types.Var, lost []*bunmodel.Field) bool {
	for _, f := range lost {
		if f.GoName != v.Name() {
			return false
		}
	}
	return true
}

// methodsUsing returns the methods ("Base.Touch") of the structs the
// hidden fields come through that name one of them, and reports whether
// some of those structs have methods in another package, unread.
func methodsUsing(p *lint.Pass, lost []*bunmodel.Field) (using []string, unseen bool) {
	owners := map[*types.TypeName]bool{}
	hiddenVars := map[*types.Var]bool{}
	for _, f := range lost {
		hiddenVars[f.Var] = true
		for _, e := range f.Path {
			t := types.Unalias(e.Type())
			if ptr, ok := t.(*types.Pointer); ok {
				t = types.Unalias(ptr.Elem())
			}
			n, ok := t.(*types.Named)
			if !ok {
				continue
			}
			if n.Obj().Pkg() != p.Pkg {
				if types.NewMethodSet(types.NewPointer(n)).Len() > 0 {
					unseen = true
				}
				continue
			}
			owners[n.Obj()] = true
		}
	}
	for _, file := range p.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil {
				continue
			}
			fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			recv := types.Unalias(fn.Signature().Recv().Type())
			if ptr, ok := recv.(*types.Pointer); ok {
				recv = types.Unalias(ptr.Elem())
			}
			n, ok := recv.(*types.Named)
			if !ok || !owners[n.Obj()] {
				continue
			}
			found := false
			ast.Inspect(fd.Body, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok && !found {
					if v, ok := p.TypesInfo.Uses[id].(*types.Var); ok && hiddenVars[v] {
						found = true
					}
				}
				return !found
			})
			if found {
				using = append(using, n.Obj().Name()+"."+fd.Name.Name)
			}
		}
	}
	return using, unseen
}

// ambiguous reports embedded fields that collide with each other: Bun
// keeps the one tagged field if exactly one is tagged, otherwise none.
func ambiguous(p *lint.Pass, part *bunmodel.Part, col string, winner *bunmodel.Field, lost []*bunmodel.Field) {
	all := lost
	if winner != nil {
		all = append([]*bunmodel.Field{winner}, lost...)
	}
	// Fields that all come through one embedded struct collide inside
	// it: that struct is a part of its own and is reported there.
	via := all[0].Path[0]
	if !slices.ContainsFunc(all, func(f *bunmodel.Field) bool { return f.Path[0] != via }) {
		return
	}
	var msg string
	if winner != nil {
		msg = fmt.Sprintf("%s %s map to column %s: Bun keeps %s, the only tagged one, and silently drops %s",
			fieldNames(all), bothOrAll(len(all)), col, fieldName(winner), fieldNames(lost))
	} else {
		tagged := 0
		for _, f := range lost {
			if !f.Tag.IsZero() {
				tagged++
			}
		}
		// One tagged field would have won; so none is, or several are.
		how := "none of them is tagged"
		switch {
		case tagged == 2 && len(lost) == 2:
			how = "both are tagged"
		case tagged == len(lost):
			how = "all are tagged"
		case tagged > 1:
			how = fmt.Sprintf("%d of them are tagged", tagged)
		}
		msg = fmt.Sprintf("%s %s map to column %s and %s, so Bun keeps none of them: the table has no column %s",
			fieldNames(lost), bothOrAll(len(lost)), col, how, col)
	}
	// Point at the embedding that comes last: the one that brought the
	// collision in.
	last := slices.MaxFunc(all, func(a, b *bunmodel.Field) int { return slices.Compare(a.Index, b.Index) })
	p.ReportPart(part, last.Path[0], msg, declaredHere(all, nil))
}

func bothOrAll(n int) string {
	if n == 2 {
		return "both"
	}
	return "all"
}

// collisions reports fields the table keeps although they claim the same
// column, by name or through alt:.
func collisions(p *lint.Pass, part *bunmodel.Part) {
	// Every claim in field order, and the column each names. Most tables
	// repeat no name, which the sorted names tell without the map.
	var cs []claim
	for _, f := range part.Table.AllFields() {
		if f.Relation {
			continue
		}
		cs = append(cs, claim{f, false})
		if alt, ok := f.Tag.Option("alt"); ok && alt != f.Name {
			cs = append(cs, claim{f, true})
		}
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.column()
	}
	if len(slices.Compact(slices.Sorted(slices.Values(names)))) == len(names) {
		return
	}
	claims := make(map[string][]claim, len(cs))
	var columns []string
	for i, c := range cs {
		col := names[i]
		if claims[col] == nil {
			columns = append(columns, col)
		}
		claims[col] = append(claims[col], c)
	}
	for _, col := range columns {
		if cl := claims[col]; len(cl) >= 2 && !insideOneEmbedding(cl) {
			collision(p, part, col, cl)
		}
	}
}

// claim is a field claiming a column by its name or by alt:.
type claim struct {
	f   *bunmodel.Field
	alt bool
}

func (c claim) column() string {
	if c.alt {
		alt, _ := c.f.Tag.Option("alt")
		return alt
	}
	return c.f.Name
}

func (c claim) String() string {
	if c.alt {
		return fieldName(c.f) + " (alt:" + c.column() + ")"
	}
	return fieldName(c.f)
}

func insideOneEmbedding(cs []claim) bool {
	for _, c := range cs {
		if c.f.Declared() || c.f.Path[0] != cs[0].f.Path[0] {
			return false
		}
	}
	return true
}

func collision(p *lint.Pass, part *bunmodel.Part, col string, cs []claim) {
	names := make([]string, len(cs))
	fields := make([]*bunmodel.Field, len(cs))
	created := 0
	for i, c := range cs {
		names[i], fields[i] = c.String(), c.f
		if !c.alt && !c.f.ScanOnly {
			created++
		}
	}
	msg := fmt.Sprintf("%s map to one column, %s:", strings.Join(names, " and "), col)
	if created > 1 {
		msg += fmt.Sprintf(" CREATE TABLE lists %s %d times and fails, inserts write it twice, and", col, created)
	}
	msg += fmt.Sprintf(" Bun reads %s into %s only", col, fieldName(part.Table.Field(col)))
	last := cs[len(cs)-1].f
	at := last.Var
	if !last.Declared() {
		at = last.Path[0]
	}
	p.ReportPart(part, at, msg, declaredHere(fields, at))
}

// declaredName returns a field the part declares itself under the column
// name col that is not a column: a relation, or a field tagged "-" (Bun
// reserves a skipped field's Go name).
func declaredName(part *bunmodel.Part, col string) *types.Var {
	for _, f := range part.Table.AllFields() {
		if f.Declared() && f.Relation && f.Name == col {
			return f.Var
		}
	}
	st := part.Struct
	for i := 0; i < st.NumFields(); i++ {
		if v := st.Field(i); v.Name() == col && reflect.StructTag(st.Tag(i)).Get("bun") == "-" {
			return v
		}
	}
	return nil
}

// fieldName names a field by its Go path from the struct, with the
// prefix an embed: field gives it.
func fieldName(f *bunmodel.Field) string {
	name := strings.Join(f.FieldPath(), ".")
	if f.Prefix != "" {
		name += " (embed:" + f.Prefix + ")"
	}
	return name
}

func fieldNames(fs []*bunmodel.Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = fieldName(f)
	}
	return strings.Join(names, " and ")
}

// declaredHere points at the declarations of fs, except the one the
// finding is reported at.
func declaredHere(fs []*bunmodel.Field, at *types.Var) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, f := range fs {
		if f.Var == at {
			continue
		}
		out = append(out, analysis.RelatedInformation{Pos: f.Var.Pos(), Message: strings.Join(f.FieldPath(), ".") + " is declared here"})
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
