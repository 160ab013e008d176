package ddl

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// SyntaxError reports why a statement could not be parsed.
type SyntaxError struct {
	// Offset is the byte offset of the offending token in the source.
	Offset int
	// Expected says what the grammar allows there (`"ON"`, "column
	// name", `"," or ")"`); Found is the token that was there, quoted as
	// written, or "end of statement". Both are "" when Msg is set.
	Expected, Found string
	// Msg describes errors that are not a wrong token: an unterminated
	// string, a clause of another dialect.
	Msg string
}

// Error returns "offset N: expected X, found Y" or "offset N: Msg".
func (e *SyntaxError) Error() string {
	if e.Msg != "" {
		return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg)
	}
	return fmt.Sprintf("offset %d: expected %s, found %s", e.Offset, e.Expected, e.Found)
}

// LineCol returns the 1-based line and byte column of offset in src, for
// messages. An offset outside src is clamped to it.
func LineCol(src string, offset int) (line, col int) {
	offset = max(0, min(offset, len(src)))
	before := src[:offset]
	line = 1 + strings.Count(before, "\n")
	return line, offset - strings.LastIndexByte(before, '\n')
}

// Parse splits src as Split does and parses every statement. A statement
// that cannot be parsed becomes an *Invalid in its place; the others are
// parsed all the same. Positions are byte offsets in src.
func Parse(src string, d Dialect) []Statement { return parse(src, d, false) }

// ParseFile is Parse for a Bun SQL migration file: src is split as
// SplitFile splits it, and a line Bun rejects becomes an *Invalid whose
// Keywords are "--bun:".
func ParseFile(src string, d Dialect) []Statement { return parse(src, d, true) }

func parse(src string, d Dialect, file bool) []Statement {
	var stmts []Statement
	walk(src, d, file, func(r rawStmt, bad error) {
		if bad != nil {
			stmts = append(stmts, &Invalid{
				Pos: r.pos, Keywords: "--bun:", Text: r.pos.Source(src),
				Err: &SyntaxError{Offset: r.pos.Offset, Msg: bad.Error()},
			})
			return
		}
		stmts = append(stmts, parseRaw(src, d, r))
	})
	return stmts
}

// ParseStatement parses src, which must hold exactly one statement (a
// trailing ";" is allowed). A statement that cannot be parsed is returned
// as an *Invalid together with its *SyntaxError.
func ParseStatement(src string, d Dialect) (Statement, error) {
	d.check()
	raws := splitTokens(src, d, 0, len(src))
	switch {
	case len(raws) == 0:
		return nil, &SyntaxError{Offset: len(src), Expected: "a statement", Found: "end of input"}
	case len(raws) > 1:
		return nil, &SyntaxError{Offset: raws[1].pos.Offset, Msg: "more than one statement"}
	}
	st := parseRaw(src, d, raws[0])
	if inv, ok := st.(*Invalid); ok {
		return st, inv.Err
	}
	return st, nil
}

// parser parses the tokens of one statement. Errors unwind with a bailout
// panic, recovered in parseRaw; the grammar has no recursive rule
// (expressions are skipped with a bracket counter), so the stack depth is
// bounded whatever the input.
type parser struct {
	src  string
	d    Dialect
	toks []token
	i    int
	eof  token
	kind string // what the statement was recognised as, for *Invalid
}

// bailout carries a syntax error up to parseRaw.
type bailout struct{ err *SyntaxError }

// newParser returns a parser for the tokens of r.
func newParser(src string, d Dialect, r rawStmt) *parser {
	return &parser{src: src, d: d, toks: r.toks, eof: token{kind: tEOF, start: r.pos.End, end: r.pos.End}}
}

// try runs f and returns the syntax error it bailed out with, if any. An
// unterminated quote or comment at the end of the tokens is reported before
// f runs.
func (p *parser) try(f func()) (err *SyntaxError) {
	defer func() {
		if e := recover(); e != nil {
			b, ok := e.(bailout)
			if !ok {
				panic(e)
			}
			err = b.err
		}
	}()
	if last := p.toks[len(p.toks)-1]; last.kind == tError {
		p.i = len(p.toks) - 1
		p.failMsg(last.err)
	}
	f()
	return nil
}

