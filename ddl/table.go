package ddl

import "strings"

// createTable parses CREATE [TEMP|UNLOGGED] TABLE from TABLE on. The forms
// without a column list (AS SELECT, LIKE, PARTITION OF, OF type) come back
// as *Unknown with Keywords naming the form.
func (p *parser) createTable(temp, unlogged bool) Statement {
	p.expectWords("TABLE")
	ct := &CreateTable{Temporary: temp, Unlogged: unlogged}
	ct.IfNotExists = p.acceptWords("IF", "NOT", "EXISTS")
	ct.Name = p.objectName("table name")
	for _, form := range [...][]string{{"AS"}, {"LIKE"}, {"PARTITION", "OF"}, {"OF"}, {"SELECT"}} {
		if p.isWords(form...) {
			return p.unknown("CREATE TABLE " + strings.Join(form, " "))
		}
	}
	p.expectPunct('(')
	if p.isWord("LIKE") {
		return p.unknown("CREATE TABLE LIKE")
	}
	if !p.isPunct(')') { // PostgreSQL allows a table without columns
		for {
			if p.constraintStart() {
				ct.Constraints = append(ct.Constraints, p.tableConstraint())
			} else {
				ct.Columns = append(ct.Columns, p.columnDef())
			}
			if !p.acceptPunct(',') {
				break
			}
		}
	}
	p.expectPunct(')')
	from := p.i
	p.i = len(p.toks)
	if from < p.i {
		ct.Options = p.exprFrom(from, p.i, false)
	}
	ct.Pos = p.stmtPos()
	return ct
}

