package declared

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/schemalint/schemalint/ddl"
)

// sqlText is SQL whose statements become changes: the text, the dialect
// it is parsed in, and how an offset in it maps to a position in the file
// set (into the Go literal or the SQL file it came from).
type sqlText struct {
	d    Dialect
	src  string
	file bool // a Bun SQL file: split with --bun:split semantics
	pos  func(off int) token.Pos
}

// dataKeywords are statements that change rows, not the schema: they are
// recorded as Data changes without a note.
var dataKeywords = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "SELECT": true, "WITH": true, "MERGE": true,
	"REPLACE": true, "SET": true, "ANALYZE": true, "VACUUM": true, "TRUNCATE": true, "VALUES": true,
	"BEGIN": true, "COMMIT": true, "START": true, "SAVEPOINT": true, "RELEASE": true, "PRAGMA": true,
}

// changes parses the text and returns the changes its statements make,
// and notes for the statements it does not model.
func (t sqlText) changes() ([]*Change, []noteAt) {
	var stmts []ddl.Statement
	if t.file {
		stmts = ddl.ParseFile(t.src, t.d.ddl())
	} else {
		stmts = ddl.Parse(t.src, t.d.ddl())
	}
	var out []*Change
	var notes []noteAt
	for _, st := range stmts {
		if u, ok := st.(*ddl.Unknown); ok && t.d == PG && strings.HasPrefix(u.Keywords, "DO") {
			if cs, ns, ok := t.doBlock(u); ok {
				out, notes = append(out, cs...), append(notes, ns...)
				continue
			}
		}
		cs, msg := t.statement(st)
		if msg != "" {
			p := st.Position()
			notes = append(notes, noteAt{at: at{pos: t.pos(p.Offset), end: t.pos(p.End)}, msg: msg, unseen: mayHideSchema(st)})
		}
		out = append(out, cs...)
	}
	return out, notes
}

// noteAt is a note before its dialects and migration are known.
type noteAt struct {
	at
	msg string
	// unseen: the statement may create or change tables or indexes.
	unseen bool
}

// mayHideSchema reports whether a statement the extraction does not
// model may create or change a table or an index: a statement on a TABLE
// or INDEX, a procedural block (DO, CALL, EXECUTE), or one it cannot
// read at all. Views, functions, triggers, types, comments and grants
// cannot.
func mayHideSchema(st ddl.Statement) bool {
	var kw string
	switch st := st.(type) {
	case *ddl.Unknown:
		kw = st.Keywords
	case *ddl.Invalid:
		kw = st.Keywords
	default:
		return true // a modelled statement with a part that is not
	}
	kw = strings.ToUpper(kw)
	first, _, _ := strings.Cut(kw, " ")
	switch {
	case kw == "", strings.Contains(kw, "TABLE"), strings.Contains(kw, "INDEX"):
		return true
	case first == "DO", first == "CALL", first == "EXECUTE", first == "EXEC":
		return true
	}
	return false
}

// statement converts one statement; msg is set when something in it is
// not modelled.
func (t sqlText) statement(st ddl.Statement) (cs []*Change, msg string) {
	p := st.Position()
	text := p.Source(t.src)
	base := func(kind ChangeKind, table string) *Change {
		c := &Change{Kind: kind, Dialect: t.d, Table: table, SQL: text}
		c.at = at{pos: t.pos(p.Offset), end: t.pos(p.End)}
		c.change = c
		return c
	}
	switch st := st.(type) {
	case *ddl.CreateTable:
		if st.Temporary {
			c := base(Data, st.Name.Name)
			return []*Change{c}, ""
		}
		c := base(CreateTable, st.Name.Name)
		c.IfNotExists = st.IfNotExists
		c.Create = t.table(st, c)
		return []*Change{c}, ""
	case *ddl.CreateIndex:
		c := base(CreateIndex, st.Table.Name)
		c.IfNotExists = st.IfNotExists
		c.Index = indexFromDDL(st, c)
		return []*Change{c}, ""
	case *ddl.AlterTable:
		for _, a := range st.Actions {
			c, m := t.alterAction(st, a, text)
			if c != nil {
				cs = append(cs, c)
			}
			if m != "" && msg == "" {
				msg = m
			}
		}
		return cs, msg
	case *ddl.AlterIndex:
		c := base(RenameIndex, "")
		c.Name, c.NewName, c.IfExists = st.Name.Name, st.RenameTo, st.IfExists
		return []*Change{c}, ""
	case *ddl.DropIndex:
		for _, n := range st.Names {
			c := base(DropIndex, st.Table.Name)
			c.Name, c.IfExists = n.Name, st.IfExists
			cs = append(cs, c)
		}
		return cs, ""
	case *ddl.DropTable:
		for _, n := range st.Names {
			c := base(DropTable, n.Name)
			c.IfExists = st.IfExists
			cs = append(cs, c)
		}
		return cs, ""
	case *ddl.Unknown:
		first, _, _ := strings.Cut(st.Keywords, " ")
		if dataKeywords[first] {
			return []*Change{base(Data, "")}, ""
		}
		kind := st.Keywords
		if kind == "" {
			kind = "statement"
		}
		if !mayHideSchema(st) {
			return nil, fmt.Sprintf("%s is not modelled: it makes no table or index, so nothing is missed", kind)
		}
		return nil, fmt.Sprintf("%s is not modelled: what it creates or changes is not seen", kind)
	case *ddl.Invalid:
		return nil, fmt.Sprintf("%s does not parse (%s): the database rejects it, or the extraction cannot read it",
			describeKind(st.Keywords), errText(st.Err))
	}
	return nil, fmt.Sprintf("%T is not modelled", st)
}

