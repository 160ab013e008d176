package lintrun_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/internal/lintrun"
)

// cachedRun lints with the result cache in cache and returns the
// findings as JSON and what the cache did.
func cachedRun(t *testing.T, opts lintrun.Options) (string, string) {
	t.Helper()
	env := analyzers.NewEnv()
	rep, st, err := lintrun.Run(context.Background(), opts, env, analyzers.New(env))
	if err != nil {
		t.Fatalf("%v: %v", opts.Patterns, err)
	}
	b, err := json.MarshalIndent(rep.Findings, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b), st.Cache
}

// copyMod copies the mod fixture of cmd/schemalint into a directory of
// its own (under a parent directory, for files outside the module).
func copyMod(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mod")
	if err := os.CopyFS(dir, os.DirFS(abs(t, "../../cmd/schemalint/testdata/mod"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func replaceIn(t *testing.T, path, from, to string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), from) {
		t.Fatalf("%s does not contain %q", path, from)
	}
	write(t, path, strings.Replace(string(b), from, to, 1))
}

// sqlMigrations makes migs/migrations discover SQL migrations from fsys
// (a Go expression) and writes one creating an index on column.
func sqlMigrations(t *testing.T, mod, fsys, sqlDir, column string) {
	t.Helper()
	imp := `"embed"`
	decl := "//go:embed *.sql\nvar sqlFiles embed.FS\n"
	if fsys != "sqlFiles" {
		imp, decl = `"os"`, ""
	}
	write(t, filepath.Join(mod, "migs", "migrations", "sql.go"), "package migrations\n\nimport "+imp+"\n\n"+decl+
		"func init() {\n\tif err := Migrations.Discover("+fsys+"); err != nil {\n\t\tpanic(err)\n\t}\n}\n")
	write(t, filepath.Join(sqlDir, "20260101000002_more.up.sql"), "CREATE INDEX idx_projects_more ON projects ("+column+");\n")
}

// TestCacheInvalidation: a second run over unchanged inputs answers from
// the cache with the same findings; each change of an input — a Go file
// of a named package, a model in a package only imported, a SQL
// migration (embedded, or read through os.DirFS outside the module) —
// misses, and its findings are those of an uncached run, different from
// before. (Configuration changes are tested through the binary, in
// cmd/schemalint: bunmodel keeps each directory's configuration for the
// life of the process.)
func TestCacheInvalidation(t *testing.T) {
	if testing.Short() {
		t.Skip("lints fixture modules several times")
	}
	cases := []struct {
		name     string
		patterns []string
		setup    func(t *testing.T, mod string)
		change   func(t *testing.T, mod string)
	}{
		{
			name:     "go file",
			patterns: []string{"./violations"},
			change: func(t *testing.T, mod string) {
				replaceIn(t, filepath.Join(mod, "violations", "models.go"), `bun:"label,notnul"`, `bun:"label,notnull"`)
			},
		},
		{
			name:     "new go file",
			patterns: []string{"./clean"},
			change: func(t *testing.T, mod string) {
				write(t, filepath.Join(mod, "clean", "more.go"), "package clean\n\nimport \"github.com/uptrace/bun\"\n\n"+
					"// Extra has an integer key.\ntype Extra struct {\n\tbun.BaseModel `bun:\"table:extras,alias:e\"`\n\tID int64 `bun:\",pk\"`\n}\n")
			},
		},
		{
			name:     "model of an imported package",
			patterns: []string{"./migs/migrations"},
			change: func(t *testing.T, mod string) {
				replaceIn(t, filepath.Join(mod, "migs", "models", "models.go"), "\tName ", "\tOwnerID xid.ID `bun:\"owner_id,type:varchar(20)\"`\n\tName ")
			},
		},
		{
			name:     "embedded sql migration",
			patterns: []string{"./migs/..."},
			setup: func(t *testing.T, mod string) {
				sqlMigrations(t, mod, "sqlFiles", filepath.Join(mod, "migs", "migrations"), "missing_id")
			},
			change: func(t *testing.T, mod string) {
				replaceIn(t, filepath.Join(mod, "migs", "migrations", "20260101000002_more.up.sql"), "missing_id", "org_id")
			},
		},
		{
			name:     "sql migration outside the module",
			patterns: []string{"./migs/..."},
			setup: func(t *testing.T, mod string) {
				out := filepath.Join(filepath.Dir(mod), "sql")
				sqlMigrations(t, mod, "os.DirFS("+strconv.Quote(out)+")", out, "missing_id")
			},
			change: func(t *testing.T, mod string) {
				replaceIn(t, filepath.Join(filepath.Dir(mod), "sql", "20260101000002_more.up.sql"), "missing_id", "org_id")
			},
		},
		{
			name:     "new sql migration outside the module",
			patterns: []string{"./migs/..."},
			setup: func(t *testing.T, mod string) {
				out := filepath.Join(filepath.Dir(mod), "sql")
				sqlMigrations(t, mod, "os.DirFS("+strconv.Quote(out)+")", out, "org_id")
			},
			change: func(t *testing.T, mod string) {
				write(t, filepath.Join(filepath.Dir(mod), "sql", "20260101000003_again.up.sql"), "CREATE INDEX idx_x ON projects (missing_id);\n")
			},
		},
		{
			name:     "package behind a symbolic link",
			patterns: []string{"./linked"},
			setup: func(t *testing.T, mod string) {
				target := filepath.Join(filepath.Dir(mod), "real")
				if err := os.CopyFS(target, os.DirFS(filepath.Join(mod, "violations"))); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, filepath.Join(mod, "linked")); err != nil {
					t.Fatal(err)
				}
			},
			change: func(t *testing.T, mod string) {
				replaceIn(t, filepath.Join(filepath.Dir(mod), "real", "models.go"), `bun:"label,notnul"`, `bun:"label,notnull"`)
			},
		},
		{
			name:     "first sql migration in an empty directory outside the module",
			patterns: []string{"./migs/..."},
			setup: func(t *testing.T, mod string) {
				out := filepath.Join(filepath.Dir(mod), "sql")
				sqlMigrations(t, mod, "os.DirFS("+strconv.Quote(out)+")", out, "org_id")
				if err := os.Remove(filepath.Join(out, "20260101000002_more.up.sql")); err != nil {
					t.Fatal(err)
				}
			},
			change: func(t *testing.T, mod string) {
				write(t, filepath.Join(filepath.Dir(mod), "sql", "20260101000003_again.up.sql"), "CREATE INDEX idx_x ON projects (missing_id);\n")
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mod := copyMod(t)
			if c.setup != nil {
				c.setup(t, mod)
			}
			opts := lintrun.Options{Dir: mod, Tests: true, Patterns: c.patterns, CacheDir: t.TempDir()}
			before, how := cachedRun(t, opts)
			if how != "miss" {
				t.Fatalf("first run: cache %s, want miss", how)
			}
			again, how := cachedRun(t, opts)
			if how != "hit" || again != before {
				t.Fatalf("unchanged second run: cache %s, findings changed: %s", how, cmp.Diff(before, again))
			}
			c.change(t, mod)
			after, how := cachedRun(t, opts)
			if how != "miss" {
				t.Errorf("after the change: cache %s, want miss", how)
			}
			uncached := opts
			uncached.NoCache = true
			fresh, how := cachedRun(t, uncached)
			if how != "off" {
				t.Errorf("--no-cache: cache %s", how)
			}
			if diff := cmp.Diff(fresh, after); diff != "" {
				t.Errorf("findings after the change differ from an uncached run (-uncached +cached):\n%s", diff)
			}
			if after == before {
				t.Errorf("the change changed no finding, so the test proves nothing:\n%s", after)
			}
			if last, how := cachedRun(t, opts); how != "hit" || last != after {
				t.Errorf("run after the change: cache %s, findings changed: %s", how, cmp.Diff(after, last))
			}
		})
	}
}

// onlyEntry returns the one entry file of a cache directory.
func onlyEntry(t *testing.T, cache string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(cache, "lint-*.json"))
	if len(files) != 1 {
		t.Fatalf("cache entries: %v", files)
	}
	return files[0]
}

