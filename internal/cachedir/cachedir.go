// Package cachedir says where schemalint keeps its caches, and what
// identifies the running binary in their keys.
package cachedir

import (
	"fmt"
	"os"
	"path/filepath"
)

// Env names the environment variable that overrides the cache directory.
const Env = "SCHEMALINT_CACHE_DIR"

// Dir returns (creating it) the directory of the cache called name:
// $SCHEMALINT_CACHE_DIR when set, else <user cache dir>/schemalint/<name>.
func Dir(name string) (string, error) {
	dir := os.Getenv(Env)
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache directory (set %s): %w", Env, err)
		}
		dir = filepath.Join(base, "schemalint", name)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil { //nolint:gosec // the cache directory the user (or their environment) chose
		return "", err
	}
	return dir, nil
}

// ToolID identifies the running schemalint binary (its path, size and
// modification time), so that a new build of it never reuses what an
// older one cached.
func ToolID() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	info, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	return fmt.Sprintf("%s|%d|%d", exe, info.Size(), info.ModTime().UnixNano())
}
