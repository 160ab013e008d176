package ddl

import (
	"bufio"
	"fmt"
	"strings"
)

// Chunk is one statement's text as Split or SplitFile found it.
type Chunk struct {
	// Pos is the byte range of Text in the source.
	Pos
	// Text runs from the statement's first token to its last: leading
	// and trailing whitespace and comments and the terminating ";" are
	// not part of it; comments inside it are.
	Text string
	// Err is set by SplitFile alone, for a line that Bun's SQL-file reader
	// rejects (an unknown --bun: directive, a line too long for it); Text
	// is then that line, and the migration fails at run time there.
	Err error
}

// Split splits SQL text, as passed to Exec, ExecContext or NewRaw, into
// statements. A statement ends at a ";" outside quotes and comments, at a
// line that is exactly Bun's "--bun:split", or at the end of the input.
// Quotes are the dialect's: '...' strings (with backslash escapes on MySQL
// and in PostgreSQL's E'...'), quoted identifiers, PostgreSQL's dollar
// quotes $$...$$ and $tag$...$tag$. Comments are -- (MySQL: "-- " and #) to
// the end of the line and /* */ (nested on PostgreSQL). In CREATE TRIGGER,
// FUNCTION, PROCEDURE and EVENT statements a ";" inside BEGIN ... END does
// not end the statement. An unterminated quote or comment makes the rest
// of the input one statement, which Parse reports as *Invalid. Empty
// statements are skipped.
func Split(src string, d Dialect) []Chunk { return split(src, d, false) }

// SplitFile splits a Bun SQL migration file (*.up.sql, *.tx.up.sql,
// *.down.sql) the way bun/migrate reads it: first into the parts between
// lines that are exactly "--bun:split" (a trailing CR aside, wherever the
// line is, even inside a quote), each of which Bun executes as one query;
// then each part as Split does. A line that starts with "--bun:" but is not
// that directive, or a line too long for Bun's line scanner, comes back as
// a Chunk with Err set, in its place among the others. Bun reads the whole
// file before it runs any of it, so such a line fails the migration before
// any of its statements run; the statements are returned all the same, as
// what the author meant.
func SplitFile(src string, d Dialect) []Chunk { return split(src, d, true) }

func split(src string, d Dialect, file bool) []Chunk {
	var chunks []Chunk
	walk(src, d, file, func(r rawStmt, bad error) {
		chunks = append(chunks, Chunk{Pos: r.pos, Text: r.pos.Source(src), Err: bad})
	})
	return chunks
}

// walk calls fn for each statement of src in order; with file set, src is
// split as SplitFile splits it, and fn is also called, with bad set and no
// tokens, for each line Bun rejects.
func walk(src string, d Dialect, file bool, fn func(r rawStmt, bad error)) {
	d.check()
	if !file {
		for _, r := range splitTokens(src, d, 0, len(src)) {
			fn(r, nil)
		}
		return
	}
	forEachFilePart(src, func(start, end int, bad error) {
		if bad != nil {
			fn(rawStmt{pos: Pos{start, end}}, bad)
			return
		}
		for _, r := range splitTokens(src, d, start, end) {
			fn(r, nil)
		}
	})
}

// errTooLong mirrors bufio.ErrTooLong, which bun/migrate's line scanner
// returns for a line longer than bufio.MaxScanTokenSize.
var errTooLong = fmt.Errorf("line longer than %d bytes: Bun's SQL-file reader fails with %w", bufio.MaxScanTokenSize, bufio.ErrTooLong)

// forEachFilePart calls fn for each part of a Bun SQL file between
// --bun:split lines, and for each line Bun rejects (with bad set).
func forEachFilePart(src string, fn func(start, end int, bad error)) {
	partStart := 0
	for lineStart := 0; lineStart < len(src); {
		lineEnd := len(src)
		next := len(src)
		if nl := strings.IndexByte(src[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
			next = lineEnd + 1
		}
		line := strings.TrimSuffix(src[lineStart:lineEnd], "\r")
		var bad error
		switch {
		case line == "--bun:split":
		case strings.HasPrefix(line, "--bun:"):
			bad = fmt.Errorf("bun: unknown directive: %q", line[len("--bun:"):])
		case lineEnd-lineStart >= bufio.MaxScanTokenSize:
			bad = errTooLong
		default:
			lineStart = next
			continue
		}
		fn(partStart, lineStart, nil)
		if bad != nil {
			fn(lineStart, lineStart+len(line), bad)
		}
		partStart, lineStart = next, next
	}
	fn(partStart, len(src), nil)
}

// rawStmt is one statement's tokens, which all lie within pos.
type rawStmt struct {
	pos  Pos
	toks []token
}

// splitTokens lexes src[start:end] and groups its tokens into statements.
// Token offsets are offsets in src.
func splitTokens(src string, d Dialect, start, end int) []rawStmt {
	toks := lexAll(src[start:end], d)
	var stmts []rawStmt
	var cur []token
	var body bodyTracker
	flush := func() {
		if len(cur) > 0 {
			stmts = append(stmts, rawStmt{pos: Pos{cur[0].start, cur[len(cur)-1].end}, toks: cur})
		}
		cur = nil
		body = bodyTracker{}
	}
	for i := range toks {
		t := toks[i]
		t.start += start
		t.end += start
		switch {
		case t.kind == tSplit:
			flush()
			continue
		case t.kind == tPunct && src[t.start] == ';' && body.depth == 0:
			flush()
			continue
		}
		cur = append(cur, t)
		if t.kind == tWord {
			var next string
			if i+1 < len(toks) && toks[i+1].kind == tWord {
				next = src[start+toks[i+1].start : start+toks[i+1].end]
			}
			body.word(src[t.start:t.end], next, len(cur) == 1)
		}
	}
	flush()
	return stmts
}

// bodyTracker follows BEGIN ... END blocks in the bodies of CREATE
// TRIGGER, FUNCTION, PROCEDURE and EVENT statements, whose inner ";" do not
// end the statement.
type bodyTracker struct {
	create   bool // the statement starts with CREATE
	compound bool // ... and names a TRIGGER, FUNCTION, PROCEDURE or EVENT
	words    int  // leading words seen
	depth    int  // open BEGIN/CASE blocks
}

// word notes the next bare word w of the statement, followed by the word
// next ("" when the next token is not a word).
func (b *bodyTracker) word(w, next string, first bool) {
	if first {
		b.create = strings.EqualFold(w, "CREATE")
	}
	if b.create && !b.compound && b.words < 8 {
		b.words++
		for _, k := range [...]string{"TRIGGER", "FUNCTION", "PROCEDURE", "EVENT"} {
			if strings.EqualFold(w, k) {
				b.compound = true
			}
		}
		return
	}
	if !b.compound {
		return
	}
	switch {
	case strings.EqualFold(w, "BEGIN"), strings.EqualFold(w, "CASE"):
		b.depth++
	case strings.EqualFold(w, "END") && b.depth > 0:
		for _, k := range [...]string{"IF", "LOOP", "WHILE", "REPEAT"} {
			if strings.EqualFold(next, k) {
				return // closes a block that was not counted
			}
		}
		b.depth--
	}
}
