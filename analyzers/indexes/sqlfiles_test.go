package indexes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/indexes"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// TestRulesOnSQLFiles runs every index rule over a package whose
// migrations are Bun SQL files. Findings point into the SQL files, where
// analysistest cannot read expectations, so they are given there as
// comments: a line -- want `regexp` ... expects, for each regexp, one
// finding on the line below it. Every finding must be expected.
func TestRulesOnSQLFiles(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata"}, "./sqlfiles")
	if err != nil {
		t.Fatal(err)
	}
	var as []*analysis.Analyzer
	for _, r := range indexes.Rules {
		as = append(as, linttest.Analyzer(r))
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{} // file:line -> messages
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			got[key] = append(got[key], d.Message)
		}
	}
	want := sqlWants(t, filepath.Join("testdata", "sqlfiles"))
	if len(want) == 0 {
		t.Fatal("no expectations found")
	}
	for key, res := range want {
		for _, re := range res {
			i := matchOne(got[key], re)
			if i < 0 {
				t.Errorf("%s: no finding matches %q; findings there: %q", key, re, got[key])
				continue
			}
			got[key] = append(got[key][:i], got[key][i+1:]...)
		}
	}
	for key, msgs := range got {
		for _, m := range msgs {
			t.Errorf("%s: unexpected finding: %s", key, m)
		}
	}
}

func matchOne(msgs []string, re *regexp.Regexp) int {
	for i, m := range msgs {
		if re.MatchString(m) {
			return i
		}
	}
	return -1
}

// sqlWants reads the -- want comments of the SQL files of dir.
func sqlWants(t *testing.T, dir string) map[string][]*regexp.Regexp {
	files, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]*regexp.Regexp{}
	quoted := regexp.MustCompile("`[^`]*`")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "-- want ")
			if !ok {
				continue
			}
			key := fmt.Sprintf("%s:%d", filepath.Base(f), i+2)
			for _, q := range quoted.FindAllString(rest, -1) {
				want[key] = append(want[key], regexp.MustCompile(q[1:len(q)-1]))
			}
		}
	}
	return want
}
