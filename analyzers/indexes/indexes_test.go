package indexes_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/indexes"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// Each rule runs over its fixture packages of testdata (a module
// requiring the real Bun): // want comments give the findings, .golden
// files the source after the fixes.

func TestFKIndex(t *testing.T) {
	linttest.Run(t, indexes.FKIndex, "./fk", "./fkdirective", "./fkimported/...", "./fkforms")
}

func TestSoftDeleteUnique(t *testing.T) { linttest.Run(t, indexes.SoftDeleteUnique, "./softdelete") }

func TestRedundantIndex(t *testing.T) { linttest.Run(t, indexes.RedundantIndex, "./redundant") }

func TestIndexTarget(t *testing.T) {
	linttest.Run(t, indexes.IndexTarget, "./target", "./targetmodels", "./notessummary", "./downnames/...")
}

func TestUnmigratedModel(t *testing.T) { linttest.Run(t, indexes.UnmigratedModel, "./unmigrated/...") }

func TestMigrationDown(t *testing.T) { linttest.Run(t, indexes.MigrationDown, "./down") }

// TestQuietWithoutMigrations runs every index rule over a package of
// models with neither migrations nor directives: no finding.
func TestQuietWithoutMigrations(t *testing.T) {
	for _, r := range indexes.Rules {
		t.Run(r.ID, func(t *testing.T) { linttest.Run(t, r, "./plain") })
	}
}

// TestFKIndexFixesHold lints the fkforms fixture with its .golden files in
// place of the sources, as the next run after --fix would: the fixed
// migrations type-check, SL200 reports only the foreign keys it offered
// no fix for, and SL203 finds no index the fixes added on a missing table
// or column.
func TestFKIndexFixesHold(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	goldens, err := filepath.Glob(filepath.Join(dir, "fkforms", "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	overlay := map[string][]byte{}
	for _, g := range goldens {
		src, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		overlay[strings.TrimSuffix(g, ".golden")] = src
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Overlay: overlay}, "./fkforms")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("the fixed fixture does not load: %v", err)
	}
	as := []*analysis.Analyzer{linttest.Analyzer(indexes.FKIndex), linttest.Analyzer(indexes.IndexTarget)}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for act := range graph.All() {
		if !act.IsRoot || !slices.Contains(as, act.Analyzer) {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			if !strings.Contains(d.Message, "no fix is offered") {
				t.Errorf("after the fixes: %s", d.Message)
			}
			left = append(left, d.Message)
		}
	}
	if len(left) != 4 { // pins, badges, votes and lates in 20240101000008_nosafe.go
		t.Errorf("%d findings left, want the 4 without a fix: %q", len(left), left)
	}
}
