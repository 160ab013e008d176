package bunmodel

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"
)

func TestParseIndexDirective(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want IndexFact
	}{
		{` idx_users_email (email)`, IndexFact{Name: "idx_users_email", Parts: "email", Columns: []string{"email"}}},
		{` idx_users_email(email) unique where "deleted_at IS NULL"`, IndexFact{Name: "idx_users_email", Parts: "email",
			Columns: []string{"email"}, Unique: true, Where: "deleted_at IS NULL"}},
		{"\tidx_a ( org_id , created_at DESC ) where `a = 'x'` unique", IndexFact{Name: "idx_a", Parts: "org_id , created_at DESC",
			Columns: []string{"org_id", "created_at"}, Unique: true, Where: "a = 'x'"}},
		{` idx_lower (lower(email), "Mixed") using GIN dialect postgres,sqlite3`, IndexFact{Name: "idx_lower",
			Parts: `lower(email), "Mixed"`, Columns: []string{"", "Mixed"}, Using: "gin", Dialects: []string{"pg", "sqlite"}}},
		{` idx_q (a) where "x = \"y\""`, IndexFact{Name: "idx_q", Parts: "a", Columns: []string{"a"}, Where: `x = "y"`}},
		{` idx_e ((a || ','), b)`, IndexFact{Name: "idx_e", Parts: "(a || ','), b", Columns: []string{"", "b"}}},
		{` idx_c (a) unique // the reason`, IndexFact{Name: "idx_c", Parts: "a", Columns: []string{"a"}, Unique: true}},
	} {
		got, err := ParseIndexDirective(tc.in)
		if err != nil {
			t.Errorf("ParseIndexDirective(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseIndexDirective(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, err string }{
		{``, "want an index name"},
		{` (email)`, "want an index name"},
		{` idx`, "want ( after the index name"},
		{` idx ()`, "has no columns"},
		{` idx (a,)`, "empty part"},
		{` idx (a`, "unbalanced parentheses"},
		{` idx (a) uniq`, `unknown option "uniq"`},
		{` idx (a) unique unique`, "unique given twice"}, //nolint:dupword // the repeated option is the case under test
		{` idx (a) where deleted_at`, "quoted string"},
		{` idx (a) where "x`, "unterminated string"},
		{` idx (a) where ""`, "empty where"},
		{` idx (a) using`, "index method"},
		{` idx (a) dialect oracle`, `unknown dialect "oracle"`},
		{` idx (a) dialect`, "dialect needs a list"},
		{` idx (a) ;`, "want unique, using, where or dialect"},
	} {
		_, err := ParseIndexDirective(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseIndexDirective(%q) = %v, want an error containing %q", tc.in, err, tc.err)
		}
	}
}

func TestIndexDirectivesInDocComment(t *testing.T) {
	src := `package p

//schemalint:indexes is not a directive
// User is a model.
//
//schemalint:index idx_a (a)
//schemalint:index idx_b (b) bogus
type User struct{}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Decls[0].(*ast.GenDecl).Doc
	ds, errs := indexDirectives(doc)
	if len(ds) != 1 || ds[0].Name != "idx_a" || fset.Position(ds[0].Pos).Line != 6 {
		t.Errorf("directives %+v", ds)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Message, `unknown option "bogus"`) || fset.Position(errs[0].Pos).Line != 7 {
		t.Errorf("errors %+v", errs)
	}
	if !(&IndexFact{}).ForDialect("mysql") || (&IndexFact{Dialects: []string{"pg"}}).ForDialect("mysql") {
		t.Error("ForDialect")
	}
}

// FuzzParseIndexDirective checks that no directive text panics the parser
// and that what it accepts is consistent: a name, as many columns as parts.
func FuzzParseIndexDirective(f *testing.F) {
	for _, s := range []string{` idx (a)`, ` i (a, lower(b)) unique where "x" using gin dialect pg`, ` i ((a)`, " i (`a`) where `b`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseIndexDirective(s)
		if err != nil {
			return
		}
		if got.Name == "" || len(got.Columns) != len(splitTopLevel(got.Parts)) {
			t.Errorf("ParseIndexDirective(%q) = %+v", s, got)
		}
	})
}
