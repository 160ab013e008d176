package ddl

import "strings"

// alter parses ALTER TABLE and PostgreSQL's ALTER INDEX ... RENAME TO; it
// returns nil for the other ALTER statements.
func (p *parser) alter() Statement {
	p.expectWords("ALTER")
	if p.d == MySQL {
		p.acceptAnyWord("ONLINE", "OFFLINE")
		p.acceptWords("IGNORE")
	}
	switch {
	case p.isWord("TABLE"):
		p.kind = "ALTER TABLE"
		return p.alterTable()
	case p.acceptWords("INDEX"):
		ai := &AlterIndex{IfExists: p.acceptWords("IF", "EXISTS")}
		if p.peek().kind != tWord && p.peek().kind != tQIdent {
			return nil
		}
		ai.Name = p.objectName("index name")
		if !p.isWords("RENAME", "TO") {
			return nil
		}
		p.kind = "ALTER INDEX"
		p.i += 2
		ai.RenameTo = p.name("new index name")
		p.expectEnd()
		ai.Pos = p.stmtPos()
		return ai
	}
	return nil
}

// alterTable parses ALTER TABLE from TABLE on.
func (p *parser) alterTable() *AlterTable {
	p.expectWords("TABLE")
	at := &AlterTable{IfExists: p.acceptWords("IF", "EXISTS")}
	if p.isWord("ONLY") {
		p.only("ONLY", Postgres)
		p.next()
		at.Only = true
	}
	at.Table = p.objectName("table name")
	if p.d == Postgres {
		p.acceptOp('*')
	}
	for {
		at.Actions = append(at.Actions, p.alterActions()...)
		if !p.acceptPunct(',') {
			break
		}
	}
	p.expectEnd()
	at.Pos = p.stmtPos()
	return at
}

// span returns the position from offset start to the last token read.
func (p *parser) span(start int) Pos { return Pos{start, p.toks[p.i-1].end} }

// alterActions reads one ALTER TABLE action (MySQL's ADD (col, col) is
// several).
func (p *parser) alterActions() []AlterAction {
	start := p.peek().start
	from := p.i
	switch {
	case p.acceptWords("ADD"):
		return p.addAction(start)
	case p.acceptWords("DROP"):
		return []AlterAction{p.dropAction(start)}
	case p.acceptWords("RENAME"):
		return []AlterAction{p.renameAction(start)}
	case p.isWord("ALTER") && !p.wordAt(1, "INDEX") && !p.wordAt(1, "CONSTRAINT") && !p.wordAt(1, "CHECK"):
		p.next()
		if a := p.alterColumn(start); a != nil {
			return []AlterAction{a}
		}
	case p.d == MySQL && p.isAnyWord("MODIFY", "CHANGE"):
		change := p.acceptAnyWord("MODIFY", "CHANGE") == "CHANGE"
		p.acceptWords("COLUMN")
		m := &ModifyColumn{}
		if change {
			m.OldName = p.name("column name")
		}
		m.Column = p.columnDef()
		if !change {
			m.OldName = m.Column.Name
		}
		m.First, m.After = p.placement()
		m.Pos = p.span(start)
		return []AlterAction{m}
	}
	return []AlterAction{p.otherAction(from)}
}

// otherAction reads an action this package does not model, from token
// index from up to the next "," at depth 0.
func (p *parser) otherAction(from int) *OtherAction {
	p.i = from
	if p.atEnd() || p.isPunct(',') {
		p.fail("ALTER TABLE action")
	}
	kw := ""
	if p.peek().kind == tWord {
		kw = strings.ToUpper(p.text(p.peek()))
		if kw == "ALTER" {
			kw = "ALTER COLUMN"
			if p.isAnyWordAt(1, "INDEX", "CONSTRAINT", "CHECK") {
				kw = "ALTER " + strings.ToUpper(p.text(p.peekAt(1)))
			}
		}
	}
	e := p.rest()
	if !p.atEnd() && !p.isPunct(',') {
		p.fail(`"," or end of statement`)
	}
	return &OtherAction{Pos: e.Pos, Keywords: kw, Text: e.Raw}
}

// placement reads MySQL's FIRST or AFTER column.
func (p *parser) placement() (first bool, after string) {
	if p.d != MySQL {
		return false, ""
	}
	if p.acceptWords("FIRST") {
		return true, ""
	}
	if p.acceptWords("AFTER") {
		return false, p.name("column name")
	}
	return false, ""
}

// addAction reads the rest of ADD: a constraint, a key, one column or
// MySQL's parenthesised column list.
func (p *parser) addAction(start int) []AlterAction {
	if p.constraintStart() {
		ac := &AddConstraint{Constraint: p.tableConstraint()}
		ac.Pos = p.span(start)
		return []AlterAction{ac}
	}
	p.acceptWords("COLUMN")
	ifNotExists := p.acceptWords("IF", "NOT", "EXISTS")
	if p.d == MySQL && p.acceptPunct('(') {
		var actions []AlterAction
		for {
			c := p.columnDef()
			actions = append(actions, &AddColumn{Pos: c.Pos, IfNotExists: ifNotExists, Column: c})
			if !p.acceptPunct(',') {
				break
			}
		}
		p.expectPunct(')')
		return actions
	}
	a := &AddColumn{IfNotExists: ifNotExists, Column: p.columnDef()}
	a.First, a.After = p.placement()
	a.Pos = p.span(start)
	return []AlterAction{a}
}

