package bunmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// IndexDirectivePrefix starts an index directive. Bun's tags cannot
// declare a secondary index, so a project without Go or SQL migrations
// (one that creates its tables some other way) declares them in the
// model's doc comment, one directive per index:
//
//	//schemalint:index idx_users_email (email) unique where "deleted_at IS NULL"
//	//schemalint:index idx_users_org (organization_id, created_at DESC)
//	//schemalint:index idx_users_tags (tags) using gin dialect pg
//	type User struct { ... }
//
// The grammar, after the prefix and a space:
//
//	NAME (PART, ...) [unique] [using METHOD] [where "PREDICATE"] [dialect D[,D...]] [// comment]
//
// NAME is the index name (letters, digits, _ and $). PART is what CREATE
// INDEX takes between its parentheses: a column, optionally with ASC or
// DESC, or an expression. The options may come in any order, each once:
// unique makes it a unique index; using names the index method (btree,
// hash, gin, ...); where gives the predicate of a partial index as a Go
// string literal ("..." or `...`); dialect limits the index to some of
// Bun's dialects (pg, mysql, sqlite; postgres and mariadb are accepted
// too), by default it exists on all of them.
const IndexDirectivePrefix = "//schemalint:index"

// IndexFact is one index a model's doc comment declares. It is part of
// the ModelFact, so packages importing the model (its migrations, the
// drift checker) see it; it holds no positions.
type IndexFact struct {
	// Name is the index name.
	Name string
	// Parts is the part list as written between the parentheses,
	// trimmed: "email", "organization_id, created_at DESC".
	Parts string
	// Columns holds each part's column name, in order, or "" for a part
	// that is an expression.
	Columns []string
	// Unique reports a unique index.
	Unique bool
	// Using is the index method in lower case, or "".
	Using string
	// Where is the predicate of a partial index, or "".
	Where string
	// Dialects are the Bun dialect names the index exists on ("pg",
	// "mysql", "sqlite"); empty means all of them.
	Dialects []string
}

// IndexDirective is a parsed //schemalint:index comment of a model of the
// package being analysed.
type IndexDirective struct {
	IndexFact
	// Pos and End delimit the comment.
	Pos, End token.Pos
}

// DirectiveError is a //schemalint:index comment that could not be parsed,
// or that does not stand in the doc comment of a model.
type DirectiveError struct {
	Pos, End token.Pos
	Message  string
}

// ForDialect reports whether the index exists on dialect d.
func (f *IndexFact) ForDialect(d string) bool {
	if len(f.Dialects) == 0 {
		return true
	}
	return slices.Contains(f.Dialects, d)
}

// indexDirectives parses the index directives of a doc comment. A comment
// that starts with the prefix but not with the prefix and a space
// (//schemalint:indexes) is not a directive.
func indexDirectives(doc *ast.CommentGroup) ([]*IndexDirective, []DirectiveError) {
	if doc == nil {
		return nil, nil
	}
	var ds []*IndexDirective
	var errs []DirectiveError
	for _, c := range doc.List {
		rest, ok := directiveText(c.Text)
		if !ok {
			continue
		}
		f, err := ParseIndexDirective(rest)
		if err != nil {
			errs = append(errs, DirectiveError{Pos: c.Pos(), End: c.End(), Message: err.Error()})
			continue
		}
		ds = append(ds, &IndexDirective{IndexFact: f, Pos: c.Pos(), End: c.End()})
	}
	return ds, errs
}

// directiveText returns what follows IndexDirectivePrefix in a comment, and
// whether the comment is an index directive at all.
func directiveText(comment string) (string, bool) {
	rest, ok := strings.CutPrefix(comment, IndexDirectivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	return rest, true
}

// ParseIndexDirective parses the text of an index directive after
// IndexDirectivePrefix: NAME (PART, ...) [unique] [using METHOD]
// [where "PREDICATE"] [dialect D,...].
func ParseIndexDirective(s string) (IndexFact, error) {
	var f IndexFact
	p := &directiveParser{s: s}
	p.space()
	f.Name = p.ident()
	if f.Name == "" {
		return f, p.errorf("want an index name, as in //schemalint:index idx_users_email (email)")
	}
	p.space()
	parts, err := p.parenthesized()
	if err != nil {
		return f, err
	}
	f.Parts = strings.TrimSpace(parts)
	if f.Parts == "" {
		return f, fmt.Errorf("index %s has no columns", f.Name)
	}
	for _, part := range splitTopLevel(f.Parts) {
		part = strings.TrimSpace(part)
		if part == "" {
			return f, fmt.Errorf("index %s: empty part in (%s)", f.Name, f.Parts)
		}
		f.Columns = append(f.Columns, partColumn(part))
	}
	seen := map[string]bool{}
	for {
		p.space()
		if p.done() || strings.HasPrefix(p.s[p.i:], "//") {
			return f, nil // the end, or a trailing comment
		}
		at := p.i
		word := p.ident()
		if word == "" {
			return f, p.errorf("want unique, using, where or dialect")
		}
		key := strings.ToLower(word)
		if seen[key] {
			p.i = at
			return f, p.errorf(key + " given twice")
		}
		seen[key] = true
		switch key {
		case "unique":
			f.Unique = true
		case "using":
			p.space()
			if f.Using = strings.ToLower(p.ident()); f.Using == "" {
				return f, p.errorf("using needs an index method, such as btree or gin")
			}
		case "where":
			p.space()
			if f.Where, err = p.stringLit(); err != nil {
				return f, err
			}
			if strings.TrimSpace(f.Where) == "" {
				return f, fmt.Errorf("index %s: empty where predicate", f.Name)
			}
		case "dialect", "dialects":
			p.space()
			list := p.word()
			if list == "" {
				return f, p.errorf("dialect needs a list such as pg,sqlite")
			}
			for name := range strings.SplitSeq(list, ",") {
				d, ok := dialectName(name)
				if !ok {
					return f, fmt.Errorf("index %s: unknown dialect %q (want pg, mysql or sqlite)", f.Name, name)
				}
				f.Dialects = append(f.Dialects, d)
			}
		default:
			p.i = at
			return f, p.errorf(fmt.Sprintf("unknown option %q (want unique, using, where or dialect)", word))
		}
	}
}

// dialectName normalises a dialect name to Bun's spelling.
func dialectName(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "pg", "postgres", "postgresql":
		return "pg", true
	case "mysql", "mariadb":
		return "mysql", true
	case "sqlite", "sqlite3":
		return "sqlite", true
	}
	return "", false
}

