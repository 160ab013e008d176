package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

// TestLintCacheConfig: through the binary (each run a process of its
// own, as in use), a second unchanged run answers from the cache with the
// same output, and each change of the configuration — the nearest
// .schemalint.yml, one above the module, the --config file — misses and
// reports what an uncached run reports. --fix never uses the cache.
func TestLintCacheConfig(t *testing.T) {
	t.Parallel()
	// The module two levels down, for configurations above it.
	base := t.TempDir()
	dir := filepath.Join(base, "a", "mod")
	if err := os.CopyFS(dir, os.DirFS(mod)); err != nil {
		t.Fatal(err)
	}
	env := []string{"SCHEMALINT_CACHE_DIR=" + t.TempDir()}
	run := func(want string, args ...string) result {
		t.Helper()
		r := schemalintEnv(t, dir, env, append([]string{"-v"}, args...)...)
		if !strings.Contains(r.Stderr, "schemalint: cache "+want) {
			t.Errorf("%v: want cache %s, stderr:\n%s", args, want, r.Stderr)
		}
		if fresh := schemalintEnv(t, dir, env, append([]string{"--no-cache"}, args...)...); fresh.Stdout != r.Stdout || fresh.Code != r.Code {
			t.Errorf("%v: output differs from an uncached run:\n%s\nuncached:\n%s", args, r.Stdout, fresh.Stdout)
		}
		return r
	}
	const sl100off = "rules:\n  - id: SL100\n    enabled: false\n"
	first := run("miss", "./violations")
	if !strings.Contains(first.Stdout, "SL100") {
		t.Fatalf("the fixture should report SL100:\n%s", first.Stdout)
	}
	if again := run("hit", "./violations"); again.Stdout != first.Stdout {
		t.Errorf("cached output differs:\n%s\nfirst:\n%s", again.Stdout, first.Stdout)
	}
	// Every format prints the same from the cache (run compares each with
	// an uncached run); the format is not part of the key.
	for _, format := range []string{"json", "sarif", "github"} {
		run("hit", "--format", format, "./violations")
	}

	nearest := filepath.Join(dir, ".schemalint.yml")
	cfg, err := os.ReadFile(nearest)
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, nearest, strings.Replace(string(cfg), "rules:\n", sl100off, 1))
	if r := run("miss", "./violations"); strings.Contains(r.Stdout, "SL100") {
		t.Errorf("SL100 disabled in %s is still reported:\n%s", nearest, r.Stdout)
	}

	// One above the module governs once the module's own is gone.
	if err := os.Remove(nearest); err != nil {
		t.Fatal(err)
	}
	run("miss", "./violations")
	clitest.Write(t, filepath.Join(base, ".schemalint.yml"), sl100off)
	if r := run("miss", "./violations"); strings.Contains(r.Stdout, "SL100") {
		t.Errorf("SL100 disabled above the module is still reported:\n%s", r.Stdout)
	}
	// An empty file nearer the module shadows it: SL100 is back.
	clitest.Write(t, filepath.Join(base, "a", ".schemalint.yml"), "")
	if r := run("miss", "./violations"); !strings.Contains(r.Stdout, "SL100") {
		t.Errorf("an empty configuration shadowing the one disabling SL100:\n%s", r.Stdout)
	}
	if err := os.Remove(filepath.Join(base, "a", ".schemalint.yml")); err != nil {
		t.Fatal(err)
	}
	run("hit", "./violations")

	clitest.Write(t, filepath.Join(dir, "other.yml"), "dialect: postgres\n")
	if r := run("miss", "--config", "other.yml", "./violations"); !strings.Contains(r.Stdout, "SL100") {
		t.Errorf("--config other.yml enables SL100 again:\n%s", r.Stdout)
	}
	run("hit", "--config", "other.yml", "./violations")
	clitest.Write(t, filepath.Join(dir, "other.yml"), "dialect: postgres\n"+sl100off)
	if r := run("miss", "--config", "other.yml", "./violations"); strings.Contains(r.Stdout, "SL100") {
		t.Errorf("SL100 disabled in --config is still reported:\n%s", r.Stdout)
	}

	r := schemalintEnv(t, dir, env, "-v", "--fix", "--config", "other.yml", "./violations")
	if !strings.Contains(r.Stderr, "schemalint: cache off") || !strings.Contains(r.Stderr, "applied ") {
		t.Errorf("--fix should bypass the cache and apply fixes:\n%s", r.Stderr)
	}
}