// TestCacheDamagedEntry: an entry that is not JSON, or truncated, is a
// miss with the right findings, and is rewritten.
func TestCacheDamagedEntry(t *testing.T) {
	mod := copyMod(t)
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./violations"}, CacheDir: t.TempDir()}
	want, _ := cachedRun(t, opts)
	entry := onlyEntry(t, opts.CacheDir)
	good, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	for _, damage := range []string{"not json", string(good[:len(good)/2]), ""} {
		write(t, entry, damage)
		got, how := cachedRun(t, opts)
		if how != "miss" || got != want {
			t.Errorf("damaged entry %.20q: cache %s, findings: %s", damage, how, cmp.Diff(want, got))
		}
		if got, how := cachedRun(t, opts); how != "hit" || got != want {
			t.Errorf("after rewriting %.20q: cache %s, findings: %s", damage, how, cmp.Diff(want, got))
		}
	}
}

// TestNoCache: --no-cache neither reads an entry (one whose findings were
// tampered with is not served) nor writes one.
func TestNoCache(t *testing.T) {
	mod := copyMod(t)
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./violations"}, CacheDir: t.TempDir()}
	want, _ := cachedRun(t, opts)
	entry := onlyEntry(t, opts.CacheDir)
	replaceIn(t, entry, `"message":"`, `"message":"TAMPERED `)
	tampered, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if got, how := cachedRun(t, opts); how != "hit" || !strings.Contains(got, "TAMPERED") {
		t.Fatalf("the cached run should serve the entry (cache %s)", how)
	}
	opts.NoCache = true
	if got, _ := cachedRun(t, opts); got != want {
		t.Errorf("--no-cache served the cache: %s", cmp.Diff(want, got))
	}
	if after, err := os.ReadFile(entry); err != nil || !bytes.Equal(after, tampered) {
		t.Errorf("--no-cache wrote the cache (%v)", err)
	}
	empty := t.TempDir()
	opts.CacheDir = empty
	cachedRun(t, opts)
	if files, _ := os.ReadDir(empty); len(files) != 0 {
		t.Errorf("--no-cache wrote %d files", len(files))
	}
}

