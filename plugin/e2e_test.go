package plugin

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/testdb"
)

// EnvGCL names the custom golangci-lint binary with schemalint compiled in
// (built by scripts/golangci-lint-custom.sh; .ci/run sets it).
const EnvGCL = "SCHEMALINT_GCL_BIN"

func gclBinary(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(EnvGCL)
	if bin == "" {
		testdb.Missing(t, EnvGCL, EnvGCL+" is not set: build the custom golangci-lint with scripts/golangci-lint-custom.sh and point "+EnvGCL+" at it")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func runGCL(t *testing.T, bin, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), bin, args...)
	cmd.Dir = dir
	// A private cache: results of earlier runs must not hide findings.
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestGolangciLintEndToEnd runs the real golangci-lint with schemalint as a
// module plugin: findings with rule IDs, //nolint:schemalint honoured,
// --fix applying a suggested fix, a bad setting failing the run.
func TestGolangciLintEndToEnd(t *testing.T) {
	bin := gclBinary(t)
	const mod = "testdata/mod"

	out, code := runGCL(t, bin, mod, "run", "./bad/")
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		"bad/models.go:16:2: tag_syntax: SL100: unknown option \"notnul\"",
		"bad/models.go:20:2: soft_delete: SL005: Org.DeletedAt is column deleted_at without soft_delete",
		"(schemalint)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "SL007") {
		t.Errorf("//nolint:schemalint was not honoured:\n%s", out)
	}
	if strings.Contains(out, "SL008") {
		t.Errorf("SL008 is disabled in the plugin settings but reported:\n%s", out)
	}

	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(mod)); err != nil {
		t.Fatal(err)
	}
	if out, code := runGCL(t, bin, dir, "run", "--fix", "./fixme/"); code != 0 {
		t.Fatalf("--fix: exit %d\n%s", code, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "fixme", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "`bun:\"deleted_at,soft_delete\"`") {
		t.Errorf("--fix did not add soft_delete:\n%s", fixed)
	}

	out, code = runGCL(t, bin, mod, "run", "-c", "bad.yml", "./bad/")
	if code == 0 || code == 1 || !strings.Contains(out, `unknown key "dialekt"`) {
		t.Errorf("bad setting: exit %d, want a configuration error naming the key:\n%s", code, out)
	}
}

// TestGolangciLintFixLeavesNothing: SL200's finding in a migrations
// package, with related places in the models package and on another line,
// is one issue that names them; --fix fixes it and leaves no "related
// information" issue behind: exit 0, the fixed package compiles, and a
// second run reports nothing.
func TestGolangciLintFixLeavesNothing(t *testing.T) {
	bin := gclBinary(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/mod")); err != nil {
		t.Fatal(err)
	}

	out, code := runGCL(t, bin, dir, "run", "./fkfix/...")
	if code != 1 || strings.Count(out, "(schemalint)") != 1 ||
		!strings.Contains(out, "SL200: foreign key users.org_id (models.User.OrgID)") ||
		!strings.Contains(out, "(see models/models.go:24: models.User.OrgID is declared here; line 24: the foreign key is declared here)") {
		t.Fatalf("exit %d, want 1 and one SL200 issue naming its related places:\n%s", code, out)
	}

	out, code = runGCL(t, bin, dir, "run", "--fix", "./fkfix/...")
	if code != 0 || strings.Contains(out, "related information") {
		t.Fatalf("--fix: exit %d, want 0 and nothing left:\n%s", code, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "fkfix", "20240101000001_init.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), `db.NewCreateIndex().Model((*models.User)(nil)).Index("idx_users_org_id").Column("org_id").Exec(ctx)`) {
		t.Errorf("--fix did not add the index:\n%s", fixed)
	}
	build := exec.CommandContext(t.Context(), "go", "build", "./fkfix/...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the fixed package does not compile: %v\n%s\n%s", err, out, fixed)
	}

	if out, code := runGCL(t, bin, dir, "run", "./fkfix/..."); code != 0 || strings.Contains(out, "schemalint") {
		t.Errorf("after --fix: exit %d, want 0 and no issue:\n%s\n%s", code, out, fixed)
	}
}