func describeKind(k string) string {
	if k == "" {
		return "the statement"
	}
	return k
}

// errText is a syntax error without its offset, which the note's position
// already gives.
func errText(e *ddl.SyntaxError) string {
	if e == nil {
		return "syntax error"
	}
	if e.Msg != "" {
		return e.Msg
	}
	return fmt.Sprintf("expected %s, found %s", e.Expected, e.Found)
}

// table converts CREATE TABLE.
func (t sqlText) table(st *ddl.CreateTable, c *Change) *Table {
	tab := &Table{Name: st.Name.Name, at: c.at}
	for i := range st.Columns {
		cd := &st.Columns[i]
		col := columnFromDDL(*cd, FromSQL, c)
		tab.Columns = append(tab.Columns, col)
		if cd.PrimaryKey {
			tab.PrimaryKey = append(tab.PrimaryKey, cd.Name)
		}
		if cd.Unique {
			tab.Indexes = append(tab.Indexes, &Index{Table: tab.Name, Parts: []IndexPart{{Column: cd.Name}},
				Unique: true, Constraint: true, Source: SourceMigration, at: c.at})
		}
		if r := cd.References; r != nil {
			tab.ForeignKeys = append(tab.ForeignKeys, fkFromDDL(tab.Name, r.Name, []string{cd.Name}, r, c))
		}
	}
	for i := range st.Constraints {
		k := &st.Constraints[i]
		switch k.Type {
		case ddl.PrimaryKey:
			tab.PrimaryKey = k.ColumnNames()
		case ddl.Unique, ddl.Index:
			tab.Indexes = append(tab.Indexes, constraintIndex(tab.Name, k, c))
		case ddl.ForeignKey:
			tab.ForeignKeys = append(tab.ForeignKeys, fkFromDDL(tab.Name, k.Name, k.ColumnNames(), k.References, c))
		}
	}
	return tab
}

