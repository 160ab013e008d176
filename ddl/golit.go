package ddl

import (
	"strconv"
	"unicode/utf8"
)

// LiteralOffset maps a byte offset in the value of a Go string literal to
// the byte offset of the same place in the literal as written (as
// go/ast.BasicLit.Value holds it, quotes included), so that a position Parse
// found in a migration's SQL string can be reported at the right column of
// the Go file. It undoes escapes of "interpreted" literals and the carriage
// returns that Go drops from `raw` ones. An offset inside an escape maps to
// the escape's start; offset len(value) maps to the closing quote. It
// returns -1 when lit is not a string literal or offset lies outside its
// value.
func LiteralOffset(lit string, offset int) int {
	if len(lit) < 2 || offset < 0 || lit[0] != lit[len(lit)-1] || lit[0] != '"' && lit[0] != '`' {
		return -1
	}
	body := lit[1 : len(lit)-1]
	value := 0 // bytes of the value before body[i:]
	for i := 0; ; {
		if lit[0] == '`' {
			for i < len(body) && body[i] == '\r' {
				i++ // not part of the value
			}
		}
		if value >= offset {
			return 1 + i
		}
		if i >= len(body) {
			return -1
		}
		if lit[0] == '`' {
			value++
			i++
			continue
		}
		r, multibyte, tail, err := strconv.UnquoteChar(body[i:], '"')
		if err != nil {
			return -1
		}
		value += runeBytes(r, multibyte)
		if value > offset {
			return 1 + i // offset falls inside this character's bytes
		}
		i = len(body) - len(tail)
	}
}

// runeBytes is how many bytes strconv.Unquote writes for a character that
// UnquoteChar returned: one for ASCII and for \x and octal escapes, else
// the UTF-8 encoding's length.
func runeBytes(r rune, multibyte bool) int {
	if r < utf8.RuneSelf || !multibyte {
		return 1
	}
	return utf8.RuneLen(r)
}
