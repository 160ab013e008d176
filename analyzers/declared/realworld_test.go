package declared

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestRealWorldMigrations: migrations written as applications write them
// (testdata/realworld) are followed, each statement where it runs, and
// nothing in them is left unseen.
func TestRealWorldMigrations(t *testing.T) {
	s := loadFixture(t, "realworld")
	byName := map[string]*Migration{}
	for _, m := range s.Migrations {
		byName[m.Comment] = m
	}
	for _, tc := range []struct {
		mig      string
		up, down []string // "kind table name" of the PostgreSQL changes, in order
	}{
		// up := func...; MustRegister(up, down)
		{"locals", []string{"create table orgs"}, []string{"drop table orgs"}},
		// var upUsers = func...; var downUsers = dropUsers
		{"pkgvars", []string{"create table users"}, []string{"drop table users"}},
		// MustRegister(m.up, m.down), value and pointer receivers
		{"methods", []string{"create table posts"}, []string{"drop table posts"}},
		// RunInTx, BeginTx on bun.Tx, database/sql's BeginTx on db.DB
		{"tx", []string{"create index users idx_users_org", "create index users idx_users_email", "create index posts idx_posts_author"},
			[]string{"drop index idx_users_org", "drop index idx_users_email", "drop index idx_posts_author"}},
		// ranges over a slice of SQL and of models
		{"loops", []string{"create index users idx_users_name", "create index posts idx_posts_title", "create table audits",
			"create index users idx_users_manager", "create index posts idx_posts_author_title", "create index audits idx_audits_id_action"}, nil},
		// fmt.Sprintf of constants and known strings
		{"sprintf", []string{"create index audits idx_audits_action", "create index orgs idx_orgs_slug"}, []string{"drop index idx_audits_action"}},
		// ResetModel
		{"reset", []string{"drop table posts", "create table posts"}, []string{"drop table audits", "create table audits"}},
		// helpers of another package of the module
		// migration functions and statements of another package of the module
		{"shared", []string{"create table audit_log"}, []string{"drop table audit_log"}},
		{"shared_indexes", []string{"create index audit_log idx_audit_log_org"}, nil},
		{"helpers", []string{"add column orgs plan", "create index users idx_users_org_name", "create index orgs idx_orgs_plan"}, []string{"drop column orgs plan"}},
	} {
		m := byName[tc.mig]
		if m == nil {
			t.Errorf("no migration %s", tc.mig)
			continue
		}
		describe := func(cs []*Change) []string {
			var out []string
			for _, c := range cs {
				if c.Dialect != PG {
					continue
				}
				d := string(c.Kind)
				for _, x := range []string{c.Table, c.Name} {
					if x != "" {
						d += " " + x
					}
				}
				if c.Index != nil {
					d += " " + c.Index.Name
				}
				if c.Column != nil {
					d += " " + c.Column.Name
				}
				out = append(out, d)
				// A change made in a helper of another package is
				// reported at the call in the migration.
				if !strings.HasPrefix(filepath.Base(c.Pos.File), "2024") || filepath.Base(filepath.Dir(c.Pos.File)) != "realworld" {
					t.Errorf("%s: %s is reported at %s, not in the migration", tc.mig, d, c.Pos)
				}
			}
			return out
		}
		if got := describe(m.Up); strings.Join(got, "; ") != strings.Join(tc.up, "; ") {
			t.Errorf("%s up:\n got %q\nwant %q", tc.mig, got, tc.up)
		}
		if got := describe(m.Down); strings.Join(got, "; ") != strings.Join(tc.down, "; ") {
			t.Errorf("%s down:\n got %q\nwant %q", tc.mig, got, tc.down)
		}
	}
	for _, n := range s.Notes {
		if n.Unseen {
			t.Errorf("unseen note %s: %s", n.Pos, n.Message)
		}
	}
	for _, d := range AllDialects {
		if ps := s.For(d).Problems; len(ps) > 0 {
			t.Errorf("%s: problems %v", d, ps[0].Message)
		}
		if tab := s.For(d).Table("orgs"); tab == nil || tab.Column("plan", d) == nil || tab.Index("idx_orgs_plan") == nil {
			t.Errorf("%s: orgs has no column plan or no index idx_orgs_plan from the helpers", d)
		}
	}
}