// alterAction converts one action of ALTER TABLE.
func (t sqlText) alterAction(st *ddl.AlterTable, a ddl.AlterAction, text string) (*Change, string) {
	p := a.Position()
	c := &Change{Dialect: t.d, Table: st.Table.Name, SQL: text}
	c.at = at{pos: t.pos(p.Offset), end: t.pos(p.End)}
	c.change = c
	switch a := a.(type) {
	case *ddl.AddColumn:
		c.Kind, c.IfNotExists = AddColumn, a.IfNotExists
		c.Column = columnFromDDL(a.Column, FromAdded, c)
	case *ddl.DropColumn:
		c.Kind, c.Name, c.IfExists = DropColumn, a.Name, a.IfExists
	case *ddl.AddConstraint:
		k := &a.Constraint
		switch k.Type {
		case ddl.ForeignKey:
			c.Kind = AddForeignKey
			c.ForeignKey = fkFromDDL(st.Table.Name, k.Name, k.ColumnNames(), k.References, c)
		case ddl.Unique, ddl.Index:
			c.Kind = CreateIndex
			c.Index = constraintIndex(st.Table.Name, k, c)
		case ddl.PrimaryKey:
			c.Kind, c.PrimaryKey = AddPrimaryKey, k.ColumnNames()
		default:
			// CHECK and EXCLUDE constrain rows; nothing here tracks them.
			c.Kind = Data
		}
		if k.UsingIndex != "" {
			return c, "ADD CONSTRAINT ... USING INDEX is not modelled: the constraint's columns are those of index " + k.UsingIndex
		}
	case *ddl.DropConstraint:
		c.Kind, c.Name, c.IfExists = DropConstraint, a.Name, a.IfExists
		switch a.Type {
		case ddl.PrimaryKey:
			c.Name = "PRIMARY KEY"
		case ddl.Index:
			c.Kind = DropIndex
		}
	case *ddl.RenameColumn:
		if a.Constraint {
			c.Kind = RenameIndex
		} else {
			c.Kind = RenameColumn
		}
		c.Name, c.NewName = a.From, a.To
	case *ddl.RenameTable:
		c.Kind, c.NewName = RenameTable, a.To.Name
	case *ddl.RenameIndex:
		c.Kind, c.Name, c.NewName = RenameIndex, a.From, a.To
	case *ddl.AlterColumn:
		c.Kind = AlterColumn
		c.Name = a.Column
		col := &Column{Name: a.Column, Origin: FromAdded, at: c.at}
		switch a.Action {
		case "SET NOT NULL":
			col.NotNull = true
		case "DROP NOT NULL":
		case "SET DEFAULT":
			col.Default = a.Default.Text
		case "DROP DEFAULT":
		case "TYPE":
			col.Type = a.Type
		default: // SET VISIBLE / INVISIBLE: nothing tracked changes
			c.Kind = Data
		}
		c.Column = col
		c.alter = a.Action
	case *ddl.ModifyColumn:
		c.Kind = AlterColumn
		c.Name = a.OldName
		c.Column = columnFromDDL(a.Column, FromAdded, c)
		c.alter = "DEFINITION"
	case *ddl.OtherAction:
		kw := a.Keywords
		if kw == "" {
			kw = "an action"
		}
		return nil, fmt.Sprintf("ALTER TABLE %s: %s is not modelled", st.Table.Name, kw)
	default:
		return nil, fmt.Sprintf("ALTER TABLE action %T is not modelled", a)
	}
	return c, ""
}

func columnFromDDL(cd ddl.ColumnDef, origin string, c *Change) *Column {
	col := &Column{Name: cd.Name, Type: cd.Type, NotNull: cd.NotNull || cd.PrimaryKey, AutoIncrement: cd.AutoIncrement || cd.Identity != "",
		Origin: origin, at: c.at}
	if cd.Default != nil {
		col.Default = cd.Default.Text
	}
	if g := cd.Generated; g != nil {
		col.Generated, col.Storage = g.Expr.Text, g.Storage
	}
	return col
}

func indexFromDDL(st *ddl.CreateIndex, c *Change) *Index {
	ix := &Index{Name: st.Name.Name, Table: st.Table.Name, Parts: partsFromDDL(st.Parts), Unique: st.Unique,
		Using: st.Using, Include: st.Include, Type: st.Type, Source: SourceMigration, at: c.at}
	if st.Where != nil {
		ix.Where = st.Where.Text
	}
	return ix
}

func constraintIndex(table string, k *ddl.Constraint, c *Change) *Index {
	return &Index{Name: k.Name, Table: table, Parts: partsFromDDL(k.Columns), Unique: k.Type == ddl.Unique,
		Constraint: true, Using: k.Using, Include: k.Include, Type: k.IndexType, Source: SourceMigration, at: c.at}
}

func partsFromDDL(ps []ddl.IndexPart) []IndexPart {
	out := make([]IndexPart, len(ps))
	for i, p := range ps {
		out[i] = IndexPart{Column: p.Column, Desc: p.Desc, PrefixLen: p.PrefixLen, Collate: p.Collate, OpClass: p.OpClass, Nulls: p.Nulls}
		if p.Expr != nil {
			out[i].Expr = p.Expr.Text
		}
	}
	return out
}

func fkFromDDL(table, name string, cols []string, r *ddl.Reference, c *Change) *ForeignKey {
	fk := &ForeignKey{Name: name, Table: table, Columns: cols, Source: FKMigration, at: c.at}
	if r != nil {
		fk.RefTable, fk.RefColumns, fk.OnDelete, fk.OnUpdate = r.Table.Name, r.Columns, r.OnDelete, r.OnUpdate
	}
	return fk
}

