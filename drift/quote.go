package drift

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Names read from the database are data: anyone who can name a
// constraint or an index can put quotes, semicolons and comment markers
// in it. Every name that reaches repair SQL goes through quoteIdent, and
// a name that cannot be shown safely (control characters, line breaks,
// invisible format characters, invalid UTF-8) gets no SQL at all.

// quoteIdent quotes name as the dialect's identifier: "…" with " doubled
// on PostgreSQL and SQLite, `…` with ` doubled on MySQL.
func quoteIdent(dialect, name string) string {
	q := `"`
	if dialect == dsn.MySQL {
		q = "`"
	}
	return q + strings.ReplaceAll(name, q, q+q) + q
}

// unprintable reports whether s holds a character that must never be
// written raw into a script or a message: a control character (newline,
// NUL…), any other non-printing rune (a bidirectional override, a
// zero-width space), or bytes that are not UTF-8.
func unprintable(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsPrint(r) {
			return true
		}
	}
	return false
}

// showName spells a name for messages and comments: as it is, or
// Go-quoted (escapes, no raw control characters) when it is unprintable.
func showName(s string) string {
	if unprintable(s) {
		return strconv.Quote(s)
	}
	return s
}

// escapeUnprintable rewrites the unprintable characters of a message as
// Go escapes (\n, \x00, \u202e), keeping everything else as it is.
func escapeUnprintable(s string) string {
	if !unprintable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r != ' ' && !unicode.IsPrint(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
