package load

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/drift"
)

// declaredIndexes spells the indexes of d, table by table: "name:
// index(parts) flags", flags being unique, where, using, d (a
// directive's) and m (a migration creates one of its name).
func declaredIndexes(d *drift.Declared) []string {
	var out []string
	for _, t := range d.Tables {
		for _, ix := range t.Indexes {
			var parts []string
			for _, p := range ix.Parts {
				parts = append(parts, p.Column+p.Expr)
			}
			s := fmt.Sprintf("%s: %s(%s)", t.Name, ix.Name, strings.Join(parts, ","))
			for _, f := range []struct {
				on   bool
				word string
			}{{ix.Unique, "unique"}, {ix.Where != "", "where " + ix.Where}, {ix.Using != "", "using " + ix.Using}, {ix.Directive, "d"}, {ix.Migrated, "m"}} {
				if f.on {
					s += " " + f.word
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// TestDeclaredDirectives: with --migrations, what is declared is the
// union of the migrations (which do not import the models) and the
// models' //schemalint:index directives, per dialect: an index only a
// directive declares is added (on a table no migration creates too);
// one a migration creates as declared is one index, marked as both; one a
// migration creates otherwise is the directive's; one named as an index
// of another table stays the migration's on PostgreSQL and SQLite, with a
// note (on MySQL index names are the table's); a directive's dialect is
// respected, and a partial index on MySQL is a note. An edit of the
// models is seen through the cache.
func TestDeclaredDirectives(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "dirmod")
	cfg := Config{Dir: dir, Models: []string{"./models"}, Migrations: []string{"./migrations"}, CacheDir: t.TempDir()}
	common := []string{
		"accounts: (email) unique",
		"accounts: idx_accounts_email(email) d m",
		"accounts: idx_accounts_name(name) unique d m",
		"accounts: idx_accounts_code(code) d",
	}
	shared := "models/models.go:14:1: //schemalint:index idx_shared on accounts names the index the migrations create on logs (migrations/20260101000001_init.go:16:5): drift compares that one; rename the directive's"
	for _, tc := range []struct {
		dialect string
		want    []string
		note    string
	}{
		{"pg", append(slices.Clone(common), "accounts: idx_accounts_tags(tags) using gin d", "accounts: idx_accounts_live(email) where code IS NOT NULL d",
			"logs: idx_shared(code)", "notes: idx_notes_body(body) d"), shared},
		{"sqlite", append(slices.Clone(common), "accounts: idx_accounts_live(email) where code IS NOT NULL d",
			"logs: idx_shared(code)", "notes: idx_notes_body(body) d"), shared},
		{"mysql", append(slices.Clone(common), "accounts: idx_shared(code,name) d",
			"logs: idx_shared(code)", "notes: idx_notes_body(body) d"),
			"models/models.go:16:1: a model's index directive is not followed: //schemalint:index idx_accounts_live does not parse as an index on MySQL: offset 55: WHERE (a partial index) is not MySQL syntax"},
	} {
		got, err := Declared(t.Context(), cfg, tc.dialect)
		if err != nil {
			t.Fatal(err)
		}
		if g := declaredIndexes(got); !slices.Equal(g, tc.want) {
			t.Errorf("%s: indexes\n\t%s\nwant\n\t%s", tc.dialect, strings.Join(g, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
		if got.Source != "migrations" || !slices.Contains(got.Notes, tc.note) || len(got.Notes) != 1 {
			t.Errorf("%s: source %q, notes %q; want migrations and %q", tc.dialect, got.Source, got.Notes, tc.note)
		}
		for _, dt := range got.Tables {
			if (dt.Name == "notes") != (dt.Pos.File == "models/models.go") || dt.HasModel != (dt.Name != "logs") {
				t.Errorf("%s: table %s at %s, has model %v", tc.dialect, dt.Name, dt.Pos, dt.HasModel)
			}
		}
	}

	// Without --models, ./... holds the models; a project whose
	// "migrations" are the models' directives declares each index once.
	for _, tc := range []struct {
		models, migrations string
		source             string
		n                  int
	}{{"", "./migrations", "migrations", 8}, {"./models", "./models", "directives", 7}} {
		c := cfg
		c.Models, c.Migrations = nil, []string{tc.migrations}
		if tc.models != "" {
			c.Models = []string{tc.models}
		}
		got, err := Declared(t.Context(), c, "pg")
		if err != nil {
			t.Fatal(err)
		}
		if g := declaredIndexes(got); got.Source != tc.source || len(g) != tc.n || !slices.Contains(g, "notes: idx_notes_body(body) d") {
			t.Errorf("--models %q --migrations %s: source %q, indexes\n\t%s", tc.models, tc.migrations, got.Source, strings.Join(g, "\n\t"))
		}
	}

	// The migrations do not import the models: the cached result must
	// still follow them.
	file := filepath.Join(dir, "models", "models.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "//schemalint:index idx_notes_body (body)", "//schemalint:index idx_notes_body (body, id)", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Declared(t.Context(), cfg, "pg")
	if err != nil {
		t.Fatal(err)
	}
	if g := declaredIndexes(got); !slices.Contains(g, "notes: idx_notes_body(body,id) d") {
		t.Errorf("after the edit of the models: %q", g)
	}
}
