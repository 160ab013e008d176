package declared

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"
)

var update = flag.Bool("update", false, "rewrite the .golden files of TestExtract")

// TestExtract extracts each fixture package of testdata and compares a
// full dump of the schema (migrations with their changes per dialect, the
// final tables, problems and notes, with positions) with its golden file.
// The golden files were checked by hand against the fixtures; the
// targeted tests below state the behaviours they show.
func TestExtract(t *testing.T) {
	for _, pkg := range fixturePkgs {
		t.Run(pkg, func(t *testing.T) {
			s := loadFixture(t, pkg)
			got := dump(s)
			golden := filepath.Join("testdata", pkg+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
			// Everything but the token positions survives JSON.
			b, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			var back Schema
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(dump(s), dump(&back)); diff != "" {
				t.Errorf("JSON round trip changes the schema:\n%s", diff)
			}
		})
	}
}

var fixturePkgs = []string{"builders", "rawsql", "branches", "sqlfiles", "notes", "literal", "directives", "realworld", "guards"}

// loadFixtures loads every fixture package once.
var loadFixtures = sync.OnceValues(func() (map[string]*Schema, error) {
	var patterns []string
	for _, p := range fixturePkgs {
		patterns = append(patterns, "./"+p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata"}, patterns...)
	if err != nil {
		return nil, err
	}
	schemas, err := Analyze(pkgs)
	if err != nil {
		return nil, err
	}
	out := map[string]*Schema{}
	for _, s := range schemas {
		out[strings.TrimPrefix(s.Package, "fixtures/")] = s
	}
	return out, nil
})

func loadFixture(t *testing.T, pkg string) *Schema {
	t.Helper()
	all, err := loadFixtures()
	if err != nil {
		t.Fatal(err)
	}
	s := all[pkg]
	if s == nil {
		t.Fatalf("fixture %s declares nothing", pkg)
	}
	return s
}

// dump describes a schema line by line, positions relative to testdata.
func dump(s *Schema) string {
	var b strings.Builder
	abs, _ := filepath.Abs("testdata")
	pos := func(p Position) string {
		if !p.IsValid() {
			return "-"
		}
		f := strings.TrimPrefix(filepath.ToSlash(p.File), filepath.ToSlash(abs)+"/")
		return fmt.Sprintf("%s:%d:%d", f, p.Line, p.Column)
	}
	fmt.Fprintf(&b, "package %s source %s registry %s\n", s.Package, s.Source, pos(s.Registry))
	for _, m := range s.Migrations {
		fmt.Fprintf(&b, "migration %s_%s %s at %s has_down=%v\n", m.Name, m.Comment, m.Kind, pos(m.Pos), m.HasDown)
		for _, dir := range []struct {
			name string
			cs   []*Change
		}{{"up", m.Up}, {"down", m.Down}} {
			for _, c := range dir.cs {
				fmt.Fprintf(&b, "  %s %s %s", dir.name, c.Dialect, c.Kind)
				for _, x := range []string{c.Table, c.Name, c.NewName} {
					if x != "" {
						b.WriteString(" " + x)
					}
				}
				if c.IfExists {
					b.WriteString(" if-exists")
				}
				if c.IfNotExists {
					b.WriteString(" if-not-exists")
				}
				if c.Builder {
					b.WriteString(" builder")
				}
				if c.Maybe {
					b.WriteString(" maybe")
				}
				if c.Index != nil {
					b.WriteString(" " + describeIndex(c.Index))
				}
				if c.Column != nil {
					b.WriteString(" " + describeColumn(c.Column))
				}
				if c.ForeignKey != nil {
					b.WriteString(" " + describeFK(c.ForeignKey))
				}
				fmt.Fprintf(&b, " @%s\n", pos(c.Pos))
			}
		}
	}
	for _, ds := range s.Dialects {
		fmt.Fprintf(&b, "dialect %s\n", ds.Dialect)
		for _, t := range ds.Tables {
			model := "-"
			if t.Model != nil {
				model = t.Model.String()
			}
			fmt.Fprintf(&b, "  table %s model %s pk (%s) @%s\n", t.Name, model, strings.Join(t.PrimaryKey, ","), pos(t.Pos))
			for _, c := range t.Columns {
				fmt.Fprintf(&b, "    column %s %s %s @%s\n", describeColumn(c), c.Origin, c.Field, pos(c.Pos))
			}
			if len(t.DroppedColumns) > 0 {
				fmt.Fprintf(&b, "    dropped %s\n", strings.Join(t.DroppedColumns, ","))
			}
			for _, ix := range t.Indexes {
				fmt.Fprintf(&b, "    index %s %s @%s\n", describeIndex(ix), ix.Source, pos(ix.Pos))
			}
			for _, fk := range t.ForeignKeys {
				fmt.Fprintf(&b, "    fk %s %s @%s\n", describeFK(fk), fk.Source, pos(fk.Pos))
			}
		}
		for _, p := range ds.Problems {
			fmt.Fprintf(&b, "  problem %s %s.%s: %s @%s\n", p.Migration, p.Table, p.Column, p.Message, pos(p.Pos))
		}
	}
	for _, n := range s.Notes {
		kind := "note"
		if n.Unseen {
			kind = "unseen"
		}
		fmt.Fprintf(&b, "%s %v %s: %s @%s\n", kind, n.Dialects, n.Migration, n.Message, pos(n.Pos))
	}
	return b.String()
}

func describeFK(fk *ForeignKey) string {
	return fmt.Sprintf("%s %s(%s) -> %s(%s) delete=%s update=%s", fk.Name, fk.Table, strings.Join(fk.Columns, ","),
		fk.RefTable, strings.Join(fk.RefColumns, ","), fk.OnDelete, fk.OnUpdate)
}

// TestExtractBehaviour states, fixture by fixture, what the golden files
// show: which indexes exist on which dialect, and which notes are made.
func TestExtractBehaviour(t *testing.T) {
	type want struct {
		d            Dialect
		table, index string
		exists       bool
	}
	for _, tc := range []struct {
		pkg     string
		indexes []want
		notes   []string // substrings, each in some note
		noNotes []string // substrings no note may hold
	}{
		{pkg: "builders", indexes: []want{
			{PG, "orgs", "idx_orgs_slug", true}, {MySQL, "orgs", "idx_orgs_slug", false}, {SQLite, "orgs", "idx_orgs_slug", true},
			{PG, "users", "idx_users_org", false}, {MySQL, "users", "idx_users_org", true}, // MySQL cannot drop it without ON
			{PG, "posts", "idx_posts_title", false}, // dropped with its INCLUDE column body
			{SQLite, "posts", "posts_author_title", true},
			{PG, "users", "idx_users_name", true}, {MySQL, "users", "idx_users_name", false}, // directive limited to pg,sqlite
		}, notes: []string{"WHERE (a partial index) is not MySQL syntax", "CONCURRENTLY is not SQLite syntax"}},
		{pkg: "rawsql", indexes: []want{
			{PG, "users", "idx_users_email", true}, {MySQL, "users", "idx_users_org", true}, {SQLite, "orgs", "idx_orgs_slug", true},
		}},
		{pkg: "branches", indexes: []want{
			{MySQL, "orgs", "idx_orgs_slug", true}, {PG, "orgs", "idx_orgs_pg", true}, {SQLite, "orgs", "idx_orgs_pg", false},
			{SQLite, "orgs", "idx_orgs_lite", true}, {PG, "orgs", "idx_orgs_lite", false}, {MySQL, "orgs", "idx_never", false},
			{PG, "orgs", "idx_pg_only", true}, {SQLite, "orgs", "idx_pg_only", false}, {SQLite, "orgs", "idx_lite_only", true},
			{MySQL, "orgs", "idx_lite_only", false}, {PG, "orgs", "idx_not_pg", false}, {MySQL, "orgs", "idx_not_pg", true},
		}},
		{pkg: "sqlfiles", indexes: []want{{PG, "orgs", "idx_orgs_slug", true}, {SQLite, "users", "idx_users_org", true}},
			notes: []string{"CREATE VIEW is not modelled", "DROP VIEW is not modelled"}},
		{pkg: "notes", indexes: []want{{PG, "audits", "idx_flagged", true}, {PG, "audits", "idx_never_run", false}},
			notes: []string{"helpers.CreateExtras may run queries", "the SQL is not a constant string", "? placeholders",
				"has the hook AfterCreateTable", "CREATE VIEW is not modelled", "CREATE INDEX does not parse",
				"not known statically (its type is any)", "CONCURRENTLY is not MySQL syntax", "assumed to run",
				"built but not seen executed"},
			noNotes: []string{"RegisterAll", "down function"}},
		{pkg: "literal", indexes: []want{{PG, "t", "idx_t_a", true}}},
		{pkg: "directives", indexes: []want{{PG, "teams", "idx_teams_slug", true}, {MySQL, "teams", "idx_teams_slug", false},
			{MySQL, "players", "idx_players_team", true}}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			s := loadFixture(t, tc.pkg)
			for _, w := range tc.indexes {
				tab := s.For(w.d).Table(w.table)
				if tab == nil {
					t.Errorf("%s: no table %s", w.d, w.table)
					continue
				}
				if got := tab.Index(w.index) != nil; got != w.exists {
					t.Errorf("%s: index %s on %s exists = %v, want %v", w.d, w.index, w.table, got, w.exists)
				}
			}
			text := ""
			for _, n := range s.Notes {
				text += n.Message + "\n"
			}
			for _, sub := range tc.notes {
				if !strings.Contains(text, sub) {
					t.Errorf("no note says %q; notes:\n%s", sub, text)
				}
			}
			for _, sub := range tc.noNotes {
				if strings.Contains(text, sub) {
					t.Errorf("a note says %q:\n%s", sub, text)
				}
			}
		})
	}
}
