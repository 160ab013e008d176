package drift

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Atlas v1.2.3's planner does not escape names: sqlx.Builder.Ident wraps
// a name in quotes without doubling the quotes inside it, other paths
// use Go's %q (backslash escapes, which SQL does not know), and MySQL's
// comments are kept as they are when they merely look quoted. So before
// planning, every name (and comment text) that holds a quote, a backslash
// or an unprintable character is swapped for a plain placeholder; after
// planning, each placeholder is put back inside the quoted identifier (or
// string) that Atlas wrote around it, escaped for the dialect. A
// placeholder anywhere else, a statement that is not exactly one
// statement, or an unprintable name in an identifier refuses the repair.

const placeholderPrefix = "schemalint_name_"

var placeholderRE = regexp.MustCompile(placeholderPrefix + `[0-9]+_`)

// namer swaps risky names for placeholders in the objects handed to the
// planner, and undoes it afterwards (the objects share attributes and
// referenced tables with the inspected schema, which must not change).
type namer struct {
	dialect   string
	byText    map[swapKey]string // original → placeholder
	orig      map[string]string  // placeholder → original
	text      map[string]bool    // placeholders of comment texts, not names
	undo      []func()
	seen      map[any]bool
	collision bool // a name already holds the placeholder prefix
}

// swapKey tells a name from a comment text with the same spelling.
type swapKey struct {
	s    string
	text bool
}

func newNamer(dialect string) *namer {
	return &namer{dialect: dialect, byText: map[swapKey]string{}, orig: map[string]string{},
		text: map[string]bool{}, seen: map[any]bool{}}
}

// risky reports whether s cannot be written by Atlas as it is.
func risky(s string) bool {
	return strings.ContainsAny(s, "\"`'\\") || unprintable(s)
}

func (n *namer) swap(p *string) { n.swapAs(p, false) }

// swapText swaps a comment's text, which Atlas writes as a string.
func (n *namer) swapText(p *string) { n.swapAs(p, true) }

func (n *namer) swapAs(p *string, text bool) {
	if n.seen[p] {
		return // an attribute shared by two objects, swapped already
	}
	n.seen[p] = true
	s := *p
	if strings.Contains(s, placeholderPrefix) {
		n.collision = true
	}
	if !risky(s) {
		return
	}
	key := swapKey{s, text}
	ph, ok := n.byText[key]
	if !ok {
		ph = placeholderPrefix + strconv.Itoa(len(n.byText)) + "_"
		if strings.HasPrefix(s, "sqlite_autoindex_") {
			// Atlas's SQLite planner recognizes automatic indexes by
			// this prefix.
			ph = "sqlite_autoindex_" + ph
		}
		n.byText[key], n.orig[ph] = ph, s
		n.text[ph] = text
	}
	*p = ph
	n.undo = append(n.undo, func() { *p = s })
}

func (n *namer) restoreAll() {
	for _, undo := range slices.Backward(n.undo) {
		undo()
	}
	n.undo = nil
}

// once reports whether x (a pointer) is seen for the first time.
func (n *namer) once(x any) bool {
	if x == nil || n.seen[x] {
		return false
	}
	n.seen[x] = true
	return true
}

func (n *namer) changes(chs []schema.Change) {
	for _, ch := range chs {
		switch ch := ch.(type) {
		case *schema.AddTable:
			n.table(ch.T)
		case *schema.DropTable:
			n.table(ch.T)
		case *schema.ModifyTable:
			n.table(ch.T)
			n.changes(ch.Changes)
		case *schema.AddColumn:
			n.column(ch.C)
		case *schema.DropColumn:
			n.column(ch.C)
		case *schema.ModifyColumn:
			n.column(ch.From)
			n.column(ch.To)
		case *schema.AddIndex:
			n.index(ch.I)
		case *schema.DropIndex:
			n.index(ch.I)
		case *schema.ModifyIndex:
			n.index(ch.From)
			n.index(ch.To)
		case *schema.AddPrimaryKey:
			n.index(ch.P)
		case *schema.DropPrimaryKey:
			n.index(ch.P)
		case *schema.ModifyPrimaryKey:
			n.index(ch.From)
			n.index(ch.To)
		case *schema.AddForeignKey:
			n.fk(ch.F)
		case *schema.DropForeignKey:
			n.fk(ch.F)
		case *schema.ModifyForeignKey:
			n.fk(ch.From)
			n.fk(ch.To)
		}
	}
}

func (n *namer) schema(s *schema.Schema) {
	if s != nil && n.once(s) {
		n.swap(&s.Name)
	}
}

func (n *namer) table(t *schema.Table) {
	if t == nil || !n.once(t) {
		return
	}
	n.swap(&t.Name)
	n.schema(t.Schema)
	n.attrs(t.Attrs)
	for _, col := range t.Columns {
		n.column(col)
	}
	n.index(t.PrimaryKey)
	for _, ix := range t.Indexes {
		n.index(ix)
	}
	for _, fk := range t.ForeignKeys {
		n.fk(fk)
	}
}

func (n *namer) column(col *schema.Column) {
	if col == nil || !n.once(col) {
		return
	}
	n.swap(&col.Name)
	n.attrs(col.Attrs)
	if col.Type != nil {
		n.typ(col.Type.Type)
	}
}

// typ swaps the names of user-defined types, which PostgreSQL's planner
// writes with %q.
func (n *namer) typ(t schema.Type) {
	switch t := t.(type) {
	case *schema.EnumType:
		n.swap(&t.T)
		n.schema(t.Schema)
	case *postgres.DomainType:
		n.swap(&t.T)
		n.schema(t.Schema)
	case *postgres.CompositeType:
		n.swap(&t.T)
		n.schema(t.Schema)
	case *postgres.ArrayType:
		n.typ(t.Type)
	}
}