// TestGuardedStatements: statements that may or may not run (under an
// existence check, with "already exists" swallowed) are kept where they
// fit and never reported as conflicting; IF NOT EXISTS is understood; a
// columnExists query with arguments hides nothing.
func TestGuardedStatements(t *testing.T) {
	s := loadFixture(t, "guards")
	maybe := map[string]bool{}
	for _, m := range s.Migrations {
		for _, c := range m.Up {
			if c.Dialect != PG || c.Kind == Data {
				continue
			}
			name := c.Name
			if c.Index != nil {
				name = c.Index.Name
			}
			if c.Column != nil {
				name = c.Column.Name
			}
			maybe[m.Comment+" "+string(c.Kind)+" "+name] = c.Maybe
		}
	}
	want := map[string]bool{
		"orgs create table ":                   false,
		"orgs create index idx_orgs_slug":      false,
		"guarded add column plan":              true, // if !ok (columnExists)
		"guarded create index idx_legacy_slug": true, // if tableExists(...)
		"guarded create index idx_orgs_slug":   true, // err != nil && !strings.Contains(..., "already exists")
		"guarded add column slug":              true, // the statement before err != nil && !isDuplicateColumn(err)
		"guarded create index idx_orgs_plan":   false,
		"pgonly add column plan":               false, // ADD COLUMN IF NOT EXISTS
		"codes create table ":                  true,  // errors.As(err, &pe) && pe.Code == "42P07"
		"switch create table ":                 true,  // case "fresh" of an undecided switch
		"switch create index idx_orgs_slug":    true,  // its default
		"do create index orgs_slug_key":        true,  // DO $$ ... IF NOT EXISTS (...) THEN ... END IF
		"do add column plan":                   true,  // DO $$ ... EXCEPTION WHEN duplicate_column THEN NULL
	}
	if diff := cmp.Diff(want, maybe); diff != "" {
		t.Errorf("maybe per change (-want +got):\n%s", diff)
	}
	for _, d := range AllDialects {
		for _, p := range s.For(d).Problems {
			t.Errorf("%s: problem %s", d, p.Message)
		}
		orgs := s.For(d).Table("orgs")
		if orgs == nil || orgs.Column("plan", d) == nil || orgs.Index("idx_orgs_slug") == nil || orgs.Index("idx_orgs_plan") == nil {
			t.Errorf("%s: orgs lacks plan, idx_orgs_slug or idx_orgs_plan", d)
		}
		if s.For(d).Table("legacy_orgs") != nil {
			t.Errorf("%s: legacy_orgs exists", d)
		}
	}
	var unseen []string
	for _, n := range s.Notes {
		if n.Unseen {
			unseen = append(unseen, fmt.Sprintf("%s %d: %s", n.Migration, n.Pos.Line, n.Message))
		}
	}
	// Only the DO block with a loop.
	if want := []string{"20240301000005 28: DO is not modelled: what it creates or changes is not seen"}; !cmp.Equal(unseen, want) {
		t.Errorf("unseen notes:\n got %q\nwant %q", unseen, want)
	}
}

// TestForeignHelpersAcrossProcesses: when the driver encodes facts (go vet
// runs each package in a process of its own; SanityCheck does the same
// round trip), the syntax of the module's other packages is not at hand,
// and a helper given the handle stays unseen, as before.
func TestForeignHelpersAcrossProcesses(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata"}, "./realworld")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var s *Schema
	for act := range graph.All() {
		if act.IsRoot && act.Analyzer == Analyzer && act.Result != nil {
			s = act.Result.(*Result).Schema
		}
	}
	if s == nil {
		t.Fatal("no schema")
	}
	var unseen []string
	for _, n := range s.Notes {
		if n.Unseen {
			unseen = append(unseen, n.Message)
		}
	}
	text := strings.Join(unseen, "\n")
	for _, want := range []string{"sqlschema.AddColumn may run queries", "sqlschema.DropColumn may run queries", "sqlschema.InTx may run queries", "sqlschema.Create may run queries"} {
		if !strings.Contains(text, want) {
			t.Errorf("no unseen note says %q; unseen notes:\n%s", want, text)
		}
	}
}