// TestCacheWorkspace: a module in a go.work workspace is not cached (the
// workspace's other modules are not in the key), and lints as usual.
func TestCacheWorkspace(t *testing.T) {
	mod := copyMod(t)
	write(t, filepath.Join(filepath.Dir(mod), "go.work"), "go 1.26\n\nuse ./mod\n")
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./violations"}, CacheDir: t.TempDir()}
	got, how := cachedRun(t, opts)
	if !strings.Contains(how, "workspaces are not cached") {
		t.Errorf("cache %s, want off for a workspace", how)
	}
	opts.NoCache = true
	if want, _ := cachedRun(t, opts); got != want {
		t.Errorf("findings: %s", cmp.Diff(want, got))
	}
	if files, _ := os.ReadDir(opts.CacheDir); len(files) != 0 {
		t.Errorf("a workspace run wrote %d cache files", len(files))
	}
}

// TestCacheGOFLAGSFiles: GOFLAGS naming a file that may lie outside the
// module (-modfile, -overlay) turns the cache off for the run.
func TestCacheGOFLAGSFiles(t *testing.T) {
	mod := copyMod(t)
	overlay := filepath.Join(filepath.Dir(mod), "overlay.json")
	write(t, overlay, `{"Replace": {}}`)
	t.Setenv("GOFLAGS", "-overlay="+overlay)
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./clean"}, CacheDir: t.TempDir()}
	if _, how := cachedRun(t, opts); !strings.Contains(how, "GOFLAGS has -overlay") {
		t.Errorf("cache %s, want off for -overlay", how)
	}
}

// TestCacheUnusable: a cache directory that cannot be created turns the
// cache off for the run, which lints as usual.
func TestCacheUnusable(t *testing.T) {
	mod := copyMod(t)
	notDir := filepath.Join(t.TempDir(), "file")
	write(t, notDir, "")
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./violations"}, CacheDir: filepath.Join(notDir, "cache")}
	got, how := cachedRun(t, opts)
	if !strings.HasPrefix(how, "off: ") {
		t.Errorf("cache %s, want off", how)
	}
	opts.NoCache = true
	if want, _ := cachedRun(t, opts); got != want || !strings.Contains(got, "SL100") {
		t.Errorf("findings: %s", cmp.Diff(want, got))
	}
}

// TestCacheAbsolutePattern: an absolute pattern inside the module is
// cached; one outside it is not.
func TestCacheAbsolutePattern(t *testing.T) {
	mod := copyMod(t)
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{filepath.Join(mod, "violations")}, CacheDir: t.TempDir()}
	if _, how := cachedRun(t, opts); how != "miss" {
		t.Errorf("inside the module: cache %s, want miss", how)
	}
	other := copyMod(t)
	opts.Patterns = []string{filepath.Join(other, "clean")}
	env := analyzers.NewEnv()
	_, st, _ := lintrun.Run(context.Background(), opts, env, analyzers.New(env)) // go list refuses it: another module
	if !strings.Contains(st.Cache, "outside the module") {
		t.Errorf("outside the module: cache %s", st.Cache)
	}
}

// TestCacheSkippedDirectory: a package under node_modules (which the key
// leaves out) is linted but never stored, so never served stale.
func TestCacheSkippedDirectory(t *testing.T) {
	mod := copyMod(t)
	pkg := filepath.Join(mod, "node_modules", "v")
	if err := os.CopyFS(pkg, os.DirFS(filepath.Join(mod, "violations"))); err != nil {
		t.Fatal(err)
	}
	opts := lintrun.Options{Dir: mod, Tests: true, Patterns: []string{"./node_modules/v"}, CacheDir: t.TempDir()}
	for range 2 {
		got, how := cachedRun(t, opts)
		if !strings.HasPrefix(how, "miss (not stored: ") || !strings.Contains(how, "leaves out") || !strings.Contains(got, "SL100") {
			t.Errorf("cache %s; findings %.200s", how, got)
		}
	}
}
