package ddl

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLiteralOffset(t *testing.T) {
	for _, tc := range []struct {
		lit    string
		offset int
		want   int
	}{
		{`"CREATE INDEX"`, 0, 1},
		{`"CREATE INDEX"`, 7, 8},
		{`"CREATE INDEX"`, 12, 13}, // the closing quote
		{`"CREATE INDEX"`, 13, -1},
		{`"a\nb"`, 1, 2},            // the \n
		{`"a\nb"`, 2, 4},            // b
		{`"\tCREATE \"x\""`, 8, 10}, // the escaped quote
		{`"\u00e9x"`, 2, 7},         // é is two bytes of the value, six of the source
		{`"\u00e9x"`, 1, 1},         // inside é: its escape
		{`"\xffx"`, 1, 5},           // \xff is one byte
		{`"\101B"`, 1, 5},           // octal
		{`"éx"`, 2, 3},              // é written as is
		{"`a\r\nb`", 2, 4},          // Go drops \r from raw strings
		{"`a\r\nb`", 1, 3},          // the \n, not the dropped \r
		{"`\r`", 0, 2},              // the closing quote
		{"`raw\\n`", 4, 5},          // no escapes in raw strings
		{`'c'`, 0, -1},              // not a string
		{`"bad\q"`, 4, -1},          // invalid escape
		{`"x"`, -1, -1},
	} {
		if got := LiteralOffset(tc.lit, tc.offset); got != tc.want {
			t.Errorf("LiteralOffset(%s, %d) = %d, want %d", tc.lit, tc.offset, got, tc.want)
		}
	}
}

// FuzzLiteralOffset checks LiteralOffset against strconv.Unquote: the
// source up to the mapped offset unquotes to a prefix of the value that
// ends at the offset or at the start of the character holding it.
func FuzzLiteralOffset(f *testing.F) {
	for _, s := range append(fuzzSeeds(), "a\nb\t\"é\\", "\x00\u2028") {
		f.Add(strconv.Quote(s))
		f.Add("`" + strings.ReplaceAll(s, "`", "") + "`")
	}
	f.Fuzz(func(t *testing.T, lit string) {
		value, err := strconv.Unquote(lit)
		if err != nil || lit[0] == '\'' || !utf8.ValidString(lit) {
			return
		}
		prev := 0
		for off := 0; off <= len(value); off++ {
			o := LiteralOffset(lit, off)
			if o < prev || o < 1 || o > len(lit)-1 {
				t.Fatalf("LiteralOffset(%q, %d) = %d after %d", lit, off, o, prev)
			}
			prev = o
			prefix, err := strconv.Unquote(lit[:o] + lit[:1])
			if err != nil || !strings.HasPrefix(value, prefix) || len(prefix) > off {
				t.Fatalf("LiteralOffset(%q, %d) = %d: %q unquotes to %q (%v)", lit, off, o, lit[:o], prefix, err)
			}
		}
		if LiteralOffset(lit, len(value)) != len(lit)-1 || LiteralOffset(lit, len(value)+1) != -1 {
			t.Fatalf("LiteralOffset(%q) at and past the end", lit)
		}
	})
}
