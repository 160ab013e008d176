package analyzers_test

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// TestReferenceSchemaLintsClean runs every rule, with the repository's
// .schemalint.yml, over the reference schema and its migrations: no
// finding, and no suppression directive anywhere.
func TestReferenceSchemaLintsClean(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: ".."}
	pkgs, err := packages.Load(cfg, "./schema/...", "./migrations/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load")
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.NewEnv()), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			id, _, _ := lint.ParseCategory(d.Category)
			t.Errorf("%s: %s %s", act.Package.Fset.Position(d.Pos), id, d.Message)
		}
		if res, ok := act.Result.(*lint.Outcome); ok && len(res.Used) > 0 {
			t.Errorf("%s: the reference schema uses %d suppression directive(s)", act.Analyzer.Name, len(res.Used))
		}
	}
}

// TestDeletingAnIndexReportsItsForeignKey deletes one CREATE INDEX from
// the reference migrations (in a go/packages overlay: the files stay as
// they are) and runs every rule: the only finding is SL200, naming the
// foreign key that index led, the model field and the index to add. The
// constraints are declared, so MySQL's own index covers them there. Its
// fix, applied, compiles and lints clean.
func TestDeletingAnIndexReportsItsForeignKey(t *testing.T) {
	for _, tc := range []struct{ file, index, column, field string }{
		{"20260101000002_core.go", "idx_sessions_device_id", "sessions.device_id", "schema.Session.DeviceID"},
		{"20260101000004_app_administration.go", "idx_app_invitations_inviter_id", "app_invitations.inviter_id", "schema.AppInvitation.InviterID"},
		{"20260101000005_rbac.go", "idx_role_permissions_permission_id", "role_permissions.permission_id", "schema.RolePermission.PermissionID"},
	} {
		t.Run(tc.index, func(t *testing.T) {
			path, err := filepath.Abs(filepath.Join("..", "migrations", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var kept []string
			removed := 0
			for line := range strings.SplitSeq(string(src), "\n") {
				if strings.Contains(line, `Index("`+tc.index+`")`) {
					removed++
					continue
				}
				kept = append(kept, line)
			}
			if removed != 1 {
				t.Fatalf("%s has %d lines creating %s, want 1", tc.file, removed, tc.index)
			}
			edited := []byte(strings.Join(kept, "\n"))
			got, fset := lintOverlay(t, path, edited)
			if len(got) != 1 {
				for _, d := range got {
					t.Errorf("finding: %s", d.Message)
				}
				t.Fatalf("%d findings, want exactly 1", len(got))
			}
			d := got[0]
			id, _, subject := lint.ParseCategory(d.Category)
			want := "foreign key " + tc.column + " (" + tc.field + ") is the first column of no index on PostgreSQL and SQLite"
			if id != "SL200" || !strings.HasPrefix(d.Message, want) || !strings.HasSuffix(d.Message, "add index "+tc.index+" ("+strings.Split(tc.column, ".")[1]+")") ||
				subject != tc.column {
				t.Errorf("%s %s %q, want SL200 %q ... add index %s", id, subject, d.Message, want, tc.index)
			}
			if p := fset.Position(d.Pos); filepath.Base(p.Filename) != tc.file {
				t.Errorf("reported at %s, want in %s", p, tc.file)
			}
			if len(d.Related) == 0 || !strings.HasSuffix(fset.Position(d.Related[0].Pos).Filename, ".go") ||
				!strings.Contains(d.Related[0].Message, tc.field) || !strings.Contains(fset.Position(d.Related[0].Pos).Filename, "/schema/") {
				t.Errorf("related %+v, want the field %s in package schema", d.Related, tc.field)
			}
			if len(d.SuggestedFixes) != 1 {
				t.Fatalf("%d fixes, want 1", len(d.SuggestedFixes))
			}
			// The fix, applied, compiles and leaves nothing to report.
			fixed := applyEdits(t, fset, path, edited, d.SuggestedFixes[0].TextEdits)
			after, _ := lintOverlay(t, path, fixed)
			for _, d := range after {
				t.Errorf("after the fix: %s\n%s", d.Message, fixed)
			}
		})
	}
}

// lintOverlay runs every rule over the reference schema and migrations
// with src in place of the file at path, and returns the findings.
func lintOverlay(t *testing.T, path string, src []byte) ([]analysis.Diagnostic, *token.FileSet) {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "..", Overlay: map[string][]byte{path: src}}
	pkgs, err := packages.Load(cfg, "./schema/...", "./migrations/...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("packages do not load: %v", err)
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.NewEnv()), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []analysis.Diagnostic
	var fset *token.FileSet
	for act := range graph.All() {
		if act.IsRoot {
			got = append(got, act.Diagnostics...)
			fset = act.Package.Fset
		}
	}
	return got, fset
}

// applyEdits applies a fix's edits, all in the file at path, to src.
func applyEdits(t *testing.T, fset *token.FileSet, path string, src []byte, edits []analysis.TextEdit) []byte {
	t.Helper()
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
	out := slices.Clone(src)
	for _, e := range edits {
		start, end := fset.Position(e.Pos), fset.Position(e.End)
		if start.Filename != path {
			t.Fatalf("fix edits %s, want %s", start.Filename, path)
		}
		out = slices.Concat(out[:start.Offset], e.NewText, out[end.Offset:])
	}
	return out
}
