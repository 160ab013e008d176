package ddl

import "strings"

// tokKind classifies a token.
type tokKind uint8

const (
	tEOF    tokKind = iota // end of the statement (synthetic)
	tWord                  // bare identifier or keyword
	tQIdent                // "quoted", `quoted` or [quoted] identifier
	tString                // '...', E'...', X'...', $tag$...$tag$
	tNumber                // 12, 1.5, 1e-3, 0x1F
	tParam                 // $1, ?, ?Name (Bun placeholders)
	tPunct                 // ( ) , ; . [ ] and ::
	tOp                    // any other single character
	tSplit                 // a --bun:split line
	tError                 // an unterminated quote or comment; err says which
)

// token is one lexical token: the byte range [start, end) of the source.
type token struct {
	kind  tokKind
	space bool // whitespace or a comment precedes the token
	start int
	end   int
	err   string // tError only
}

// lexer turns SQL source into tokens. It never fails: an unterminated
// quoted string, identifier or comment becomes a tError token that runs to
// the end of the input, and every other byte belongs to some token, so its
// work is linear in the input.
type lexer struct {
	src     string
	d       Dialect
	pos     int
	inExec  bool // inside a MySQL /*! ... */ executable comment
	pending bool // whitespace or a comment was skipped before the next token
}

// lexAll returns every token of src.
func lexAll(src string, d Dialect) []token {
	l := &lexer{src: src, d: d}
	var toks []token
	for {
		t := l.next()
		if t.kind == tEOF {
			return toks
		}
		toks = append(toks, t)
		if t.kind == tError {
			return toks
		}
	}
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || '0' <= c && c <= '9' || c == '$'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// atLineStart reports whether offset i begins a line.
func (l *lexer) atLineStart(i int) bool { return i == 0 || l.src[i-1] == '\n' }

// isBunSplit reports whether a -- comment at offset i is Bun's split
// directive on a line of its own: "--bun:split" at the start of the line,
// followed by the end of the line (a CR before the LF is allowed, as
// bufio.ScanLines drops it).
func (l *lexer) isBunSplit(i int) bool {
	const directive = "--bun:split"
	if !l.atLineStart(i) || !strings.HasPrefix(l.src[i:], directive) {
		return false
	}
	rest := l.src[i+len(directive):]
	return rest == "" || rest[0] == '\n' || strings.HasPrefix(rest, "\r\n") || rest == "\r"
}

// skipLine moves past the end of the current line.
func (l *lexer) skipLine() {
	if nl := strings.IndexByte(l.src[l.pos:], '\n'); nl >= 0 {
		l.pos += nl + 1
	} else {
		l.pos = len(l.src)
	}
}

// lineComment reports whether a line comment starts at offset i.
func (l *lexer) lineComment(i int) bool {
	s := l.src[i:]
	switch {
	case strings.HasPrefix(s, "--"):
		if l.d != MySQL {
			return true
		}
		// MySQL needs a space or control character after "--".
		return len(s) == 2 || s[2] <= ' '
	case s[0] == '#':
		return l.d == MySQL
	}
	return false
}

// skip skips whitespace and comments. It returns a tSplit or tError token
// when it meets a --bun:split line or an unterminated comment.
func (l *lexer) skip() (token, bool) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case l.isBunSplit(l.pos):
			start := l.pos
			l.skipLine()
			l.pending = true
			return token{kind: tSplit, start: start, end: start + len("--bun:split")}, true
		case l.lineComment(l.pos):
			l.skipLine()
		case l.inExec && strings.HasPrefix(l.src[l.pos:], "*/"):
			l.inExec = false
			l.pos += 2
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			if t, ok := l.blockComment(); ok {
				return t, true
			}
		default:
			return token{}, false
		}
		l.pending = true
	}
	return token{}, false
}

// blockComment skips a /* */ comment, nested on PostgreSQL. A MySQL
// executable comment /*!NNNNN or /*M!NNNNN only has its opening skipped: its
// body is SQL. Inside one, the server takes another /*! as an opening too,
// and the first */ closes both (MariaDB 10.11: SELECT 1 /*!, 2 /*!, 3 */
// returns three columns).
func (l *lexer) blockComment() (token, bool) {
	start := l.pos
	if l.d == MySQL {
		s := l.src[l.pos+2:]
		n := 0
		switch {
		case strings.HasPrefix(s, "!"):
			n = 1
		case strings.HasPrefix(s, "M!"):
			n = 2
		}
		if n > 0 {
			l.pos += 2 + n
			for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
				l.pos++
			}
			l.inExec = true
			return token{}, false
		}
	}
	depth := 0
	for i := l.pos; i+1 < len(l.src); i++ {
		switch {
		case l.src[i] == '/' && l.src[i+1] == '*':
			if depth == 0 || l.d == Postgres {
				depth++
			}
			i++
		case l.src[i] == '*' && l.src[i+1] == '/':
			depth--
			i++
			if depth == 0 {
				l.pos = i + 1
				return token{}, false
			}
		}
	}
	l.pos = len(l.src)
	return token{kind: tError, start: start, end: len(l.src), err: "unterminated /* comment"}, true
}

