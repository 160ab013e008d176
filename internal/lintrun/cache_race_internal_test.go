package lintrun

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/analyzers"
)

// TestCacheFileChangedDuringRun: a file written while a run is under way
// keeps that run's findings out of the cache, whether it was written
// after loading read it and before the key did (the key then names the
// new content, the findings are the old content's) or after both. The
// next run analyses the file as it is now.
func TestCacheFileChangedDuringRun(t *testing.T) {
	// The hooks are package state: not parallel.
	for _, tc := range []struct {
		name string
		// set installs the edit as a hook.
		set func(edit func())
	}{
		{"after loading, before the key", func(edit func()) {
			loaded := make(chan struct{})
			testHookLoaded = func() { edit(); close(loaded) }
			testHookKey = func() { <-loaded }
		}},
		{"after the key", func(edit func()) {
			testHookLoaded = edit
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Cleanup(func() { testHookLoaded, testHookKey = nil, nil })
			mod := filepath.Join(t.TempDir(), "mod")
			src, err := filepath.Abs("../../cmd/schemalint/testdata/mod")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(mod, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(mod, "violations", "models.go")
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), `bun:"label,notnul"`) {
				t.Fatal("the fixture lacks its malformed tag")
			}
			opts := Options{Dir: mod, Patterns: []string{"./violations"}, CacheDir: t.TempDir()}
			run := func() (bool, string) {
				t.Helper()
				env := analyzers.NewEnv()
				rep, st, err := Run(context.Background(), opts, env, analyzers.New(env))
				if err != nil {
					t.Fatal(err)
				}
				malformed := false
				for _, f := range rep.Findings {
					malformed = malformed || strings.Contains(f.Message, `unknown option "notnul"`)
				}
				return malformed, st.Cache
			}
			tc.set(func() {
				fixed := strings.Replace(string(b), `bun:"label,notnul"`, `bun:"label,notnull"`, 1)
				if err := os.WriteFile(file, []byte(fixed), 0o600); err != nil {
					t.Error(err)
				}
			})
			if malformed, cache := run(); !malformed || !strings.Contains(cache, "not stored: files changed during the run") {
				t.Errorf("the run during the edit: findings of the old file %v, cache %q", malformed, cache)
			}
			testHookLoaded, testHookKey = nil, nil
			if malformed, cache := run(); malformed || cache != "miss" {
				t.Errorf("the next run: findings of the old file %v, cache %q; want the new file's, a miss", malformed, cache)
			}
			if malformed, cache := run(); malformed || cache != "hit" {
				t.Errorf("the run after: findings of the old file %v, cache %q; want a hit", malformed, cache)
			}
		})
	}
}
