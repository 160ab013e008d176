package tagsyntax_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"
	"github.com/uptrace/bun/schema"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// What SL100's messages say about Bun, asked of Bun itself, so the claims
// stay true as Bun evolves. Each model mirrors a case in testdata.

type misspelled struct {
	bun.BaseModel `bun:"table:misspelleds"`
	ID            int64  `bun:"id,pk"`
	Email         string `bun:"email,notnul"`
}

type optionName struct {
	bun.BaseModel `bun:"table:option_names"`
	ID            int64  `bun:"pk"`
	Kind          string `bun:"type"`
}

type flagValue struct {
	bun.BaseModel `bun:"table:flag_values"`
	ID            int64  `bun:"id,pk:false"`
	Email         string `bun:"email,notnull:false"`
}

type splitDefault struct {
	bun.BaseModel `bun:"table:split_defaults"`
	ID            int64  `bun:"id,pk"`
	Tags          string `bun:"tags,default:'a,b'"`
	Quoted        string `bun:"quoted,default:\"'a,b'\""`
}

type repeatedType struct {
	bun.BaseModel `bun:"table:repeated_types"`
	ID            int64  `bun:"id,pk"`
	Code          string `bun:"code,type:varchar(10),type:varchar(20)"`
}

type unterminated struct {
	bun.BaseModel `bun:"table:unterminateds"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name,type:\"varchar(20),notnull"`
}

type tableTypos struct {
	bun.BaseModel `bun:"tabel:typos,alais:ty"`
	ID            int64 `bun:"id,pk"`
}

type base struct {
	Note string `bun:"note"`
}

type embeddedOptions struct {
	bun.BaseModel `bun:"table:embedded_options"`
	ID            int64 `bun:"id,pk"`
	base          `bun:"base,notnull,embed:x_"`
}

type extendName struct {
	misspelled `bun:"extend"`
}

type extendValue struct {
	misspelled `bun:"extend:false"`
}

type joinWithoutRel struct {
	bun.BaseModel `bun:"table:join_without_rels"`
	ID            int64 `bun:"id,pk"`
	AuthorID      int64 `bun:"author_id,join:author_id=id"`
}

type author struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64 `bun:"id,pk"`
	ParentID      int64 `bun:"parent_id"`
}

type relationOptions struct {
	bun.BaseModel `bun:"table:relation_options"`
	ID            int64     `bun:"id,pk"`
	AuthorID      int64     `bun:"author_id"`
	Author        *author   `bun:"rel:belongs-to,join:author_id=id,notnull,unique"`
	Children      []*author `bun:"rel:has-many,join:id=parent_id,on_delete:CASCADE"`
}

type emptyRel struct {
	bun.BaseModel `bun:"table:empty_rels"`
	ID            int64   `bun:"id,pk"`
	Author        *author `bun:"rel:"`
}

type emptyColumn struct {
	bun.BaseModel `bun:"table:empty_columns"`
	ID            int64  `bun:"id,pk"`
	Title         string `bun:"column:"`
}

type embedNonStruct struct {
	bun.BaseModel `bun:"table:embed_non_structs"`
	ID            int64 `bun:"id,pk"`
	Count         int   `bun:"embed:count_"`
}

type dashWithOptions struct {
	bun.BaseModel `bun:"table:dash_with_options"`
	ID            int64  `bun:"id,pk"`
	Skipped       string `bun:"-,notnull"`
	internal      string `bun:"internal"` //nolint:unused // Bun skipping it is what the test shows
}

