package lintrun

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheTrim: beyond cacheMaxEntries the least recently used entries
// go, and temporary files older than an hour; other files stay.
func TestCacheTrim(t *testing.T) {
	c, err := openResultCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	for i := range cacheMaxEntries + 10 {
		p := c.file(fmt.Sprintf("k%03d", i))
		if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
		used := old.Add(time.Duration(i) * time.Minute) // k000 is the least recently used
		if err := os.Chtimes(p, used, used); err != nil {
			t.Fatal(err)
		}
	}
	stale, fresh := filepath.Join(c.dir, "lint-1.tmp"), filepath.Join(c.dir, "lint-2.tmp")
	other := filepath.Join(c.dir, "0123abcd") // a drift program directory sharing SCHEMALINT_CACHE_DIR
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(other, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	c.put("new", nil, nil)
	entries, _ := filepath.Glob(filepath.Join(c.dir, "lint-*.json"))
	if len(entries) != cacheMaxEntries {
		t.Errorf("%d entries left, want %d", len(entries), cacheMaxEntries)
	}
	for _, gone := range []string{c.file("k000"), c.file("k010"), stale} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s should have been removed", filepath.Base(gone))
		}
	}
	for _, kept := range []string{c.file("k011"), c.file("new"), fresh, other} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s should be kept: %v", filepath.Base(kept), err)
		}
	}
}
