package ddl

import (
	"strconv"
	"strings"
)

// create parses a CREATE statement; it returns nil for the CREATE
// statements this package does not model.
func (p *parser) create() Statement {
	p.expectWords("CREATE")
	if p.isWords("OR", "REPLACE") {
		// MariaDB's CREATE OR REPLACE TABLE/INDEX is not modelled; name it
		// so that it is not mistaken for a plain CREATE TABLE/INDEX.
		if kw := leadingKeywords(p.src, p.toks); kw == "CREATE TABLE" || kw == "CREATE INDEX" {
			return p.unknown("CREATE OR REPLACE " + strings.TrimPrefix(kw, "CREATE "))
		}
		return nil
	}
	var temp, unlogged bool
	switch {
	case p.acceptWords("TEMP"), p.acceptWords("TEMPORARY"),
		p.acceptWords("GLOBAL", "TEMPORARY"), p.acceptWords("LOCAL", "TEMPORARY"),
		p.acceptWords("GLOBAL", "TEMP"), p.acceptWords("LOCAL", "TEMP"):
		temp = true
	case p.acceptWords("UNLOGGED"):
		unlogged = true
	}
	if p.isWord("TABLE") {
		p.kind = "CREATE TABLE"
		return p.createTable(temp, unlogged)
	}
	if temp || unlogged {
		return nil
	}
	// MariaDB's CREATE [ONLINE|OFFLINE] [UNIQUE|FULLTEXT|SPATIAL] INDEX.
	k := 0
	if p.d == MySQL && (p.isWord("ONLINE") || p.isWord("OFFLINE")) {
		k = 1
	}
	for _, kw := range [...]string{"UNIQUE", "FULLTEXT", "SPATIAL"} {
		if p.wordAt(k, kw) {
			k++
			break
		}
	}
	if !p.wordAt(k, "INDEX") {
		return nil
	}
	p.kind = "CREATE INDEX"
	return p.createIndex()
}

// createIndex parses CREATE INDEX from its optional ONLINE/OFFLINE and
// UNIQUE/FULLTEXT/SPATIAL on.
func (p *parser) createIndex() *CreateIndex {
	ci := &CreateIndex{}
	p.acceptAnyWord("ONLINE", "OFFLINE")
	switch {
	case p.acceptWords("UNIQUE"):
		ci.Unique = true
	case p.isWord("FULLTEXT"), p.isWord("SPATIAL"):
		p.only(strings.ToUpper(p.text(p.peek()))+" INDEX", MySQL)
		ci.Type = p.acceptAnyWord("FULLTEXT", "SPATIAL")
	}
	p.expectWords("INDEX")
	if p.isWord("CONCURRENTLY") {
		p.only("CONCURRENTLY", Postgres)
		p.next()
		ci.Concurrently = true
	}
	ci.IfNotExists = p.acceptWords("IF", "NOT", "EXISTS")
	switch {
	case !p.isWord("ON"):
		ci.Name = p.objectName("index name")
	case p.d != Postgres || ci.IfNotExists:
		p.fail("index name") // only PostgreSQL's plain CREATE INDEX ON t may omit it
	}
	if p.isWord("USING") {
		p.only("USING before ON", MySQL)
		p.next()
		ci.Using = strings.ToLower(p.name("index method"))
	}
	p.expectWords("ON")
	if p.isWord("ONLY") {
		p.only("ON ONLY", Postgres)
		p.next()
		ci.Only = true
	}
	ci.Table = p.objectName("table name")
	if p.acceptWords("USING") {
		ci.Using = strings.ToLower(p.name("index method"))
	}
	ci.Parts = p.indexParts()
	switch p.d {
	case Postgres:
		if p.acceptWords("INCLUDE") {
			ci.Include = p.nameList("column name")
		}
		ci.NullsNotDistinct = p.acceptWords("NULLS", "NOT", "DISTINCT")
		if !ci.NullsNotDistinct {
			p.acceptWords("NULLS", "DISTINCT")
		}
		if p.acceptWords("WITH") {
			ci.With = p.parenExpr("storage parameter")
		}
		if p.acceptWords("TABLESPACE") {
			ci.Tablespace = p.name("tablespace name")
		}
		if p.acceptWords("WHERE") {
			ci.Where = p.exprUntil("predicate", nil)
		}
	case SQLite:
		if p.acceptWords("WHERE") {
			ci.Where = p.exprUntil("predicate", nil)
		}
	case MySQL:
		if p.isWord("WHERE") {
			p.failMsg("WHERE (a partial index) is not MySQL syntax")
		}
		if p.acceptWords("USING") {
			ci.Using = strings.ToLower(p.name("index method"))
		}
		ci.Options = p.rest()
	}
	p.expectEnd()
	ci.Pos = p.stmtPos()
	return ci
}