// partColumn returns the column a part names ("email", "created_at DESC",
// `"Email"`), or "" when the part is an expression.
func partColumn(part string) string {
	fields := strings.Fields(part)
	if len(fields) == 2 && (strings.EqualFold(fields[1], "ASC") || strings.EqualFold(fields[1], "DESC")) {
		fields = fields[:1]
	}
	if len(fields) != 1 {
		return ""
	}
	name := fields[0]
	if len(name) >= 2 && (name[0] == '"' || name[0] == '`') && name[len(name)-1] == name[0] {
		inner := name[1 : len(name)-1]
		if inner != "" && !strings.ContainsRune(inner, rune(name[0])) {
			return inner
		}
		return ""
	}
	for i := 0; i < len(name); i++ {
		if !isIdentByte(name[i]) || (i == 0 && name[i] >= '0' && name[i] <= '9') {
			return ""
		}
	}
	return name
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// splitTopLevel splits s at commas outside parentheses and quotes.
func splitTopLevel(s string) []string {
	var out []string
	start := 0
	scanTop(s, func(i, depth int) bool {
		if s[i] == ',' && depth == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
		return true
	})
	return append(out, s[start:])
}

// scanTop calls fn with each byte offset of s outside '...', "..." and
// `...` quotes, and the depth of parentheses there (before a parenthesis
// at i counts); fn returns false to stop. scanTop returns the offset where
// it stopped, or len(s).
func scanTop(s string, fn func(i, depth int) bool) int {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		if c == '\'' || c == '"' || c == '`' {
			quote = c
			continue
		}
		if !fn(i, depth) {
			return i
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return len(s)
}

type directiveParser struct {
	s string
	i int
}

func (p *directiveParser) done() bool { return p.i >= len(p.s) }

func (p *directiveParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *directiveParser) ident() string {
	start := p.i
	for p.i < len(p.s) && isIdentByte(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// word reads up to the next white space.
func (p *directiveParser) word() string {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] != ' ' && p.s[p.i] != '\t' {
		p.i++
	}
	return p.s[start:p.i]
}

// parenthesized reads "( ... )" with nested parentheses and quotes, and
// returns what is inside.
func (p *directiveParser) parenthesized() (string, error) {
	if p.done() || p.s[p.i] != '(' {
		return "", p.errorf("want ( after the index name, then the columns")
	}
	rest := p.s[p.i:]
	end := scanTop(rest, func(i, depth int) bool { return rest[i] != ')' || depth != 1 })
	if end == len(rest) {
		return "", fmt.Errorf("unbalanced parentheses in %q", strings.TrimSpace(p.s))
	}
	inner := rest[1:end]
	p.i += end + 1
	return inner, nil
}

// stringLit reads a Go string literal.
func (p *directiveParser) stringLit() (string, error) {
	if p.done() || (p.s[p.i] != '"' && p.s[p.i] != '`') {
		return "", p.errorf(`where needs the predicate as a quoted string: where "deleted_at IS NULL"`)
	}
	q := p.s[p.i]
	for j := p.i + 1; j < len(p.s); j++ {
		if q == '"' && p.s[j] == '\\' {
			j++
			continue
		}
		if p.s[j] == q {
			v, err := strconv.Unquote(p.s[p.i : j+1])
			if err != nil {
				return "", fmt.Errorf("where: %w in %s", err, p.s[p.i:j+1])
			}
			p.i = j + 1
			return v, nil
		}
	}
	return "", fmt.Errorf("unterminated string after where")
}

func (p *directiveParser) errorf(msg string) error {
	rest := strings.TrimSpace(p.s[p.i:])
	if rest == "" {
		return fmt.Errorf("%s, at the end of the directive", msg)
	}
	if len(rest) > 30 {
		rest = rest[:30] + "..."
	}
	return fmt.Errorf("%s, at %q", msg, rest)
}
