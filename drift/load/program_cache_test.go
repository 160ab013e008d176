package load

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// notes collects what the loader notes.
type notes struct {
	mu   sync.Mutex
	list []string
}

func (n *notes) add(s string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.list = append(n.list, s)
}

func (n *notes) String() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return strings.Join(n.list, "\n")
}

// cachedProgram returns the one program in cache.
func cachedProgram(t *testing.T, cache string) string {
	t.Helper()
	progs, _ := filepath.Glob(filepath.Join(cache, "*", "prog"))
	if len(progs) != 1 {
		t.Fatalf("cached programs: %v", progs)
	}
	return progs[0]
}

// TestCacheRebuildsDamagedProgram: a cached program that is truncated
// (its hash no longer the one recorded), or that the system cannot run at
// all though its hash matches (the record damaged too), is rebuilt with a
// note, and the run succeeds.
func TestCacheRebuildsDamagedProgram(t *testing.T) {
	t.Parallel()
	var n notes
	cfg := Config{Dir: copyApp(t), Models: []string{"./internal/models"}, CacheDir: t.TempDir(), Note: n.add}
	ctx := context.Background()
	if _, err := Models(ctx, cfg, "pg"); err != nil {
		t.Fatal(err)
	}

	// truncate cuts the program to size bytes.
	truncate := func(size int64) string {
		prog := cachedProgram(t, cfg.CacheDir)
		if err := os.Truncate(prog, size); err != nil {
			t.Fatal(err)
		}
		return prog
	}

	prog := truncate(1 << 20)
	m, err := Models(ctx, cfg, "pg")
	if err != nil {
		t.Fatalf("a truncated program: %v", err)
	}
	if !m.Built || len(m.View.Tables) == 0 {
		t.Errorf("a truncated program was not rebuilt: built %v, %d tables", m.Built, len(m.View.Tables))
	}
	if got := n.String(); !strings.Contains(got, "the cached program "+filepath.Dir(prog)+" is damaged (the program's hash does not match the one recorded): rebuilding it") {
		t.Errorf("note: %q", got)
	}

	// Damage the record as well: the hash check passes, the exec fails
	// (a file too short to hold an executable's headers).
	prog = truncate(100)
	metaPath := filepath.Join(filepath.Dir(prog), metaFile)
	var meta cachedMeta
	b, err := os.ReadFile(metaPath)
	if err != nil || gob.NewDecoder(bytes.NewReader(b)).Decode(&meta) != nil {
		t.Fatalf("%s: %v", metaFile, err)
	}
	if meta.SHA256, err = fileSHA256(prog); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(meta); err != nil || os.WriteFile(metaPath, buf.Bytes(), 0o600) != nil {
		t.Fatal(err)
	}
	n = notes{}
	if m, err = Models(ctx, cfg, "mysql"); err != nil {
		t.Fatalf("a program that cannot run: %v", err)
	}
	if !m.Built || len(m.View.Tables) == 0 {
		t.Errorf("a program that cannot run was not rebuilt: built %v", m.Built)
	}
	if got := n.String(); !strings.Contains(got, "the cached program "+prog+" cannot be run (") || !strings.Contains(got, "): rebuilding it") {
		t.Errorf("note: %q", got)
	}

	// Healed: the next run uses the cache, silently.
	n = notes{}
	if m, err = Models(ctx, cfg, "pg"); err != nil || m.Built || n.String() != "" {
		t.Errorf("after healing: built %v, err %v, notes %q", m != nil && m.Built, err, n.String())
	}
}

// TestCachePrunesStaleTemporaryDirectories: the work directory of a run
// killed outright (SIGKILL leaves no chance to remove it) is removed by a
// later run once it is an hour old; a fresh one (a run in progress) is
// kept.
func TestCachePrunesStaleTemporaryDirectories(t *testing.T) {
	t.Parallel()
	c, err := openCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(c.root, "tmp-123")
	fresh := filepath.Join(c.root, "tmp-456")
	for _, d := range []string{stale, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "work-1"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	c.prune()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale %s kept (%v)", stale, err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh %s removed: %v", fresh, err)
	}
}

// TestCachePrunesOldDeclarations: Declared's files unused for two weeks
// go (those of older versions too), and half-written ones of killed runs
// after an hour; recent ones, and the lint cache's files sharing the
// directory, stay.
func TestCachePrunesOldDeclarations(t *testing.T) {
	t.Parallel()
	c, err := openCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	at := func(name string, age time.Duration) string {
		p := filepath.Join(c.root, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		when := time.Now().Add(-age)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
		return p
	}
	month := 30 * 24 * time.Hour
	gone := []string{at("k1.pg.declared.gob", month), at("k0.pg.declared.json", month), at("declared-1.tmp", 2*time.Hour)}
	kept := []string{at("k2.pg.declared.gob", time.Hour), at("declared-2.tmp", time.Minute), at("lint-abc.json", month)}
	c.prune()
	for _, p := range gone {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s kept (%v)", filepath.Base(p), err)
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
}

// TestVirtualDirAvoidsUserDirectories: the program's package is mapped
// into a directory that does not exist, so that no file of the user's
// joins it: the fixed name, unless the user has such a directory.
func TestVirtualDirAvoidsUserDirectories(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	if got, want := virtualDir(parent), filepath.Join(parent, "_schemalint_drift"); got != want {
		t.Errorf("virtualDir = %s, want %s", got, want)
	}
	if err := os.Mkdir(filepath.Join(parent, "_schemalint_drift"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got, want := virtualDir(parent), filepath.Join(parent, "_schemalint_drift_1"); got != want {
		t.Errorf("with _schemalint_drift taken: virtualDir = %s, want %s", got, want)
	}
}
