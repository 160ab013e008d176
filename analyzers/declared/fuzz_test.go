package declared

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// sqlSeeds are statements of every kind the extraction models, and a few
// it does not.
var sqlSeeds = []string{
	"CREATE TABLE orgs (id varchar(20) PRIMARY KEY, slug varchar(100) NOT NULL UNIQUE, deleted_at timestamp)",
	"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON t USING btree (a, lower(b) DESC) INCLUDE (c) WHERE (deleted_at IS NULL)",
	"ALTER TABLE users ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL; CREATE UNIQUE INDEX i ON users (email, not_deleted)",
	"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE, DROP COLUMN b, RENAME COLUMN c TO d",
	"ALTER TABLE t RENAME TO u; ALTER INDEX i RENAME TO j; DROP INDEX IF EXISTS j; DROP TABLE u, v CASCADE",
	"ALTER TABLE t DROP CONSTRAINT c, ALTER COLUMN a SET NOT NULL, ALTER COLUMN b TYPE text, MODIFY COLUMN c int",
	"CREATE TABLE a (x int); CREATE TABLE b (y int REFERENCES a (x)); DROP INDEX k ON a",
	"CREATE TABLE t (a int, KEY k (a), UNIQUE KEY u (a), CONSTRAINT f FOREIGN KEY (a) REFERENCES t (a))",
	"INSERT INTO t VALUES (1); CREATE VIEW v AS SELECT 1; CREATE INDEX broken ON",
	"CREATE TABLE t (a int);\n--bun:split\nCREATE INDEX i ON t (a);\n--bun:other\n",
	"CREATE TEMP TABLE x (a int); ALTER TABLE x ADD PRIMARY KEY (a); ALTER TABLE x DROP PRIMARY KEY",
	"'unterminated", "/* comment */ CREATE INDEX \"Q\"\"x\" ON `t` ([a])", "",
}

// FuzzSQLExtraction gives arbitrary SQL to the extraction's SQL path as a
// migration would: the text is split into a constant and a literal joined
// with +, type-checked, mapped back to positions through the extractor's
// literal mapper, read as changes on every dialect (as SQL given to
// ExecContext and as a Bun SQL file), and replayed on a fresh schema. No
// input may panic; every change and note must lie within the literals;
// every change's SQL must be a piece of the input; the result must survive
// JSON.
func FuzzSQLExtraction(f *testing.F) {
	for i, s := range sqlSeeds {
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, src string, cut uint8) {
		split := 0
		if len(src) > 0 {
			split = int(cut) % (len(src) + 1)
		}
		x, expr, lo, hi := fuzzExtractor(t, src[:split], src[split:])
		if x == nil {
			return // the text cannot be written as a Go string (invalid UTF-8 in a raw literal, say)
		}
		mapper := x.literalMapper(expr)
		for _, file := range []bool{false, true} {
			for _, d := range AllDialects {
				cs, notes := sqlText{d: d, src: src, file: file, pos: mapper}.changes()
				for _, n := range notes {
					if n.pos < lo || n.pos > hi || n.end < lo || n.end > hi {
						t.Fatalf("%s: note %q at %d..%d outside the literals %d..%d", d, n.msg, n.pos, n.end, lo, hi)
					}
				}
				st := newState(d)
				for _, c := range cs {
					if c.pos < lo || c.pos > hi {
						t.Fatalf("%s: change %s at %d outside the literals %d..%d", d, c.Kind, c.pos, lo, hi)
					}
					if !strings.Contains(src, c.SQL) {
						t.Fatalf("%s: change SQL %q is not part of the input", d, c.SQL)
					}
					st.apply(c)
				}
				st.finish()
				for _, p := range st.problems {
					if p.Message == "" {
						t.Fatalf("%s: problem without a message", d)
					}
				}
				if _, err := json.Marshal(&DialectSchema{Dialect: d, Tables: st.tables, Problems: st.problems}); err != nil {
					t.Fatalf("%s: %v", d, err)
				}
			}
		}
	})
}

// fuzzExtractor type-checks
//
//	package p
//	const a = <a as a Go literal>
//	var q = a + <b as a Go literal>
//
// and returns an extractor over it, the expression a + <b>, and the range
// of the two literals.
func fuzzExtractor(t *testing.T, a, b string) (*extractor, ast.Expr, token.Pos, token.Pos) {
	la, lb := goLiteral(a), goLiteral(b)
	src := "package p\n\nconst a = " + la + "\n\nvar q = a + " + lb + "\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return nil, nil, 0, 0
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatalf("type-checking %q: %v", src, err)
	}
	x := &extractor{pass: &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info},
		decls: map[*types.Func]*ast.FuncDecl{}, globals: map[*types.Var]ast.Expr{}, consts: map[*types.Const]ast.Expr{}}
	x.index()
	var expr ast.Expr
	var lits []*ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			expr = n
		case *ast.BasicLit:
			lits = append(lits, n)
		}
		return true
	})
	if expr == nil || len(lits) != 2 {
		t.Fatalf("unexpected syntax for %q", src)
	}
	return x, expr, lits[0].Pos(), lits[1].End()
}

// goLiteral writes s as a raw literal when it can (so offsets map one to
// one, carriage returns aside) and as an interpreted one otherwise.
func goLiteral(s string) string {
	if !strings.ContainsAny(s, "`\r") && !strings.Contains(s, "\x00") && strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