// behavior reads CASCADE or RESTRICT, "" when neither comes next.
func (p *parser) behavior() string { return p.acceptAnyWord("CASCADE", "RESTRICT") }

// dropAction reads the rest of DROP: a column, a constraint or (MySQL) an
// index, foreign key, primary key or check.
func (p *parser) dropAction(start int) AlterAction {
	dc := &DropConstraint{}
	switch {
	case p.acceptWords("CONSTRAINT"):
		dc.Type = AnyConstraint
	case p.d == MySQL && p.acceptAnyWord("INDEX", "KEY") != "":
		dc.Type = Index
	case p.d == MySQL && p.acceptWords("FOREIGN", "KEY"):
		dc.Type = ForeignKey
	case p.d == MySQL && p.acceptWords("PRIMARY", "KEY"):
		dc.Type = PrimaryKey
		dc.Pos = p.span(start)
		return dc
	case p.d == MySQL && p.acceptWords("CHECK"):
		dc.Type = Check
	default:
		p.acceptWords("COLUMN")
		d := &DropColumn{IfExists: p.acceptWords("IF", "EXISTS")}
		d.Name = p.name("column name")
		d.Behavior = p.behavior()
		d.Pos = p.span(start)
		return d
	}
	dc.IfExists = p.acceptWords("IF", "EXISTS")
	dc.Name = p.name(strings.ToLower(dc.Type.String()) + " name")
	dc.Behavior = p.behavior()
	dc.Pos = p.span(start)
	return dc
}

// renameAction reads the rest of RENAME: TO|AS table, COLUMN a TO b,
// CONSTRAINT a TO b, INDEX|KEY a TO b, or a TO b.
func (p *parser) renameAction(start int) AlterAction {
	var a AlterAction
	switch {
	case p.acceptWords("TO"), p.d == MySQL && p.acceptWords("AS"):
		a = &RenameTable{To: p.objectName("new table name")}
	case p.d == MySQL && p.acceptAnyWord("INDEX", "KEY") != "":
		r := &RenameIndex{From: p.name("index name")}
		p.expectWords("TO")
		r.To = p.name("new index name")
		a = r
	default:
		r := &RenameColumn{}
		if p.acceptWords("CONSTRAINT") {
			p.only("RENAME CONSTRAINT", Postgres)
			r.Constraint = true
		} else {
			p.acceptWords("COLUMN")
		}
		r.From = p.name("column name")
		p.expectWords("TO")
		r.To = p.name("new name")
		a = r
	}
	setPos(a, p.span(start))
	return a
}

// setPos sets the position of a rename action.
func setPos(a AlterAction, pos Pos) {
	switch a := a.(type) {
	case *RenameTable:
		a.Pos = pos
	case *RenameIndex:
		a.Pos = pos
	case *RenameColumn:
		a.Pos = pos
	}
}

// alterColumn reads the rest of ALTER [COLUMN] name ...; it returns nil
// for the forms it does not model, which become an *OtherAction.
func (p *parser) alterColumn(start int) AlterAction {
	p.acceptWords("COLUMN")
	if p.peek().kind != tWord && p.peek().kind != tQIdent {
		return nil
	}
	ac := &AlterColumn{Column: p.name("column name")}
	switch {
	case p.acceptWords("SET", "NOT", "NULL"):
		ac.Action = "SET NOT NULL"
	case p.acceptWords("DROP", "NOT", "NULL"):
		ac.Action = "DROP NOT NULL"
	case p.acceptWords("SET", "DEFAULT"):
		ac.Action = "SET DEFAULT"
		ac.Default = p.exprUntil("default expression", nil)
	case p.acceptWords("DROP", "DEFAULT"):
		ac.Action = "DROP DEFAULT"
	case p.acceptWords("SET", "VISIBLE"):
		ac.Action = "SET VISIBLE"
	case p.acceptWords("SET", "INVISIBLE"):
		ac.Action = "SET INVISIBLE"
	case p.d == Postgres && (p.acceptWords("SET", "DATA", "TYPE") || p.acceptWords("TYPE")):
		ac.Action = "TYPE"
		ac.Type = p.typeName(func() bool { return p.isAnyWord("COLLATE", "USING") })
		if ac.Type == "" {
			p.fail("type name")
		}
		if p.acceptWords("COLLATE") {
			ac.Collate = p.objectName("collation name").String()
		}
		if p.acceptWords("USING") {
			ac.Using = p.exprUntil("USING expression", nil)
		}
	default:
		return nil
	}
	ac.Pos = p.span(start)
	return ac
}