// TestDoBlockEdges: DO blocks that are not plain stay unseen, and odd
// text never breaks the reading.
func TestDoBlockEdges(t *testing.T) {
	for _, tc := range []struct {
		src     string
		changes int  // changes read
		unseen  bool // a note that may hide statements
	}{
		{"DO $$ BEGIN CREATE INDEX i ON t (a); END $$", 1, false},
		{"DO LANGUAGE plpgsql $x$ BEGIN IF true THEN CREATE INDEX i ON t (a); ELSIF false THEN DROP INDEX i; ELSE NULL; END IF; END $x$", 2, false},
		{"DO $$ BEGIN IF x = 'THEN' THEN CREATE INDEX i ON t (a); END IF; END $$", 1, false},
		{"DO $$ BEGIN IF true THEN CREATE INDEX i ON t (a); END $$", 0, true},         // IF never closed
		{"DO $$ BEGIN CREATE INDEX i ON t (a);", 0, true},                             // unterminated body
		{"DO $a b$ BEGIN CREATE INDEX i ON t (a); END $a b$", 0, true},                // not a tag
		{"DO $$ <<l>> BEGIN CREATE INDEX i ON t (a); END $$", 0, true},                // label
		{"DO $$ BEGIN PERFORM f(); END $$", 0, true},                                  // a function runs
		{"DO $$ BEGIN RAISE NOTICE 'ɐɐɐ'; CREATE INDEX i ON t (a); END $$", 1, false}, // offsets survive non-ASCII text
		{"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM t WHERE (a = ')')) THEN ALTER TABLE t ADD COLUMN b int; END IF; END $$", 1, false},
	} {
		cs, notes := sqlText{d: PG, src: tc.src, pos: func(int) token.Pos { return 1 }}.changes()
		unseen := false
		for _, n := range notes {
			unseen = unseen || n.unseen
		}
		if len(cs) != tc.changes || unseen != tc.unseen {
			t.Errorf("%s: %d changes, unseen %v; want %d, %v (notes %v)", tc.src, len(cs), unseen, tc.changes, tc.unseen, notes)
		}
	}
}

// TestSprintf: fmt.Sprintf is evaluated only when its result is certain.
func TestSprintf(t *testing.T) {
	s := loadFixture(t, "realworld")
	for _, n := range s.Notes {
		if strings.Contains(n.Message, "not a constant") || strings.Contains(n.Message, "not known statically") {
			t.Errorf("note %s: %s", n.Pos, n.Message)
		}
	}
	in := &interp{x: &extractor{}}
	for _, tc := range []struct {
		format string
		args   []value
		want   string // "" when not evaluated
	}{
		{"CREATE INDEX %s ON %s (%s)", []value{vStr{s: "i"}, vStr{s: "t"}, vStr{s: "a"}}, "CREATE INDEX i ON t (a)"},
		{"100%% %q", []value{vStr{s: "x"}}, `100% "x"`},
		{"%d", []value{vStr{s: "x"}}, ""},  // a string for %d
		{"%5s", []value{vStr{s: "x"}}, ""}, // widths
		{"%s %s", []value{vStr{s: "x"}}, ""},
		{"%s", []value{vTyped{}}, ""},
	} {
		in.src = &pkgSrc{info: &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}}
		call := &ast.CallExpr{Args: make([]ast.Expr, len(tc.args)+1)}
		for i := range call.Args {
			call.Args[i] = &ast.Ident{Name: "x"}
		}
		fn := types.NewFunc(token.NoPos, types.NewPackage("fmt", "fmt"), "Sprintf", nil)
		v, ok := in.sprintf(call, fn, append([]value{vStr{s: tc.format}}, tc.args...))
		got := ""
		if ok {
			got = v.(vStr).s
		}
		if got != tc.want {
			t.Errorf("Sprintf(%q, ...) = %q, want %q", tc.format, got, tc.want)
		}
	}
}
