package cachedir

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDir: SCHEMALINT_CACHE_DIR is used as is; without it each cache has
// its own directory under the user cache directory. Both are created.
func TestDir(t *testing.T) {
	override := filepath.Join(t.TempDir(), "mine")
	t.Setenv(Env, override)
	if got, err := Dir("lint"); err != nil || got != override {
		t.Errorf("with %s: %q, %v; want %q", Env, got, err, override)
	}
	t.Setenv(Env, "")
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache directory here:", err)
	}
	want := filepath.Join(base, "schemalint", "lint")
	if got, err := Dir("lint"); err != nil || got != want {
		t.Errorf("default: %q, %v; want %q", got, err, want)
	}
	for _, d := range []string{override, want} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			t.Errorf("%s not created: %v", d, err)
		}
	}
}
