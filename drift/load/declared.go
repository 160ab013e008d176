package load

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/cachedir"
)

// Declared returns what the migrations of cfg.Migrations declare on
// dialect, with the //schemalint:index directives of the models of
// cfg.Models (drift.FromDeclaredWith: a directive a model gains is drift
// until a migration creates its index). Package declared reads them
// statically, without running anything. The extraction loads the
// packages with full syntax, which takes seconds; its result is cached
// under a key like the programs'.
func Declared(ctx context.Context, cfg Config, dialect string) (*drift.Declared, error) {
	cfg, err := cfg.absolute()
	if err != nil {
		return nil, err
	}
	l, err := goList(ctx, cfg.Dir, cfg.declaredPatterns())
	if err != nil {
		return nil, err
	}
	return declaredFrom(ctx, cfg, dialect, l)
}

// declaredSuffix ends the names of Declared's cache files; the suffix
// of the JSON files earlier versions wrote is recognised too, so that
// prune removes them.
const declaredSuffix = ".declared.gob"

func isDeclaredFile(name string) bool {
	return strings.HasSuffix(name, declaredSuffix) || strings.HasSuffix(name, ".declared.json")
}

// declaredPatterns are what Declared lists: one listing of the
// migrations and the models is the key (the migrations need not import
// the models, whose directives count too).
func (c Config) declaredPatterns() []string {
	return append(slices.Clone(c.Migrations), c.models()...)
}

// declaredFrom is Declared on the listing of cfg.declaredPatterns.
func declaredFrom(ctx context.Context, cfg Config, dialect string, l *listing) (*drift.Declared, error) {
	c, err := cfg.cache()
	if err != nil {
		return nil, err
	}
	key, err := l.key(generatorVersion, cachedir.ToolID(), "declared", strings.Join(cfg.Migrations, "\x00"), "models", strings.Join(cfg.models(), "\x00"), cfg.Dir)
	if err != nil {
		return nil, err
	}
	// One file per dialect: a run reads only its own (a third of the
	// data to decode; 1.8 MB with 1,000 tables). Gob, not JSON: five
	// times faster to decode.
	file := func(d string) string { return filepath.Join(c.root, key+"."+d+declaredSuffix) }
	var cached drift.Declared
	if b, err := os.ReadFile(file(dialect)); err == nil && gob.NewDecoder(bytes.NewReader(b)).Decode(&cached) == nil {
		now := time.Now()
		_ = os.Chtimes(file(dialect), now, now) // recently used: kept by prune
		return &cached, nil
	}
	s, withDirectives, err := loadDeclared(ctx, cfg, l)
	if err != nil {
		return nil, err
	}
	all := map[string]*drift.Declared{}
	for _, d := range declared.AllDialects {
		all[string(d)] = drift.FromDeclaredWith(s, withDirectives, string(d), cfg.Dir)
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(all[string(d)]); err == nil {
			writeCacheFile(c.root, file(string(d)), b.Bytes())
		}
	}
	return all[dialect], nil
}

// loadDeclared loads the migrations packages, and those of the packages
// l lists (the migrations and models) that hold an index directive, at
// once, as they share most of their dependencies; it returns the
// migrations' schema and the schemas of the other packages whose models
// carry //schemalint:index directives. The models packages without one
// (./... matches tools and commands too) are not loaded at all.
func loadDeclared(ctx context.Context, cfg Config, l *listing) (*declared.Schema, []*declared.Schema, error) {
	// Which packages are the migrations' is the go command's answer:
	// asked meanwhile.
	type listed struct {
		l   *listing
		err error
	}
	listing := make(chan listed, 1)
	go func() {
		l, err := goList(ctx, cfg.Dir, cfg.Migrations)
		listing <- listed{l, err}
	}()
	patterns := slices.Clone(cfg.Migrations)
	for _, p := range l.roots {
		has, err := mentionsDirective(p)
		if err != nil {
			return nil, nil, err
		}
		if has {
			patterns = append(patterns, p.ImportPath)
		}
	}
	pcfg := &packages.Config{Context: ctx, Mode: packages.LoadAllSyntax, Dir: cfg.Dir}
	pkgs, err := packages.Load(pcfg, patterns...)
	ml := <-listing
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	if ml.err != nil {
		return nil, nil, ml.err
	}
	migration := map[string]bool{}
	for _, p := range ml.l.roots {
		migration[p.ImportPath] = true
	}
	schemas, err := declared.Analyze(pkgs)
	if err != nil {
		return nil, nil, err
	}
	var migs, models []*declared.Schema
	for _, s := range schemas {
		if migration[s.Package] {
			migs = append(migs, s)
		} else {
			models = append(models, s)
		}
	}
	s, err := declared.Merge(migs)
	if err != nil {
		return nil, nil, err
	}
	return s, models, nil
}

// mentionsDirective reports whether a source file of a listed package
// holds the index directive's prefix: only then can its models declare
// an index.
func mentionsDirective(p *listedPackage) (bool, error) {
	for _, name := range append(slices.Clone(p.GoFiles), p.CgoFiles...) {
		b, err := os.ReadFile(filepath.Join(p.Dir, name)) //nolint:gosec // the user's sources, listed by go list
		if err != nil {
			return false, err
		}
		if bytes.Contains(b, []byte(bunmodel.IndexDirectivePrefix)) {
			return true, nil
		}
	}
	return false, nil
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
