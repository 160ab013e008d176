package drift

import (
	"errors"
	"strings"

	"github.com/schemalint/schemalint/internal/dsn"
)

// A small lexer for the statements Atlas's planner writes: just enough to
// tell quoted identifiers, string literals, comments and semicolons from
// the rest, per dialect, so that plan can put names back into identifiers
// only and check that each statement is one statement.

type tokKind byte

const (
	tokOther   tokKind = iota
	tokIdent           // a quoted identifier: "x", `x` or [x]
	tokString          // a string literal, dollar quotes included
	tokComment         // -- …, # … (MySQL), /* … */
	tokSemi            // ;
)

type token struct {
	kind       tokKind
	start, end int  // s[start:end] is the token, quotes included
	quote      byte // the opening quote of an identifier or string
	escapes    bool // backslashes escape inside the string (MySQL, E'…')
}

var errUnterminated = errors.New("unterminated quote or comment")

// lexSQL splits s into tokens; runs of other text are tokOther.
func lexSQL(dialect, s string) ([]token, error) {
	var out []token
	other := -1
	flush := func(at int) {
		if other >= 0 {
			out = append(out, token{kind: tokOther, start: other, end: at})
			other = -1
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		var t token
		var err error
		switch {
		case c == ';':
			t = token{kind: tokSemi, start: i, end: i + 1}
		case c == '-' && strings.HasPrefix(s[i:], "--") && (dialect != dsn.MySQL || i+2 == len(s) || s[i+2] <= ' '):
			t = token{kind: tokComment, start: i, end: lineEnd(s, i)}
		case c == '#' && dialect == dsn.MySQL:
			t = token{kind: tokComment, start: i, end: lineEnd(s, i)}
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			t, err = blockComment(s, i, dialect == dsn.Postgres)
		case c == '"' && dialect != dsn.MySQL, c == '`' && dialect != dsn.Postgres:
			t, err = quoted(s, i, tokIdent, false)
		case c == '[' && dialect == dsn.SQLite:
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, errUnterminated
			}
			t = token{kind: tokIdent, start: i, end: i + end + 1, quote: '['}
		case c == '\'' || c == '"' && dialect == dsn.MySQL:
			escapes := dialect == dsn.MySQL ||
				dialect == dsn.Postgres && i > 0 && (s[i-1] == 'E' || s[i-1] == 'e') && (i == 1 || !isIdentByte(s[i-2]))
			t, err = quoted(s, i, tokString, escapes)
		case c == '$' && dialect == dsn.Postgres && (i == 0 || !isIdentByte(s[i-1])):
			if tag, ok := dollarTag(s[i:]); ok {
				end := strings.Index(s[i+len(tag):], tag)
				if end < 0 {
					return nil, errUnterminated
				}
				t = token{kind: tokString, start: i, end: i + len(tag) + end + len(tag), quote: '$'}
			}
		}
		if err != nil {
			return nil, err
		}
		if t.end == 0 {
			if other < 0 {
				other = i
			}
			i++
			continue
		}
		flush(i)
		out = append(out, t)
		i = t.end
	}
	flush(len(s))
	return out, nil
}

func lineEnd(s string, i int) int {
	if n := strings.IndexByte(s[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(s)
}

// blockComment reads /* … */ from s[i:]; PostgreSQL nests them.
func blockComment(s string, i int, nested bool) (token, error) {
	depth := 0
	for j := i; j+1 < len(s); j++ {
		switch {
		case s[j] == '/' && s[j+1] == '*' && (nested || depth == 0):
			depth++
			j++
		case s[j] == '*' && s[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return token{kind: tokComment, start: i, end: j + 1}, nil
			}
		}
	}
	return token{}, errUnterminated
}

// quoted reads a quoted token from s[i:]: the quote doubled stands for
// itself, and with escapes a backslash escapes the next byte.
func quoted(s string, i int, kind tokKind, escapes bool) (token, error) {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case escapes && s[j] == '\\':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return token{kind: kind, start: i, end: j + 1, quote: q, escapes: escapes}, nil
		}
	}
	return token{}, errUnterminated
}

// dollarTag returns the $tag$ that opens a PostgreSQL dollar-quoted
// string at the start of s.
func dollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[:j+1], true
		case c >= '0' && c <= '9' && j == 1:
			return "", false // $1, a parameter
		case !isIdentByte(c):
			return "", false
		}
	}
	return "", false
}
