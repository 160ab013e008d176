package load

import (
	"context"
	"errors"
	"strings"
)

// MigrationsDir returns the directory of the package registering the
// migrations (Config.Migrations), where the schema snapshot lives: the
// package the patterns match, or, when they match several, the one with
// the *migrate.Migrations variable (which takes type-checking them).
func MigrationsDir(ctx context.Context, cfg Config) (string, error) {
	if len(cfg.Migrations) == 0 {
		return "", errors.New("no --migrations package")
	}
	cfg, err := cfg.absolute()
	if err != nil {
		return "", err
	}
	out, err := goCmd(ctx, cfg.Dir, append([]string{"list", "-f", "{{.Dir}}", "--"}, cfg.Migrations...)...)
	if err != nil {
		return "", err
	}
	if dirs := strings.Split(strings.TrimSpace(string(out)), "\n"); len(dirs) == 1 && dirs[0] != "" {
		return dirs[0], nil
	}
	_, _, dir, err := findMigrations(ctx, cfg.Dir, cfg.Migrations)
	return dir, err
}
