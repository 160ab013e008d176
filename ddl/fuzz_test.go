package ddl

import (
	"strings"
	"testing"
)

var dialects = []Dialect{Postgres, MySQL, SQLite}

// fuzzSeeds returns every statement of the table-driven tests, so that the
// fuzzers start from real DDL of every construct.
func fuzzSeeds() []string {
	var seeds []string
	for _, tc := range parseCases {
		seeds = append(seeds, tc.src)
	}
	for _, tc := range errorCases {
		seeds = append(seeds, tc.src)
	}
	for _, tc := range splitCases {
		seeds = append(seeds, tc.src)
	}
	seeds = append(seeds, migrationStatements...)
	return seeds
}

// FuzzParse checks that Parse and ParseFile never panic, that every
// position they return lies in the input and matches the text it claims,
// and that Parse agrees with Split on where the statements are.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds() {
		for _, d := range dialects {
			f.Add(s, uint8(d))
		}
	}
	f.Fuzz(func(t *testing.T, src string, dn uint8) {
		d := dialects[int(dn)%len(dialects)]
		stmts := Parse(src, d)
		for _, e := range checkPositions(src, stmts) {
			t.Error(e)
		}
		chunks := Split(src, d)
		if len(chunks) != len(stmts) {
			t.Fatalf("Split found %d statements, Parse %d", len(chunks), len(stmts))
		}
		for i, c := range chunks {
			if got := stmts[i].Position(); got != c.Pos {
				t.Errorf("statement %d: Parse says %v, Split %v", i, got, c.Pos)
			}
		}
		for _, st := range stmts {
			if inv, ok := st.(*Invalid); ok {
				if inv.Err == nil || inv.Err.Offset < inv.Offset || inv.Err.Offset > inv.End {
					t.Errorf("Invalid %v has error %v outside it", inv.Pos, inv.Err)
				}
			}
		}
		for _, e := range checkPositions(src, ParseFile(src, d)) {
			t.Error("ParseFile: " + e)
		}
		if c, err := ParseForeignKey(src, d); err == nil {
			for _, e := range checkPositions(src, []Statement{&Unknown{Pos: c.Pos, Text: src[c.Offset:c.End]}}) {
				t.Error("ParseForeignKey: " + e)
			}
		}
	})
}

// FuzzSplit checks Split's and SplitFile's invariants: chunks are in
// order, non-empty, trimmed and equal to their source text, and what lies
// between them holds no token but ";" and --bun:split lines.
func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s, uint8(Postgres))
	}
	f.Fuzz(func(t *testing.T, src string, dn uint8) {
		d := dialects[int(dn)%len(dialects)]
		prev := 0
		for i, c := range Split(src, d) {
			if c.Offset < prev || c.End > len(src) || c.Offset >= c.End {
				t.Fatalf("chunk %d at %v after %d in %d bytes", i, c.Pos, prev, len(src))
			}
			if c.Text != src[c.Offset:c.End] || strings.TrimLeft(c.Text, " \t\r\n\f\v") != c.Text {
				t.Errorf("chunk %d text %q, source %q", i, c.Text, src[c.Offset:c.End])
			}
			gapOnlySeparators(t, src, prev, c.Offset, d)
			prev = c.End
		}
		gapOnlySeparators(t, src, prev, len(src), d)
		prev = 0
		for i, c := range SplitFile(src, d) {
			if c.Offset < prev || c.End > len(src) || c.Text != src[c.Offset:c.End] {
				t.Fatalf("SplitFile chunk %d at %v after %d: %q", i, c.Pos, prev, c.Text)
			}
			prev = c.End
		}
	})
}

// gapOnlySeparators fails t if src[from:to] holds a token other than ";"
// and --bun:split lines. A gap lexed on its own may start inside a MySQL
// /*! comment whose opening was before it; its "*/" is then an operator
// token, which is allowed.
func gapOnlySeparators(t *testing.T, src string, from, to int, d Dialect) {
	t.Helper()
	gap := src[from:to]
	for _, tok := range lexAll(gap, d) {
		text := gap[tok.start:tok.end]
		switch {
		case tok.kind == tSplit, text == ";":
		case d == MySQL && tok.kind == tOp && (text == "*" || text == "/"):
		default:
			t.Errorf("token %q (kind %d) at %d lies between statements", text, tok.kind, from+tok.start)
		}
	}
}
