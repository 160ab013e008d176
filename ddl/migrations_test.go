package ddl

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMigrationStatements parses the reference migrations' raw SQL, which
// runs on MySQL/MariaDB only, and checks what it declares: a virtual
// not_deleted column per soft-deleted table and unique indexes ending with
// it.
func TestMigrationStatements(t *testing.T) {
	for _, src := range migrationStatements {
		st, err := ParseStatement(src, MySQL)
		if err != nil {
			t.Errorf("ParseStatement(%q): %v", src, err)
			continue
		}
		mustPositions(t, src, []Statement{st})
		switch st := st.(type) {
		case *AlterTable:
			if len(st.Actions) != 1 {
				t.Errorf("%q: %d actions, want 1", src, len(st.Actions))
				continue
			}
			add, ok := st.Actions[0].(*AddColumn)
			if !ok {
				t.Errorf("%q: action %T, want *AddColumn", src, st.Actions[0])
				continue
			}
			c := add.Column
			if c.Name != "not_deleted" || c.Type != "TINYINT" || c.Generated == nil ||
				c.Generated.Storage != "VIRTUAL" || c.Generated.Expr.Text != "IF(deleted_at IS NULL, 1, NULL)" {
				t.Errorf("%q: column %s", src, summary(c))
			}
			if !strings.HasPrefix(src, "ALTER TABLE "+st.Table.Name+" ADD COLUMN ") {
				t.Errorf("%q: table %q", src, st.Table.Name)
			}
		case *CreateIndex:
			last := st.Parts[len(st.Parts)-1]
			if !st.Unique || last.Column != "not_deleted" || len(st.Parts) < 2 || st.Where != nil {
				t.Errorf("%q: %s", src, summary(st))
			}
			for _, p := range st.Parts {
				if p.Column == "" || p.Expr != nil || p.PrefixLen != 0 || p.Desc {
					t.Errorf("%q: part %s is not a plain column", src, summary(p))
				}
			}
			if !strings.HasPrefix(st.Name.Name, "idx_") || !strings.HasSuffix(st.Name.Name, "_unique") {
				t.Errorf("%q: index name %q", src, st.Name.Name)
			}
		default:
			t.Errorf("%q parses to %T", src, st)
		}
	}
	// The generated column is MySQL's (and SQLite's) shorthand; PostgreSQL
	// would need GENERATED ALWAYS AS ... STORED.
	_, err := ParseStatement(migrationStatements[0], Postgres)
	if err == nil || !strings.Contains(err.Error(), "not PostgreSQL syntax") {
		t.Errorf("MySQL generated column on PostgreSQL: err = %v", err)
	}
	if _, err := ParseStatement(migrationStatements[0], SQLite); err != nil {
		t.Errorf("generated column on SQLite: %v", err)
	}
}

// TestMigrationForeignKeys parses the clauses the migrations give to Bun's
// ForeignKey, in every dialect.
func TestMigrationForeignKeys(t *testing.T) {
	for _, src := range migrationForeignKeys {
		for _, d := range dialects {
			c, err := ParseForeignKey(src, d)
			if err != nil {
				t.Errorf("%v: ParseForeignKey(%q): %v", d, src, err)
				continue
			}
			r := c.References
			if c.Type != ForeignKey || len(c.Columns) != 1 || r == nil || !slices.Equal(r.Columns, []string{"id"}) ||
				r.OnDelete != "CASCADE" && r.OnDelete != "SET NULL" || c.Pos != (Pos{0, len(src)}) {
				t.Errorf("%v: ParseForeignKey(%q) = %s at %v", d, src, summary(c), c.Pos)
			}
			// Bun appends the clause after FOREIGN KEY inside CREATE TABLE.
			full := "CREATE TABLE x (" + c.Columns[0].Column + " varchar(20), FOREIGN KEY " + src + ")"
			ct, err := ParseStatement(full, d)
			if err != nil {
				t.Errorf("%v: %q: %v", d, full, err)
				continue
			}
			got := ct.(*CreateTable).Constraints[0]
			if summary(got) != summary(c) {
				t.Errorf("%v: in CREATE TABLE %s, alone %s", d, summary(got), summary(c))
			}
		}
	}
	if _, err := ParseForeignKey("(a) REFERENCES t (id); DROP TABLE t", Postgres); err == nil {
		t.Error("ParseForeignKey accepted a second statement")
	}
	if _, err := ParseForeignKey("(a) REFERENCES t (id), CHECK (a > 0)", Postgres); err == nil {
		t.Error("ParseForeignKey accepted a second table element")
	}
	if _, err := ParseForeignKey("", Postgres); err == nil {
		t.Error("ParseForeignKey accepted empty input")
	}
}

// TestMigrationsCovered finds every string constant the migrations pass to
// runSQL, Exec, ExecContext, NewRaw or ForeignKey, checks that the tables
// above (and so the fuzz seeds) hold it, and parses it in the dialects its
// enclosing "if db.Dialect().Name() == dialect.X" allows (all three when
// there is none).
func TestMigrationsCovered(t *testing.T) {
	files, err := filepath.Glob("../migrations/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations found: %v", err)
	}
	fset := gotoken.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch fun := call.Fun.(type) {
			case *ast.Ident:
				fn = fun.Name
			case *ast.SelectorExpr:
				fn = fun.Sel.Name
			}
			switch fn {
			case "runSQL", "Exec", "ExecContext", "NewRaw", "ForeignKey":
			default:
				return true
			}
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != gotoken.STRING {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				found++
				where := fset.Position(lit.Pos()).String()
				if fn == "ForeignKey" {
					if !slices.Contains(migrationForeignKeys, s) {
						t.Errorf("%s: %q is missing from migrationForeignKeys", where, s)
					}
					continue
				}
				if !slices.Contains(migrationStatements, s) {
					t.Errorf("%s: %q is missing from migrationStatements", where, s)
				}
				for _, d := range enclosingDialects(stack) {
					for _, st := range Parse(s, d) {
						switch st.(type) {
						case *Invalid, *Unknown:
							t.Errorf("%s: %v: %s", where, d, summary(st))
						}
					}
				}
			}
			return true
		})
	}
	if found == 0 {
		t.Fatal("found no SQL in the migrations")
	}
}

// enclosingDialects returns the dialects named by the conditions of the if
// statements around the innermost node of stack, or all three.
func enclosingDialects(stack []ast.Node) []Dialect {
	for i := len(stack) - 1; i > 0; i-- {
		ifs, ok := stack[i-1].(*ast.IfStmt)
		if !ok || stack[i] != ifs.Body {
			continue
		}
		sel, ok := ifs.Cond.(*ast.BinaryExpr)
		if !ok || sel.Op != gotoken.EQL {
			continue
		}
		if y, ok := sel.Y.(*ast.SelectorExpr); ok {
			switch y.Sel.Name {
			case "PG":
				return []Dialect{Postgres}
			case "MySQL":
				return []Dialect{MySQL}
			case "SQLite":
				return []Dialect{SQLite}
			}
		}
	}
	return dialects
}