// doBlock reads a PostgreSQL DO block made of plain statements under
// IF ... THEN / ELSIF / ELSE / END IF, with an optional EXCEPTION WHEN ...
// THEN NULL handler, as migrations written to be re-run use it:
//
//	DO $$ BEGIN
//	  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk') THEN
//	    ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b_id) REFERENCES b (id);
//	  END IF;
//	END $$;
//
// Statements under an IF, or in a block with an exception handler, may
// or may not run (Change.Maybe). ok is false for anything else (DECLARE,
// loops, EXECUTE, PERFORM, labels...): the block is then noted unseen as
// before.
func (t sqlText) doBlock(st *ddl.Unknown) (out []*Change, notes []noteAt, ok bool) {
	p := st.Position()
	text := p.Source(t.src)
	i := strings.IndexByte(text, '$')
	if i < 0 {
		return nil, nil, false
	}
	j := strings.IndexByte(text[i+1:], '$')
	if j < 0 {
		return nil, nil, false
	}
	tag := text[i : i+j+2]
	for _, r := range tag[1 : len(tag)-1] {
		if r != '_' && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return nil, nil, false
		}
	}
	head := strings.Fields(strings.ToUpper(text[:i]))
	if len(head) != 1 && (len(head) != 3 || head[1] != "LANGUAGE" || head[2] != "PLPGSQL") {
		return nil, nil, false
	}
	start := i + len(tag)
	k := strings.Index(text[start:], tag)
	if k < 0 {
		return nil, nil, false
	}
	body := text[start : start+k]
	if tail := strings.ToUpper(strings.TrimSpace(text[start+k+len(tag):])); tail != "" && tail != "LANGUAGE PLPGSQL" {
		return nil, nil, false
	}
	base := p.Offset + start
	upper := asciiUpper(body) // same length as body: offsets agree
	guarded := hasWord(upper, "EXCEPTION")
	depth := 0
	for _, inner := range ddl.Parse(body, ddl.Postgres) {
		ip := inner.Position()
		off, end := ip.Offset, ip.End
		for {
			for off < end && isSpace(body[off]) {
				off++
			}
			word := leadingWord(upper[off:end])
			switch word {
			case "":
				if off < end {
					return nil, nil, false // <<label>> and the like
				}
			case "BEGIN", "ELSE":
				off += len(word)
				continue
			case "IF", "ELSIF", "EXCEPTION", "WHEN":
				n := thenEnd(upper[off:end])
				if n < 0 {
					if word == "EXCEPTION" {
						off += len(word)
						continue
					}
					return nil, nil, false
				}
				if word == "IF" {
					depth++
				}
				off += n
				continue
			case "END":
				off += len(word)
				for off < end && isSpace(body[off]) {
					off++
				}
				if leadingWord(upper[off:end]) == "IF" {
					depth--
					off += 2
				}
				continue
			case "NULL", "RAISE":
				// No-ops for the schema (RAISE NOTICE; an EXCEPTION
				// raised stops the migration, as an error would).
			case "DECLARE", "FOR", "FOREACH", "LOOP", "WHILE", "EXECUTE", "PERFORM", "RETURN", "CALL", "GET", "OPEN", "FETCH", "CASE", "EXIT", "CONTINUE":
				return nil, nil, false
			default:
				at := base + off
				sub := sqlText{d: t.d, src: body[off:end], pos: func(o int) token.Pos { return t.pos(at + o) }}
				cs, ns := sub.changes()
				for _, c := range cs {
					c.Maybe = c.Maybe || depth > 0 || guarded
				}
				out, notes = append(out, cs...), append(notes, ns...)
			}
			break
		}
	}
	return out, notes, depth == 0
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// leadingWord returns the keyword s starts with (upper case), or "".
func leadingWord(s string) string {
	n := 0
	for n < len(s) && ('A' <= s[n] && s[n] <= 'Z' || s[n] == '_') {
		n++
	}
	if n < len(s) && ('0' <= s[n] && s[n] <= '9') {
		return ""
	}
	return s[:n]
}

// thenEnd returns the offset just past the THEN that ends an IF, ELSIF
// or WHEN condition at parenthesis depth 0, outside quotes; -1 if none.
func thenEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			// Skip the quoted text.
			if k := strings.IndexByte(s[i+1:], '\''); k >= 0 {
				i += 1 + k
			} else {
				i = len(s)
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], "THEN") && (i == 0 || isSpace(s[i-1]) || s[i-1] == ')') &&
			(i+4 == len(s) || isSpace(s[i+4])):
			return i + 4
		}
	}
	return -1
}

// hasWord reports whether the upper-case text holds word as a whole word.
func hasWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(word) == len(s) || !isWordByte(s[j+len(word)])
		if before && after {
			return true
		}
		i = j + len(word)
	}
}

func isWordByte(b byte) bool {
	return b == '_' || 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9'
}

// asciiUpper upper-cases ASCII letters only, keeping every byte offset.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