func (n *namer) index(ix *schema.Index) {
	if ix == nil || !n.once(ix) {
		return
	}
	n.swap(&ix.Name)
	n.attrs(ix.Attrs)
	for _, p := range ix.Parts {
		n.column(p.C)
	}
	n.table(ix.Table)
}

func (n *namer) fk(fk *schema.ForeignKey) {
	if fk == nil || !n.once(fk) {
		return
	}
	n.swap(&fk.Symbol)
	for _, col := range fk.Columns {
		n.column(col)
	}
	n.table(fk.Table)
	n.table(fk.RefTable)
	for _, col := range fk.RefColumns {
		n.column(col)
	}
}

func (n *namer) attrs(attrs []schema.Attr) {
	for _, a := range attrs {
		switch a := a.(type) {
		case *schema.Comment:
			n.swapText(&a.Text)
		case *schema.Check:
			n.swap(&a.Name)
		case *postgres.Constraint:
			n.swap(&a.N)
		}
	}
}

// refusedPrefix starts the repair "SQL" of a refused repair; the rest of
// the line says why (and is added to the finding's message).
const refusedPrefix = "-- no repair SQL: "

// restore puts the names back into one statement Atlas wrote, escaped,
// or returns why it cannot.
func (n *namer) restore(stmt string) (string, string) {
	toks, err := lexSQL(n.dialect, stmt)
	if err != nil {
		return "", "Atlas wrote a statement with an unterminated quote or comment"
	}
	var b strings.Builder
	for _, t := range toks {
		text := stmt[t.start:t.end]
		if t.kind == tokSemi || t.kind == tokComment {
			return "", "Atlas wrote a semicolon or a comment inside a statement"
		}
		if !strings.Contains(text, placeholderPrefix) {
			b.WriteString(text)
			continue
		}
		out, why := n.restoreToken(t, text)
		if why != "" {
			return "", why
		}
		b.WriteString(out)
	}
	// The names went back inside their own tokens only: the statement
	// must lex into the same tokens as the one Atlas wrote.
	again, err := lexSQL(n.dialect, b.String())
	if err != nil || len(again) != len(toks) {
		return "", "a name changes the statement's structure"
	}
	for i := range again {
		if again[i].kind != toks[i].kind {
			return "", "a name changes the statement's structure"
		}
	}
	return b.String(), ""
}

// restoreToken rewrites one quoted token that holds placeholders.
func (n *namer) restoreToken(t token, text string) (string, string) {
	var names []string
	for _, ph := range placeholderRE.FindAllString(text, -1) {
		orig, ok := n.orig[ph]
		if !ok {
			return "", "Atlas wrote a name drift did not give it"
		}
		names = append(names, orig)
	}
	if len(names) == 0 {
		return "", "Atlas wrote a name drift did not give it"
	}
	q := t.quote
	inner := text[1 : len(text)-1]
	// Names go back into identifiers; a comment's text goes back into a
	// string that holds nothing else.
	ok := true
	for _, ph := range placeholderRE.FindAllString(text, -1) {
		if n.text[ph] {
			ok = ok && t.kind == tokString && inner == ph && (q == '\'' || q == '"') && (!t.escapes || n.dialect == dsn.MySQL)
		} else {
			ok = ok && t.kind == tokIdent && (q == '"' || q == '`')
		}
	}
	if !ok {
		return "", "Atlas writes the name " + strconv.Quote(names[0]) + " where drift cannot quote it"
	}
	if strings.ContainsRune(inner, '\\') && t.escapes || strings.Contains(inner, string(q)) {
		// Atlas writes placeholders plainly; anything else in the token
		// would have to be unescaped first.
		return "", "Atlas wrote a name drift cannot restore"
	}
	for _, name := range names {
		switch {
		case t.kind == tokIdent && unprintable(name):
			return "", "the name " + strconv.Quote(name) + " contains control or invisible characters; rename it first"
		case t.kind == tokString && n.dialect != dsn.MySQL && (unprintable(name) || strings.ContainsRune(name, '\\')):
			// A backslash escapes in PostgreSQL's strings when
			// standard_conforming_strings is off.
			return "", "the comment " + strconv.Quote(name) + " holds characters drift cannot write safely"
		}
	}
	inner = placeholderRE.ReplaceAllStringFunc(inner, func(ph string) string { return n.orig[ph] })
	qs := string(q)
	if t.kind == tokString && n.dialect == dsn.MySQL {
		// MySQL strings take backslash escapes (a comment's text).
		var e strings.Builder
		for _, r := range inner {
			switch r {
			case '\\':
				e.WriteString(`\\`)
			case '\n':
				e.WriteString(`\n`)
			case '\r':
				e.WriteString(`\r`)
			case '\t':
				e.WriteString(`\t`)
			case 0:
				e.WriteString(`\0`)
			case 0x1a:
				e.WriteString(`\Z`)
			default:
				if r == utf8.RuneError || unprintable(string(r)) {
					return "", "a comment holds characters drift cannot write safely"
				}
				e.WriteRune(r)
			}
		}
		inner = e.String()
	}
	return qs + strings.ReplaceAll(inner, qs, qs+qs) + qs, ""
}

// showText puts the names back into a message from Atlas (an error),
// shown on one line with unprintable characters escaped, for a comment.
func (n *namer) showText(s string) string {
	s = placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
		if orig, ok := n.orig[ph]; ok {
			return orig
		}
		return ph
	})
	return oneLineText(escapeUnprintable(s))
}