// parseRaw parses one statement.
func parseRaw(src string, d Dialect, r rawStmt) Statement {
	p := newParser(src, d, r)
	var st Statement
	err := p.try(func() {
		switch {
		case p.isWord("CREATE"):
			st = p.create()
		case p.isWord("ALTER"):
			st = p.alter()
		case p.isWord("DROP"):
			st = p.drop()
		}
		if st == nil {
			st = p.unknown("")
		}
	})
	if err != nil {
		kind := p.kind
		if kind == "" {
			kind = leadingKeywords(src, r.toks)
		}
		return &Invalid{Pos: r.pos, Keywords: kind, Text: r.pos.Source(src), Err: err}
	}
	return st
}

// ParseForeignKey parses the text given to Bun's
// CreateTableQuery.ForeignKey, which Bun appends after "FOREIGN KEY":
// "(cols) REFERENCES table (cols) [ON DELETE ...] [ON UPDATE ...]". The
// result has Type ForeignKey; positions are offsets in fragment.
func ParseForeignKey(fragment string, d Dialect) (*Constraint, error) {
	d.check()
	raws := splitTokens(fragment, d, 0, len(fragment))
	switch {
	case len(raws) == 0:
		return nil, &SyntaxError{Offset: len(fragment), Expected: `"("`, Found: "end of input"}
	case len(raws) > 1:
		return nil, &SyntaxError{Offset: raws[1].pos.Offset, Msg: "a foreign key clause holds one clause, not several statements"}
	}
	p := newParser(fragment, d, raws[0])
	c := &Constraint{Type: ForeignKey}
	if err := p.try(func() {
		p.foreignKeyBody(c)
		p.expectEnd()
	}); err != nil {
		return nil, err
	}
	c.Pos = raws[0].pos
	return c, nil
}

// unknown returns the statement as *Unknown, with the given keywords or,
// when "", its leading keywords.
func (p *parser) unknown(keywords string) *Unknown {
	if keywords == "" {
		keywords = leadingKeywords(p.src, p.toks)
	}
	pos := p.stmtPos()
	return &Unknown{Pos: pos, Keywords: keywords, Text: pos.Source(p.src)}
}

func (p *parser) stmtPos() Pos { return Pos{p.toks[0].start, p.eof.start} }

// --- token access ---

func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.eof
}

func (p *parser) peek() token { return p.peekAt(0) }

func (p *parser) next() token {
	t := p.peek()
	if p.i < len(p.toks) {
		p.i++
	}
	return t
}

func (p *parser) text(t token) string { return p.src[t.start:t.end] }

func (p *parser) atEnd() bool { return p.i >= len(p.toks) }

// wordAt reports whether the token k ahead is the bare word kw (any case).
func (p *parser) wordAt(k int, kw string) bool {
	t := p.peekAt(k)
	return t.kind == tWord && strings.EqualFold(p.text(t), kw)
}

func (p *parser) isWord(kw string) bool { return p.wordAt(0, kw) }

// isAnyWord reports whether the next token is one of the bare words kws.
func (p *parser) isAnyWord(kws ...string) bool { return p.isAnyWordAt(0, kws...) }

// isAnyWordAt reports whether the token k ahead is one of the bare words
// kws.
func (p *parser) isAnyWordAt(k int, kws ...string) bool {
	for _, kw := range kws {
		if p.wordAt(k, kw) {
			return true
		}
	}
	return false
}

// isWords reports whether the next tokens are the bare words kws.
func (p *parser) isWords(kws ...string) bool {
	for k, kw := range kws {
		if !p.wordAt(k, kw) {
			return false
		}
	}
	return true
}

// acceptWords consumes the bare words kws if they come next.
func (p *parser) acceptWords(kws ...string) bool {
	if !p.isWords(kws...) {
		return false
	}
	p.i += len(kws)
	return true
}

// expectWords consumes the bare words kws or fails.
func (p *parser) expectWords(kws ...string) {
	for _, kw := range kws {
		if !p.acceptWords(kw) {
			p.fail(strconv.Quote(kw))
		}
	}
}