// constraintStart reports whether a table constraint (rather than a column
// definition) comes next.
func (p *parser) constraintStart() bool {
	switch {
	case p.isAnyWord("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
		return true
	case p.isWord("EXCLUDE"):
		return p.d == Postgres && (p.wordAt(1, "USING") || p.peekAt(1).kind == tPunct)
	case p.isAnyWord("INDEX", "KEY", "FULLTEXT", "SPATIAL"):
		return p.d == MySQL
	}
	return false
}

// columnStop reports whether the next token starts a column attribute, so
// that a type or a DEFAULT expression ends before it.
func (p *parser) columnStop() bool {
	switch {
	case p.isAnyWord("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
		"CONSTRAINT", "GENERATED", "AS", "AUTO_INCREMENT", "AUTOINCREMENT", "COLLATE",
		"COMMENT", "ON", "KEY", "VISIBLE", "INVISIBLE", "CHARSET", "STORAGE", "COMPRESSION",
		"COLUMN_FORMAT", "SRID", "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE",
		"DEFERRABLE", "INITIALLY"):
		return true
	case p.isWords("CHARACTER", "SET"):
		return true
	case p.d == MySQL && p.isAnyWord("FIRST", "AFTER"):
		return true
	}
	return false
}

// atElementEnd reports whether a column definition or constraint is over.
func (p *parser) atElementEnd() bool {
	return p.atEnd() || p.isPunct(',') || p.isPunct(')') ||
		p.d == MySQL && p.isAnyWord("FIRST", "AFTER")
}

// typeName reads a column type up to the next column attribute.
func (p *parser) typeName(stop func() bool) string {
	if p.atElementEnd() || stop() {
		return ""
	}
	from, to := p.scan(stop, true)
	if from == to { // a stray "]"; the caller reports it
		return ""
	}
	return p.exprFrom(from, to, true).Text
}

// columnDef reads a column definition: name, type and attributes.
func (p *parser) columnDef() ColumnDef {
	var c ColumnDef
	c.Name, c.NamePos, _ = p.ident("column name")
	c.Type = p.typeName(p.columnStop)
	for !p.atElementEnd() {
		p.columnAttribute(&c)
	}
	c.Pos = Pos{c.NamePos.Offset, p.toks[p.i-1].end}
	return c
}

// extra appends the tokens from index from to the column's Extra.
func (p *parser) extra(c *ColumnDef, from int) {
	c.Extra = append(c.Extra, p.exprFrom(from, p.i, false).Text)
}

// columnAttribute reads one column attribute (constraint or option).
func (p *parser) columnAttribute(c *ColumnDef) {
	from := p.i
	switch {
	case p.acceptWords("CONSTRAINT"):
		name := p.name("constraint name")
		if p.isWord("REFERENCES") {
			c.References = p.references()
			c.References.Name = name
			return
		}
		p.extra(c, from)
	case p.acceptWords("NOT", "NULL"):
		c.NotNull = true
	case p.acceptWords("NULL"):
		c.Null = true
	case p.acceptWords("DEFAULT"):
		c.Default = p.exprUntil("default expression", p.columnStop)
	case p.acceptWords("PRIMARY", "KEY"):
		c.PrimaryKey = true
		if p.acceptAnyWord("ASC", "DESC") != "" {
			p.extra(c, from)
		}
	case p.isWord("KEY"):
		p.only("KEY as a column attribute", MySQL)
		p.next()
		c.PrimaryKey = true
	case p.acceptWords("UNIQUE"):
		c.Unique = true
		if p.d == MySQL {
			p.acceptWords("KEY")
		}
		if p.acceptWords("NULLS", "NOT", "DISTINCT") || p.acceptWords("NULLS", "DISTINCT") {
			p.extra(c, from)
		}
	case p.isWord("REFERENCES"):
		c.References = p.references()
	case p.acceptWords("CHECK"):
		c.Checks = append(c.Checks, *p.parenExpr("check expression"))
		p.checkTail()
	case p.isWord("GENERATED"), p.isWord("AS"):
		p.generated(c)
	case p.acceptWords("AUTO_INCREMENT"), p.acceptWords("AUTOINCREMENT"):
		c.AutoIncrement = true
	case p.acceptWords("COLLATE"):
		c.Collate = p.objectName("collation name").String()
	case p.acceptWords("CHARACTER", "SET"), p.acceptWords("CHARSET"):
		c.Charset = p.name("character set")
	case p.acceptWords("COMMENT"):
		c.Comment = p.text(p.expectKind(tString, "comment string"))
	case p.isWords("ON", "UPDATE"):
		p.only("ON UPDATE as a column attribute", MySQL)
		p.i += 2
		c.OnUpdate = p.exprUntil("ON UPDATE expression", p.columnStop)
	case p.isWords("ON", "CONFLICT"):
		p.only("ON CONFLICT", SQLite)
		p.i += 2
		p.name("conflict resolution")
		p.extra(c, from)
	case p.acceptWords("VISIBLE"):
	case p.acceptWords("INVISIBLE"):
		c.Invisible = true
	case p.acceptWords("DEFERRABLE"):
		if c.References != nil {
			c.References.Deferrable = true
		}
	case p.acceptWords("NOT", "DEFERRABLE"):
	case p.acceptWords("INITIALLY"):
		p.initially(c.References)
	case p.acceptAnyWord("STORAGE", "COMPRESSION", "COLUMN_FORMAT", "SRID") != "":
		p.next()
		p.extra(c, from)
	case p.acceptAnyWord("ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE") != "":
		p.acceptOp('=')
		p.expectKind(tString, "attribute string")
		p.extra(c, from)
	default:
		p.fail(`column attribute (NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES, ...), "," or ")"`)
	}
}

// expectKind consumes a token of the given kind or fails.
func (p *parser) expectKind(k tokKind, what string) token {
	if p.peek().kind != k {
		p.fail(what)
	}
	return p.next()
}

// acceptOp consumes a single-character operator c if it comes next.
func (p *parser) acceptOp(c byte) {
	if t := p.peek(); t.kind == tOp && p.src[t.start] == c {
		p.i++
	}
}

// generated reads GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(...)],
// [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL|PERSISTENT].
func (p *parser) generated(c *ColumnDef) {
	start := p.peek().start
	if p.isWord("AS") {
		p.only("AS (expr) without GENERATED ALWAYS", MySQL, SQLite)
	}
	if p.acceptWords("GENERATED") {
		switch {
		case p.acceptWords("ALWAYS"):
			c.Identity = "ALWAYS"
		case p.acceptWords("BY", "DEFAULT"):
			c.Identity = "BY DEFAULT"
		default:
			p.fail(`"ALWAYS" or "BY DEFAULT"`)
		}
	}
	p.expectWords("AS")
	if p.isWord("IDENTITY") {
		p.only("AS IDENTITY", Postgres)
		p.next()
		if c.Identity == "" {
			p.fail(`"GENERATED"`)
		}
		if p.isPunct('(') {
			p.balanced()
		}
		return
	}
	if c.Identity == "BY DEFAULT" {
		p.fail(`"IDENTITY"`)
	}
	c.Identity = ""
	g := &Generated{Expr: *p.parenExpr("generation expression")}
	switch p.acceptAnyWord("STORED", "VIRTUAL", "PERSISTENT") {
	case "STORED", "PERSISTENT":
		g.Storage = "STORED"
	case "VIRTUAL":
		g.Storage = "VIRTUAL"
	}
	g.Pos = Pos{start, p.toks[p.i-1].end}
	c.Generated = g
}

// checkTail skips what may follow CHECK (...): NO INHERIT, NOT VALID and
// [NOT] ENFORCED.
func (p *parser) checkTail() {
	for {
		more := p.acceptWords("NO", "INHERIT") || p.acceptWords("NOT", "ENFORCED") || p.acceptWords("ENFORCED")
		if !more {
			return
		}
	}
}

// initially reads DEFERRED|IMMEDIATE after INITIALLY and records it on r.
func (p *parser) initially(r *Reference) {
	switch p.acceptAnyWord("DEFERRED", "IMMEDIATE") {
	case "DEFERRED":
		if r != nil {
			r.InitiallyDeferred = true
		}
	case "":
		p.fail(`"DEFERRED" or "IMMEDIATE"`)
	}
}

// references reads REFERENCES table [(cols)] [MATCH ...] [ON DELETE a]
// [ON UPDATE a] [[NOT] DEFERRABLE] [INITIALLY ...].
func (p *parser) references() *Reference {
	start := p.peek().start
	p.expectWords("REFERENCES")
	r := &Reference{Table: p.objectName("referenced table name")}
	if p.isPunct('(') {
		r.Columns = p.nameList("referenced column name")
	}
	for {
		switch {
		case p.acceptWords("MATCH"):
			r.Match = p.acceptAnyWord("FULL", "PARTIAL", "SIMPLE")
			if r.Match == "" {
				p.fail(`"FULL", "PARTIAL" or "SIMPLE"`)
			}
		case p.isWords("ON", "DELETE"), p.isWords("ON", "UPDATE") && p.referentialActionAt(2):
			p.next()
			if p.acceptWords("DELETE") {
				r.OnDelete = p.referentialAction()
			} else {
				p.next()
				r.OnUpdate = p.referentialAction()
			}
		case p.acceptWords("DEFERRABLE"):
			r.Deferrable = true
		case p.acceptWords("NOT", "DEFERRABLE"):
		case p.acceptWords("INITIALLY"):
			p.initially(r)
		default:
			r.Pos = Pos{start, p.toks[p.i-1].end}
			return r
		}
	}
}

// referentialActionAt reports whether a referential action starts k tokens
// ahead (MySQL's column ON UPDATE CURRENT_TIMESTAMP is not one).
func (p *parser) referentialActionAt(k int) bool {
	for _, kw := range [...]string{"CASCADE", "RESTRICT", "SET", "NO"} {
		if p.wordAt(k, kw) {
			return true
		}
	}
	return false
}

// referentialAction reads CASCADE, RESTRICT, SET NULL [(cols)],
// SET DEFAULT [(cols)] or NO ACTION.
func (p *parser) referentialAction() string {
	switch {
	case p.acceptWords("CASCADE"):
		return "CASCADE"
	case p.acceptWords("RESTRICT"):
		return "RESTRICT"
	case p.acceptWords("NO", "ACTION"):
		return "NO ACTION"
	case p.acceptWords("SET", "NULL"), p.acceptWords("SET", "DEFAULT"):
		action := "SET " + strings.ToUpper(p.text(p.toks[p.i-1]))
		if p.isPunct('(') {
			p.only("a column list in SET NULL/SET DEFAULT", Postgres)
			action += " " + p.balanced().Text
		}
		return action
	}
	p.fail(`"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT" or "NO ACTION"`)
	panic("unreachable")
}

// tableConstraint reads a table constraint or MySQL inline key.
func (p *parser) tableConstraint() Constraint {
	start := p.peek().start
	var c Constraint
	if p.acceptWords("CONSTRAINT") && !p.isAnyWord("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE") {
		c.Name = p.name("constraint name")
	}
	switch {
	case p.acceptWords("PRIMARY", "KEY"):
		c.Type = PrimaryKey
		p.keyBody(&c, false)
	case p.acceptWords("UNIQUE"):
		c.Type = Unique
		if p.d == MySQL {
			p.acceptAnyWord("INDEX", "KEY")
		}
		c.NullsNotDistinct = p.acceptWords("NULLS", "NOT", "DISTINCT")
		p.keyBody(&c, p.d == MySQL)
	case p.d == MySQL && p.isAnyWord("INDEX", "KEY", "FULLTEXT", "SPATIAL"):
		c.Type = Index
		c.IndexType = p.acceptAnyWord("FULLTEXT", "SPATIAL")
		if p.acceptAnyWord("INDEX", "KEY") == "" && c.IndexType == "" {
			p.fail(`"INDEX" or "KEY"`)
		}
		p.keyBody(&c, true)
	case p.acceptWords("FOREIGN", "KEY"):
		c.Type = ForeignKey
		if p.d == MySQL && !p.isPunct('(') {
			c.Name = p.name("foreign key name")
		}
		p.foreignKeyBody(&c)
	case p.acceptWords("CHECK"):
		c.Type = Check
		c.Check = p.parenExpr("check expression")
		p.checkTail()
		c.NotValid = p.acceptWords("NOT", "VALID")
		p.checkTail()
	case p.d == Postgres && p.acceptWords("EXCLUDE"):
		c.Type = Exclude
		c.Check = p.exprUntil("exclusion constraint", nil)
	default:
		p.fail(`"PRIMARY KEY", "UNIQUE", "FOREIGN KEY" or "CHECK"`)
	}
	if p.isWord("WHERE") {
		p.failMsg("a constraint or key cannot be partial (WHERE): use CREATE UNIQUE INDEX ... WHERE")
	}
	c.Options = p.rest()
	c.Pos = Pos{start, p.toks[p.i-1].end}
	return c
}

// foreignKeyBody reads "(cols) REFERENCES ..." [NOT VALID].
func (p *parser) foreignKeyBody(c *Constraint) {
	c.Columns = p.nameListParts("column name")
	if !p.isWord("REFERENCES") {
		p.fail(`"REFERENCES"`)
	}
	c.References = p.references()
	c.NotValid = p.acceptWords("NOT", "VALID")
}

// nameListParts reads "(a, b)" as index parts of plain columns.
func (p *parser) nameListParts(what string) []IndexPart {
	p.expectPunct('(')
	var parts []IndexPart
	for {
		name, pos, _ := p.ident(what)
		parts = append(parts, IndexPart{Pos: pos, Column: name})
		if !p.acceptPunct(',') {
			break
		}
	}
	p.expectPunct(')')
	return parts
}

// keyBody reads the rest of PRIMARY KEY, UNIQUE or a MySQL key: an
// optional name (named), USING method, USING INDEX name (PostgreSQL's
// ALTER TABLE ADD ... USING INDEX), the parts and INCLUDE.
func (p *parser) keyBody(c *Constraint, named bool) {
	if named && !p.isPunct('(') && !p.isWord("USING") {
		c.Name = p.name("index name")
	}
	if p.acceptWords("USING", "INDEX") {
		p.only("USING INDEX", Postgres)
		c.UsingIndex = p.name("index name")
		return
	}
	if p.acceptWords("USING") {
		c.Using = strings.ToLower(p.name("index method"))
	}
	c.Columns = p.indexParts()
	if p.acceptWords("USING") {
		c.Using = strings.ToLower(p.name("index method"))
	}
	if p.acceptWords("INCLUDE") {
		c.Include = p.nameList("column name")
	}
}
