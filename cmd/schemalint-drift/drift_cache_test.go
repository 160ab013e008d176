package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDriftCacheHeals: a truncated cached program (a full disk, a crash)
// does not fail every later run: the next run rebuilds it, says so in one
// line on standard error, and succeeds; the one after is silent again.
func TestDriftCacheHeals(t *testing.T) {
	t.Parallel()
	dir := copyDriftMod(t)
	env := map[string]string{"SCHEMALINT_CACHE_DIR": t.TempDir()}
	args := []string{"drift", "migrations", "--models", "./models", "--migrations", "./migrations"}
	if r := runDrift(t, dir, env, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("first run: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	progs, _ := filepath.Glob(filepath.Join(env["SCHEMALINT_CACHE_DIR"], "*", "prog"))
	if len(progs) != 2 { // the program running the migrations, and the one reflecting the models
		t.Fatalf("cached programs: %v", progs)
	}
	for _, p := range progs {
		if err := os.Truncate(p, 4096); err != nil {
			t.Fatal(err)
		}
	}
	r := runDrift(t, dir, env, args...)
	if r.Code != 0 || r.Stdout != "" {
		t.Fatalf("truncated programs: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.Stderr), "\n")
	if len(lines) != 2 {
		t.Errorf("want one note per damaged program:\n%s", r.Stderr)
	}
	for _, p := range progs {
		want := "schemalint: note: the cached program " + filepath.Dir(p) + " is damaged (the program's hash does not match the one recorded): rebuilding it"
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
	if r := runDrift(t, dir, env, args...); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("healed: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