func warned(res linttest.BunResult, part string) bool {
	for _, w := range res.Warnings {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

func field(t *testing.T, table *schema.Table, name string) *schema.Field {
	t.Helper()
	f, ok := table.FieldMap[name]
	if !ok {
		t.Fatalf("%s has no column %s", table.TypeName, name)
	}
	return f
}

func TestBunBehaviour(t *testing.T) {
	for _, tc := range []struct {
		name  string
		model any
		check func(*testing.T, linttest.BunResult)
	}{
		{"unknown option only warns, the column stays nullable", (*misspelled)(nil), func(t *testing.T, r linttest.BunResult) {
			if field(t, r.Table, "email").NotNull || !warned(r, `unknown tag option: "notnul"`) {
				t.Errorf("notnul: NotNull=%v, warnings %q", field(t, r.Table, "email").NotNull, r.Warnings)
			}
		}},
		{"an option name as the tag name is the column name", (*optionName)(nil), func(t *testing.T, r linttest.BunResult) {
			if len(r.Table.PKs) != 0 || field(t, r.Table, "pk").IsPK || !warned(r, `tag name "pk" is also an option name`) {
				t.Errorf(`bun:"pk": PKs %v, warnings %q`, r.Table.PKs, r.Warnings)
			}
			field(t, r.Table, "type")
		}},
		{"a flag's value is ignored", (*flagValue)(nil), func(t *testing.T, r linttest.BunResult) {
			if !field(t, r.Table, "id").IsPK || !field(t, r.Table, "email").NotNull {
				t.Error("pk:false / notnull:false turned the option off")
			}
		}},
		{"single quotes do not protect a comma", (*splitDefault)(nil), func(t *testing.T, r linttest.BunResult) {
			tags := field(t, r.Table, "tags")
			if tags.SQLDefault != "'a" || !tags.Tag.HasOption("b'") {
				t.Errorf("default:'a,b': SQLDefault %q, options %v", tags.SQLDefault, tags.Tag.Options)
			}
			if d := field(t, r.Table, "quoted").SQLDefault; d != "'a,b'" {
				t.Errorf(`default:"'a,b'": SQLDefault %q`, d)
			}
		}},
		{"a repeated option keeps the last value", (*repeatedType)(nil), func(t *testing.T, r linttest.BunResult) {
			if typ := field(t, r.Table, "code").UserSQLType; typ != "varchar(20)" {
				t.Errorf("type:a,type:b: UserSQLType %q", typ)
			}
		}},
		{"an unterminated quote drops the rest", (*unterminated)(nil), func(t *testing.T, r linttest.BunResult) {
			if f := field(t, r.Table, "name"); f.NotNull || f.UserSQLType != f.DiscoveredSQLType {
				t.Errorf("unterminated quote: NotNull=%v, type %q", f.NotNull, f.UserSQLType)
			}
		}},
		{"unknown table options are ignored", (*tableTypos)(nil), func(t *testing.T, r linttest.BunResult) {
			if r.Table.Name != "table_typos" || r.Table.Alias != "table_typos" || !warned(r, `unknown tag option: "tabel"`) {
				t.Errorf("tabel/alais: table %q alias %q", r.Table.Name, r.Table.Alias)
			}
		}},
		{"options on an embedded struct are ignored", (*embeddedOptions)(nil), func(t *testing.T, r linttest.BunResult) {
			if field(t, r.Table, "note").NotNull {
				t.Error("notnull on an embedded struct reached its fields")
			}
		}},
		{"extend as the tag name is ignored", (*extendName)(nil), func(t *testing.T, r linttest.BunResult) {
			if r.Table.Name != "extend_names" {
				t.Errorf(`bun:"extend": table %q, want the model's own`, r.Table.Name)
			}
		}},
		{"extend's value is ignored", (*extendValue)(nil), func(t *testing.T, r linttest.BunResult) {
			if r.Table.Name != "misspelleds" {
				t.Errorf(`bun:"extend:false": table %q, want the embedded model's`, r.Table.Name)
			}
		}},
		{"join without rel is a column, with a warning", (*joinWithoutRel)(nil), func(t *testing.T, r linttest.BunResult) {
			field(t, r.Table, "author_id")
			if len(r.Table.Relations) != 0 || !warned(r, `"join" option must come together with "rel" option`) {
				t.Errorf("join without rel: relations %v, warnings %q", r.Table.Relations, r.Warnings)
			}
		}},
		{"column options on a relation", (*relationOptions)(nil), func(t *testing.T, r linttest.BunResult) {
			if _, ok := r.Table.FieldMap["author"]; ok {
				t.Error("a relation field became a column")
			}
			if u := r.Table.Unique[""]; len(u) != 1 || u[0].Name != "author" {
				t.Errorf("unique on a relation: Unique %v", r.Table.Unique)
			}
			if od := r.Table.Relations["Children"].OnDelete; od != "" {
				t.Errorf("on_delete on has-many: OnDelete %q", od)
			}
		}},
		{"rel: without a value panics", (*emptyRel)(nil), func(t *testing.T, r linttest.BunResult) {
			if r.Panic == nil || !strings.Contains(fmtPanic(r.Panic), "unknown relation=") {
				t.Errorf("rel: panic %v", r.Panic)
			}
		}},
		{"column: without a value names the column \"\"", (*emptyColumn)(nil), func(t *testing.T, r linttest.BunResult) {
			field(t, r.Table, "")
		}},
		{"embed: on a non-struct panics", (*embedNonStruct)(nil), func(t *testing.T, r linttest.BunResult) {
			if r.Panic == nil || !strings.Contains(fmtPanic(r.Panic), "wanted reflect.Struct") {
				t.Errorf("embed: on int: panic %v", r.Panic)
			}
		}},
		{"only the tag \"-\" skips a field; unexported fields are skipped", (*dashWithOptions)(nil), func(t *testing.T, r linttest.BunResult) {
			field(t, r.Table, "-")
			if _, ok := r.Table.FieldMap["internal"]; ok {
				t.Error("an unexported field became a column")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := linttest.Bun(tc.model)
			if r.Panic != nil && r.Table == nil && !strings.Contains(tc.name, "panics") {
				t.Fatalf("Bun panicked: %v", r.Panic)
			}
			tc.check(t, r)
		})
	}
}

// TestBunUniqueOnRelation: unique on a relation field puts a column that
// does not exist into CREATE TABLE, and the database refuses it.
func TestBunUniqueOnRelation(t *testing.T) {
	sqldb, err := sql.Open(sqliteshim.ShimName, "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	db := bun.NewDB(sqldb, sqlitedialect.New())
	defer func() { _ = db.Close() }()
	q := db.NewCreateTable().Model((*relationOptions)(nil))
	if !strings.Contains(q.String(), `UNIQUE ("author")`) {
		t.Errorf("CREATE TABLE has no UNIQUE (\"author\"): %s", q.String())
	}
	if _, err := q.Exec(context.Background()); err == nil {
		t.Errorf("CREATE TABLE succeeded: %s", q.String())
	}
}

func fmtPanic(p any) string {
	if err, ok := p.(error); ok {
		return err.Error()
	}
	if s, ok := p.(string); ok {
		return s
	}
	return ""
}