// next returns the next token, or a tEOF token at the end of the input.
func (l *lexer) next() token {
	l.pending = false
	if t, ok := l.skip(); ok {
		return t
	}
	t := l.scan()
	t.space = l.pending
	return t
}

// scan reads the token at l.pos, after whitespace and comments.
func (l *lexer) scan() token {
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tEOF, start: start, end: start}
	}
	src := l.src
	c := src[start]
	switch {
	case c == '\'':
		return l.quoted(start, start, '\'', l.d == MySQL, tString, "string literal")
	case c == '"':
		return l.quoted(start, start, '"', l.d == MySQL, tQIdent, "quoted identifier")
	case c == '`':
		return l.quoted(start, start, '`', false, tQIdent, "quoted identifier")
	case c == '[' && l.d == SQLite:
		end := strings.IndexByte(src[start+1:], ']')
		if end < 0 {
			l.pos = len(src)
			return token{kind: tError, start: start, end: len(src), err: "unterminated [ identifier"}
		}
		l.pos = start + 1 + end + 1
		return token{kind: tQIdent, start: start, end: l.pos}
	case c == '$' && l.d == Postgres:
		if t, ok := l.dollar(start); ok {
			return t
		}
	case c == '?':
		l.pos++
		for l.pos < len(src) && isIdentChar(src[l.pos]) {
			l.pos++
		}
		return token{kind: tParam, start: start, end: l.pos}
	case isDigit(c) || c == '.' && start+1 < len(src) && isDigit(src[start+1]):
		return l.number(start)
	case isIdentStart(c):
		l.pos++
		for l.pos < len(src) && isIdentChar(src[l.pos]) {
			l.pos++
		}
		// String prefixes: E'' (PostgreSQL escapes), N'', X'', B''.
		if l.pos-start == 1 && l.pos < len(src) && src[l.pos] == '\'' {
			switch c {
			case 'e', 'E':
				return l.quoted(start, l.pos, '\'', true, tString, "string literal")
			case 'n', 'N', 'x', 'X', 'b', 'B':
				return l.quoted(start, l.pos, '\'', l.d == MySQL, tString, "string literal")
			}
		}
		return token{kind: tWord, start: start, end: l.pos}
	case c == ':' && strings.HasPrefix(src[start:], "::"):
		l.pos += 2
		return token{kind: tPunct, start: start, end: l.pos}
	case strings.IndexByte("(),;.[]", c) >= 0:
		l.pos++
		return token{kind: tPunct, start: start, end: l.pos}
	}
	l.pos++
	return token{kind: tOp, start: start, end: l.pos}
}

// quoted scans a quoted token whose opening quote is at offset open (start
// is before it for prefixed strings). A doubled quote stands for itself;
// with backslash set, a backslash escapes the next byte.
func (l *lexer) quoted(start, open int, q byte, backslash bool, kind tokKind, what string) token {
	src := l.src
	for i := open + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			if backslash {
				i++
			}
		case q:
			if i+1 < len(src) && src[i+1] == q {
				i++
				continue
			}
			l.pos = i + 1
			return token{kind: kind, start: start, end: l.pos}
		}
	}
	l.pos = len(src)
	return token{kind: tError, start: start, end: len(src), err: "unterminated " + what}
}

// dollar scans a PostgreSQL dollar-quoted string $tag$...$tag$, or a
// positional parameter $1. It reports false for a lone $.
func (l *lexer) dollar(start int) (token, bool) {
	src := l.src
	i := start + 1
	if i < len(src) && isDigit(src[i]) {
		for i < len(src) && isDigit(src[i]) {
			i++
		}
		l.pos = i
		return token{kind: tParam, start: start, end: i}, true
	}
	if i < len(src) && isIdentStart(src[i]) {
		for i < len(src) && isIdentChar(src[i]) && src[i] != '$' {
			i++
		}
	}
	if i >= len(src) || src[i] != '$' {
		return token{}, false
	}
	tag := src[start : i+1]
	end := strings.Index(src[i+1:], tag)
	if end < 0 {
		l.pos = len(src)
		return token{kind: tError, start: start, end: len(src), err: "unterminated dollar-quoted string " + tag}, true
	}
	l.pos = i + 1 + end + len(tag)
	return token{kind: tString, start: start, end: l.pos}, true
}

// number scans a numeric literal: digits, a fraction, an exponent, or a
// 0x/0b prefix, with _ separators; trailing letters stay part of it so that
// 10abc is one (invalid) token rather than two.
func (l *lexer) number(start int) token {
	src := l.src
	i := start
	dot := false
	hex := start+1 < len(src) && src[start] == '0' && (src[start+1] == 'x' || src[start+1] == 'X')
	for i < len(src) {
		c := src[i]
		switch {
		case isIdentChar(c) && c != '$':
			if (c == 'e' || c == 'E') && !hex && i+2 < len(src) && (src[i+1] == '+' || src[i+1] == '-') && isDigit(src[i+2]) {
				i += 2
			}
			i++
		case c == '.' && !dot && !hex && (i+1 >= len(src) || !isIdentStart(src[i+1])):
			dot = true // "1.", "1.5" and ".5"
			i++
		default:
			l.pos = i
			return token{kind: tNumber, start: start, end: i}
		}
	}
	l.pos = i
	return token{kind: tNumber, start: start, end: i}
}
