package load

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/cachedir"
)

// Declared returns what the migrations of cfg.Migrations declare on
// dialect (package declared reads them statically, without running
// anything). The extraction loads the packages with full syntax, which
// takes seconds; its result is cached under a key like the programs'.
func Declared(ctx context.Context, cfg Config, dialect string) (*drift.Declared, error) {
	cfg, err := cfg.absolute()
	if err != nil {
		return nil, err
	}
	l, err := goList(ctx, cfg.Dir, cfg.Migrations)
	if err != nil {
		return nil, err
	}
	c, err := cfg.cache()
	if err != nil {
		return nil, err
	}
	key, err := l.key(generatorVersion, cachedir.ToolID(), "declared", strings.Join(cfg.Migrations, "\x00"), cfg.Dir)
	if err != nil {
		return nil, err
	}
	// One file per dialect: a run reads only its own (a third of the
	// JSON to decode; 3 MB with 1,000 tables).
	file := func(d string) string { return filepath.Join(c.root, key+"."+d+".declared.json") }
	var cached drift.Declared
	if b, err := os.ReadFile(file(dialect)); err == nil && json.Unmarshal(b, &cached) == nil {
		return &cached, nil
	}
	s, err := declared.Load(ctx, cfg.Dir, cfg.Migrations...)
	if err != nil {
		return nil, err
	}
	all := map[string]*drift.Declared{}
	for _, d := range declared.AllDialects {
		all[string(d)] = drift.FromDeclared(s, string(d), cfg.Dir)
		if b, err := json.Marshal(all[string(d)]); err == nil {
			writeCacheFile(c.root, file(string(d)), b)
		}
	}
	return all[dialect], nil
}

// writeCacheFile writes b to file through a temporary file renamed into
// place, so that concurrent runs never read half a file. A failure to
// cache only costs the next run the work.
func writeCacheFile(dir, file string, b []byte) {
	tmp, err := os.CreateTemp(dir, "declared-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr == nil && cerr == nil {
		_ = os.Rename(tmp.Name(), file)
	}
	_ = os.Remove(tmp.Name())
}
