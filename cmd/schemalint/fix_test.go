package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

// TestFixLoopMigration is issue 11's first problem on the real binary: a
// migration that creates its tables in a loop. --fix used to put the index
// statement inside the loop (run for every model, failing on the first
// other one) and exit 0; the next lint flagged the tool's own statement.
// Now the three statements go after the loop, the fixed code compiles,
// the next lint is clean, and the fixed migration runs on a scratch
// database.
func TestFixLoopMigration(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	var before jsonOut
	r := schemalint(t, dir, "--format", "json", "./fixloop/...")
	if err := json.Unmarshal([]byte(r.Stdout), &before); err != nil || r.Code != 1 {
		t.Fatalf("before --fix: exit %d (%v)\n%s%s", r.Code, err, r.Stdout, r.Stderr)
	}
	fixable := 0
	for _, f := range before.Findings {
		if f.Rule == "SL200" && len(f.Fixes) == 1 {
			fixable++
		}
	}
	if fixable != 3 || len(before.Findings) != 3 {
		t.Fatalf("before --fix: %d findings, %d fixable SL200; want 3 and 3", len(before.Findings), fixable)
	}

	r = schemalint(t, dir, "--fix", "./fixloop/...")
	if r.Code != 0 || r.Stdout != "" || !strings.Contains(r.Stderr, "applied 3 fixes to 1 files") || !strings.Contains(r.Stderr, "0 findings remain") {
		t.Fatalf("--fix: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	file := filepath.Join(dir, "fixloop", "migrations", "20260101000001_blog.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	inLoop, after := 0, 0
	ast.Inspect(f, func(n ast.Node) bool {
		if loop, ok := n.(*ast.RangeStmt); ok {
			inLoop += countCalls(loop, "NewCreateIndex")
			return false
		}
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewCreateIndex" {
			after++
		}
		return true
	})
	if inLoop != 0 || after != 3 {
		t.Errorf("NewCreateIndex %d times in a loop and %d outside, want 0 and 3", inLoop, after)
	}

	if r := schemalint(t, dir, "./fixloop/..."); r.Code != 0 || r.Stdout != "" {
		t.Errorf("lint after --fix: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if out, err := clitest.Go(t, dir, "vet", "./fixloop/..."); err != nil {
		t.Errorf("the fixed packages do not vet: %v\n%s", err, out)
	}
	// The migrations run on a scratch SQLite database and leave what the
	// models say: the statements run once each, after their tables exist.
	r = schemalint(t, dir, "drift", "migrations", "--models", "./fixloop/models", "--migrations", "./fixloop/migrations")
	if r.Code != 0 {
		t.Errorf("the fixed migrations do not run clean: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestFixUndoneWhenItBreaksTheBuild: fixes whose result does not compile
// are undone. SL004's new CreatedAt field suits the package, but its test
// file declares a CreatedAt method: --fix exits 2 naming the file and the
// compile error, and the file is byte for byte as before.
func TestFixUndoneWhenItBreaksTheBuild(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	file := filepath.Join(dir, "fixbreak", "models.go")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r := schemalint(t, dir, "--fix", "./fixbreak")
	if r.Code != 2 || !strings.Contains(r.Stderr, "undid the fixes to fixbreak/models.go (the files are as before)") ||
		!strings.Contains(r.Stderr, "fixbreak/models_test.go:6:17: field and method with the same name CreatedAt") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if after, err := os.ReadFile(file); err != nil || !bytes.Equal(after, before) {
		t.Errorf("models.go after the undo (%v):\n%s", err, after)
	}
}

// countCalls counts the selector expressions naming method in n.
func countCalls(n ast.Node, method string) int {
	c := 0
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == method {
			c++
		}
		return true
	})
	return c
}