// indexParts reads "(part, ...)".
func (p *parser) indexParts() []IndexPart {
	p.expectPunct('(')
	var parts []IndexPart
	for {
		parts = append(parts, p.indexPart())
		if !p.acceptPunct(',') {
			break
		}
	}
	p.expectPunct(')')
	return parts
}

// partEnd reports whether the next token ends an index part's column or
// expression.
func (p *parser) partEnd() bool {
	return p.isAnyWord("ASC", "DESC", "NULLS", "COLLATE")
}

// indexPart reads one index element: a column, MySQL's col(length), a
// function call, a parenthesised expression or (SQLite) any expression,
// then COLLATE, an operator class (PostgreSQL), ASC|DESC and
// NULLS FIRST|LAST as the dialect allows.
func (p *parser) indexPart() IndexPart {
	var part IndexPart
	start := p.peek().start
	from := p.i
	t := p.peek()
	switch {
	case p.isPunct('('):
		part.Expr = p.balanced()
	case (t.kind == tWord || t.kind == tQIdent) && p.peekAt(1).kind == tPunct && p.text(p.peekAt(1)) == "(":
		if p.d == MySQL {
			part.Column = p.name("column name")
			p.expectPunct('(')
			n := p.peek()
			v, err := strconv.Atoi(p.text(n))
			if n.kind != tNumber || err != nil || v <= 0 {
				p.fail("prefix length (MySQL writes an expression key part in its own parentheses: ((expr)))")
			}
			p.next()
			part.PrefixLen = v
			p.expectPunct(')')
			break
		}
		p.next()
		p.balanced()
		part.Expr = p.exprFrom(from, p.i, false)
	case t.kind == tWord && p.d == Postgres && p.peekAt(1).kind == tPunct && p.text(p.peekAt(1)) == "." &&
		p.peekAt(3).kind == tPunct && p.text(p.peekAt(3)) == "(":
		p.i += 3 // schema.function(...)
		p.balanced()
		part.Expr = p.exprFrom(from, p.i, false)
	default:
		part.Column = p.name("column name or expression")
	}
	if p.d == SQLite && !p.atPartListEnd() && !p.partEnd() {
		// Any expression: a + b, x COLLATE ... is handled below.
		p.scan(p.partEnd, true)
		part.Column = ""
		part.Expr = p.exprFrom(from, p.i, false)
	}
	if p.acceptWords("COLLATE") {
		p.only("COLLATE in an index part", Postgres, SQLite)
		part.Collate = p.objectName("collation name").String()
	}
	if p.d == Postgres && (p.peek().kind == tWord || p.peek().kind == tQIdent) && !p.partEnd() {
		opFrom := p.i
		p.objectName("operator class")
		if p.isPunct('(') {
			p.balanced()
		}
		part.OpClass = p.exprFrom(opFrom, p.i, false).Text
	}
	if p.acceptAnyWord("ASC", "DESC") == "DESC" {
		part.Desc = true
	}
	if p.isWord("NULLS") {
		p.only("NULLS FIRST|LAST", Postgres, SQLite)
		p.next()
		part.Nulls = p.acceptAnyWord("FIRST", "LAST")
		if part.Nulls == "" {
			p.fail(`"FIRST" or "LAST"`)
		}
	}
	if !p.atPartListEnd() {
		p.fail(`"," or ")"`)
	}
	part.Pos = Pos{start, p.toks[p.i-1].end}
	return part
}

// atPartListEnd reports whether the next token is "," or ")".
func (p *parser) atPartListEnd() bool { return p.isPunct(',') || p.isPunct(')') }