// acceptAnyWord consumes and returns, in upper case, the next token if it
// is one of the bare words kws; else it returns "".
func (p *parser) acceptAnyWord(kws ...string) string {
	for _, kw := range kws {
		if p.acceptWords(kw) {
			return kw
		}
	}
	return ""
}

func (p *parser) isPunct(c byte) bool {
	t := p.peek()
	return t.kind == tPunct && p.src[t.start] == c && t.end-t.start == 1
}

func (p *parser) acceptPunct(c byte) bool {
	if p.isPunct(c) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectPunct(c byte) {
	if !p.isPunct(c) {
		p.fail(strconv.Quote(string(c)))
	}
	p.next()
}

// expectEnd fails unless the statement is over.
func (p *parser) expectEnd() {
	if !p.atEnd() {
		p.fail("end of statement")
	}
}

// --- errors ---

// describe names a token for an error message.
func (p *parser) describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of statement"
	case tError:
		return t.err
	case tParam:
		return "placeholder " + strconv.Quote(p.text(t)) + " (not resolvable statically)"
	}
	s := p.text(t)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return strconv.Quote(s)
}

// fail stops parsing: the next token is not what was expected.
func (p *parser) fail(expected string) {
	t := p.peek()
	panic(bailout{&SyntaxError{Offset: t.start, Expected: expected, Found: p.describe(t)}})
}

// failMsg stops parsing with a message about the next token.
func (p *parser) failMsg(msg string) { p.failAt(p.peek().start, msg) }

// failAt stops parsing with a message about the given offset.
func (p *parser) failAt(offset int, msg string) {
	panic(bailout{&SyntaxError{Offset: offset, Msg: msg}})
}

// only fails when the dialect is not one of ds: the next token starts a
// clause that only those dialects have.
func (p *parser) only(what string, ds ...Dialect) {
	if slices.Contains(ds, p.d) {
		return
	}
	p.failMsg(fmt.Sprintf("%s is not %s syntax", what, dialectTitle(p.d)))
}

func dialectTitle(d Dialect) string {
	switch d {
	case Postgres:
		return "PostgreSQL"
	case MySQL:
		return "MySQL"
	}
	return "SQLite"
}

// --- identifiers ---

// ident reads an identifier and returns its real name and whether it was
// quoted.
func (p *parser) ident(what string) (name string, pos Pos, quoted bool) {
	t := p.peek()
	s := p.text(t)
	switch t.kind {
	case tWord:
		p.i++
		return p.d.FoldIdent(s), Pos{t.start, t.end}, false
	case tQIdent:
		if s[0] == '`' && p.d == Postgres {
			p.failMsg("backquoted identifiers are not PostgreSQL syntax (use double quotes)")
		}
		name = unquoteIdent(s)
		if name == "" {
			p.failMsg("empty quoted identifier")
		}
		p.i++
		return name, Pos{t.start, t.end}, true
	}
	p.fail(what)
	panic("unreachable")
}

// unquoteIdent removes an identifier's quotes and undoes doubled quotes.
func unquoteIdent(s string) string {
	q := s[0]
	body := s[1 : len(s)-1]
	if q == '[' {
		return body
	}
	d := string([]byte{q, q})
	return strings.ReplaceAll(body, d, d[:1])
}

// name reads an identifier's real name.
func (p *parser) name(what string) string {
	n, _, _ := p.ident(what)
	return n
}

// objectName reads a possibly schema-qualified name.
func (p *parser) objectName(what string) Name {
	start := p.peek().start
	n, pos, q := p.ident(what)
	out := Name{Name: n, Quoted: q}
	if p.acceptPunct('.') {
		out.Schema = n
		out.Name, pos, out.Quoted = p.ident(what)
	}
	out.Pos = Pos{start, pos.End}
	out.Raw = out.Source(p.src)
	return out
}

// nameList reads "(a, b, ...)" and returns the real names.
func (p *parser) nameList(what string) []string {
	p.expectPunct('(')
	var names []string
	for {
		names = append(names, p.name(what))
		if !p.acceptPunct(',') {
			break
		}
	}
	p.expectPunct(')')
	return names
}
