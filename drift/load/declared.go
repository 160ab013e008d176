package load

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
)

// LoadDeclared returns what the migrations of cfg.Migrations declare on
// dialect (package declared reads them statically, without running
// anything). The extraction loads the packages with full syntax, which
// takes seconds; its result is cached under a key like the programs'.
func LoadDeclared(ctx context.Context, cfg Config, dialect string) (*drift.Declared, error) {
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
	key, err := l.key(generatorVersion, toolID(), "declared", strings.Join(cfg.Migrations, "\x00"), cfg.Dir)
	if err != nil {
		return nil, err
	}
	file := filepath.Join(c.root, key+".declared.json")
	var all map[string]*drift.Declared
	if b, err := os.ReadFile(file); err == nil && json.Unmarshal(b, &all) == nil && all[dialect] != nil {
		return all[dialect], nil
	}
	s, err := declared.Load(ctx, cfg.Dir, cfg.Migrations...)
	if err != nil {
		return nil, err
	}
	all = map[string]*drift.Declared{}
	for _, d := range declared.AllDialects {
		all[string(d)] = drift.FromDeclared(s, string(d), cfg.Dir)
	}
	if b, err := json.Marshal(all); err == nil {
		// A failure to cache only costs the next run the extraction;
		// concurrent runs each write their own file and rename it.
		if tmp, err := os.CreateTemp(c.root, "declared-*.tmp"); err == nil {
			_, werr := tmp.Write(b)
			if cerr := tmp.Close(); werr == nil && cerr == nil {
				_ = os.Rename(tmp.Name(), file)
			}
			_ = os.Remove(tmp.Name())
		}
	}
	return all[dialect], nil
}
