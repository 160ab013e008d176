package ddl

import "strings"

// scan consumes tokens up to, not including, the first one at bracket depth
// 0 that ends an expression: an unmatched ")" or "]", a "," when commas is
// set, the end of the statement, or, after the first token, one for which
// stop (if not nil) returns true. CASE ... END counts as a bracket, so that
// DEFAULT CASE WHEN a THEN 1 ELSE NULL END does not end at NULL. It returns
// the range of token indexes consumed. Its work is linear: brackets are
// counted, not recursed into.
func (p *parser) scan(stop func() bool, commas bool) (from, to int) {
	from = p.i
	depth := 0
	for !p.atEnd() {
		t := p.peek()
		switch {
		case t.kind == tPunct:
			switch p.src[t.start] {
			case '(', '[':
				depth++
			case ')', ']':
				if depth == 0 {
					return from, p.i
				}
				depth--
			case ',':
				if depth == 0 && commas {
					return from, p.i
				}
			}
		case t.kind == tWord && p.isWord("CASE"):
			depth++
		case t.kind == tWord && depth > 0 && p.isWord("END"):
			depth--
		case depth == 0 && p.i > from && stop != nil && stop():
			return from, p.i
		}
		p.i++
	}
	return from, p.i
}

// exprUntil reads an expression that ends at a "," or unmatched ")" at
// depth 0, at the end of the statement, or before a token for which stop
// returns true (never before the first token).
func (p *parser) exprUntil(what string, stop func() bool) *Expr {
	from, to := p.scan(stop, true)
	if from == to {
		p.fail(what)
	}
	return p.exprFrom(from, to, false)
}

// parenExpr reads "( expr )" and returns expr, parentheses excluded.
func (p *parser) parenExpr(what string) *Expr {
	p.expectPunct('(')
	from, to := p.scan(nil, false)
	if from == to {
		p.fail(what)
	}
	p.expectPunct(')')
	return p.exprFrom(from, to, false)
}

// balanced reads "( ... )" and returns it, parentheses included.
func (p *parser) balanced() *Expr {
	from := p.i
	p.expectPunct('(')
	p.scan(nil, false)
	p.expectPunct(')')
	return p.exprFrom(from, p.i, false)
}

// rest returns the remaining tokens up to a "," or unmatched ")" at depth
// 0 or the end of the statement as an expression, nil when there are none.
func (p *parser) rest() *Expr {
	from, to := p.scan(nil, true)
	if from == to {
		return nil
	}
	return p.exprFrom(from, to, false)
}

// exprFrom builds an Expr from the statement's tokens [from, to).
func (p *parser) exprFrom(from, to int, tightParen bool) *Expr {
	toks := p.toks[from:to]
	pos := Pos{toks[0].start, toks[len(toks)-1].end}
	return &Expr{Pos: pos, Text: normalize(p.src, toks, tightParen), Raw: pos.Source(p.src)}
}

// normalize joins tokens as Expr.Text describes. With tightParen no space
// is kept before "(" either, as in type names: "varchar (20)" becomes
// "varchar(20)".
func normalize(src string, toks []token, tightParen bool) string {
	var b strings.Builder
	for i, t := range toks {
		cur := src[t.start:t.end]
		if i > 0 && spaceBefore(src, toks[i-1], t, cur, tightParen) {
			b.WriteByte(' ')
		}
		b.WriteString(cur)
	}
	return b.String()
}

// spaceBefore reports whether normalize puts a space between prev and t,
// whose text is cur.
func spaceBefore(src string, prev, t token, cur string, tightParen bool) bool {
	if t.kind == tPunct {
		switch cur {
		case ",", ")", "]", ".", "::", "[":
			return false
		case "(":
			if tightParen {
				return false
			}
		}
	}
	if prev.kind == tPunct {
		switch src[prev.start:prev.end] {
		case ",":
			return true
		case "(", "[", ".", "::":
			return false
		}
	}
	return t.space
}
