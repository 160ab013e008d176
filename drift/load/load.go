// Package load reads the user's Bun models, and runs their migrations,
// from outside their module: the desired side of schemalint drift for the
// command line.
//
// Go cannot list a program's types at run time, and Bun's view of a model
// is only known by running Bun. So the model types are found statically
// (go/packages, see discover), and a small program that imports them is
// built as a package of the user's module (so that it may import internal
// packages; go build -overlay maps its files there from the cache, so
// nothing is written in the user's tree), with a temporary copy of go.mod
// to which Bun's dialect modules are added at the user's Bun version (the
// user's go.mod and go.sum are never written), and run, bounded by
// Config.Timeout. It prints Bun's view of every model, gob-encoded (package
// bunview, whose source the program embeds).
// The same technique runs the migrations on a scratch database for the
// missing-migration check.
//
// Building takes seconds; running takes milliseconds. Built programs are
// cached (cachedir.Dir: SCHEMALINT_CACHE_DIR, else the user cache directory) under a
// key hashing everything that can change them: the generator, the
// schemalint binary, the go environment, go.mod and go.sum, and the
// source files of every package of the user's module the models (and
// migrations) depend on. A warm run costs one `go list` and the program's
// run.
//
// Running the program runs the init functions of the models' packages
// and their dependencies, as any Go test of them would.
package load

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/internal/cachedir"
)

// Config says where the models and migrations are.
type Config struct {
	// Dir is the directory patterns are relative to, inside the user's
	// module; positions in findings are relative to it too.
	Dir string
	// Models are the package patterns holding the models ("./..." when
	// empty).
	Models []string
	// Migrations are the package patterns of the package registering the
	// Bun migrations; empty when there is none.
	Migrations []string
	// CacheDir holds built programs; "" means cachedir.Dir: $SCHEMALINT_CACHE_DIR, else
	// <user cache dir>/schemalint/drift.
	CacheDir string
	// Timeout bounds each run of the generated program (0: unbounded),
	// not its build.
	Timeout time.Duration
	// Note, when set, is told of things worth a line on standard error: a
	// damaged cached program rebuilt.
	Note func(string)
	// Building, when set, is called when a program has to be built (a
	// cold run, which takes seconds to minutes on a large module) before
	// the work starts, so that the caller can say why it waits.
	Building func()
	// Step, when set, is called as a step that may take long starts
	// (running the migrations), and the function it returns when the step
	// ends, so that the caller can show progress.
	Step func(what string) (end func())
}

func (c Config) step(what string) (end func()) {
	if c.Step == nil {
		return func() {}
	}
	return c.Step(what)
}

func (c Config) note(msg string) {
	if c.Note != nil {
		c.Note(msg)
	}
}

func (c Config) building() {
	if c.Building != nil {
		c.Building()
	}
}

// absolute returns c with Dir absolute (positions are made relative to
// it, the generated program is placed by it).
func (c Config) absolute() (Config, error) {
	if c.Dir == "" {
		c.Dir = "."
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return c, err
	}
	c.Dir = dir
	return c, nil
}

func (c Config) models() []string {
	if len(c.Models) == 0 {
		return []string{"./..."}
	}
	return c.Models
}

// Reflection is Bun's view of the models, and where they are declared.
type Reflection struct {
	View    *bunview.View
	Sources *drift.Sources
	// Notes are models left out (unexported, generic, ...).
	Notes []string
	// Excluded are the structs with bun tags that are not models, each
	// with the reason (printed with -v).
	Excluded []string
	// Built reports that the program had to be built (a cold run), and
	// BuildTime how long that took.
	Built     bool
	BuildTime time.Duration
}

// generatorVersion changes whenever the generated program or its cache
// layout changes meaning.
const generatorVersion = "schemalint-drift-program/3"

func (c Config) cache() (*cache, error) {
	dir := c.CacheDir
	if dir == "" {
		var err error
		if dir, err = cachedir.Dir("drift"); err != nil {
			return nil, err
		}
	}
	return openCache(dir)
}

// Models returns Bun's view of the models on dialect ("pg", "mysql" or
// "sqlite").
func Models(ctx context.Context, cfg Config, dialect string) (*Reflection, error) {
	cfg, err := cfg.absolute()
	if err != nil {
		return nil, err
	}
	l, err := goList(ctx, cfg.Dir, cfg.models())
	if err != nil {
		return nil, err
	}
	return models(ctx, cfg, dialect, l)
}

// DesiredSchema is what drift compares a database with.
type DesiredSchema struct {
	// Models is Bun's view of the models, or ModelsErr why it is not
	// there.
	Models    *Reflection
	ModelsErr error
	// Declared is what the migrations declare (nil without
	// Config.Migrations), or DeclaredErr why it is not there.
	Declared    *drift.Declared
	DeclaredErr error
}

// Desired is Models and, with cfg.Migrations, Declared, side by side
// from one go list of both: the same results, for one go command instead
// of two in a warm run.
func Desired(ctx context.Context, cfg Config, dialect string) *DesiredSchema {
	out := &DesiredSchema{}
	cfg, err := cfg.absolute()
	if err != nil {
		out.ModelsErr, out.DeclaredErr = err, err
		return out
	}
	if len(cfg.Migrations) == 0 {
		out.Models, out.ModelsErr = Models(ctx, cfg, dialect)
		return out
	}
	all, err := listAll(ctx, cfg.Dir, cfg.declaredPatterns())
	if err != nil {
		out.ModelsErr, out.DeclaredErr = err, err
		return out
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		l, err := all.subset(ctx, cfg.declaredPatterns())
		if err == nil {
			out.Declared, err = declaredFrom(ctx, cfg, dialect, l)
		}
		out.DeclaredErr = err
	}()
	l, err := all.subset(ctx, cfg.models())
	if err == nil {
		out.Models, err = models(ctx, cfg, dialect, l)
	}
	out.ModelsErr = err
	<-done
	return out
}

// models is Models on the listing of the models' packages.
func models(ctx context.Context, cfg Config, dialect string, l *listing) (*Reflection, error) {
	c, err := cfg.cache()
	if err != nil {
		return nil, err
	}
	key, err := l.key(generatorVersion, cachedir.ToolID(), "reflect", strings.Join(cfg.models(), "\x00"), bunview.Source)
	if err != nil {
		return nil, err
	}
	res := &Reflection{}
	start := time.Now()
	create := func() (cachedMeta, func(string) error, error) {
		cfg.building()
		pkgs, fset, err := loadPackages(ctx, cfg.Dir, cfg.models())
		if err != nil {
			return cachedMeta{}, nil, err
		}
		d, err := discover(pkgs, fset, cfg.Dir)
		if err != nil {
			return cachedMeta{}, nil, err
		}
		if len(d.Models) == 0 {
			left := ""
			if len(d.Excluded) > 0 {
				left = "; left out: " + strings.Join(d.Excluded[:min(3, len(d.Excluded))], "; ")
				if len(d.Excluded) > 3 {
					left += fmt.Sprintf("; and %d more", len(d.Excluded)-3)
				}
			}
			return cachedMeta{}, nil, fmt.Errorf("no Bun models in %s (structs embedding bun.BaseModel or used as models; with models: {tagged: true} in .schemalint.yml every struct with bun tags counts)%s", strings.Join(cfg.models(), " "), left)
		}
		return cachedMeta{Discovery: *d}, func(binary string) error {
			return build(ctx, l, programSpec{Models: d.Models, Want: dialect}, genParent(l, d.Models, ""), binary)
		}, nil
	}
	var buildTime time.Duration
	e, built, out, err := c.runProgram(key, cfg.note, create, func(e *entry) ([]byte, error) {
		buildTime = time.Since(start) // the time to here, run after the (last) build
		return run(ctx, cfg.Timeout, "reflecting the models", "an init function of the models' packages, or of a package they import", e.binary(), nil, "reflect", dialect)
	})
	if err != nil {
		return nil, err
	}
	if built {
		res.Built, res.BuildTime = true, buildTime
	}
	// Gob, not JSON: 1.7 MB with 1,000 models, which JSON took 45 ms
	// to encode and decode.
	var v bunview.View
	if err := gob.NewDecoder(bytes.NewReader(out)).Decode(&v); err != nil {
		return nil, fmt.Errorf("the program that reads the models printed something else than Bun's view: %w", err)
	}
	src := e.meta.Discovery.Sources
	res.View, res.Sources, res.Notes, res.Excluded = &v, &src, e.meta.Discovery.Notes, e.meta.Discovery.Excluded
	return res, nil
}

// genParent is where the program goes: the deepest directory holding the
// model packages (and the migrations package), inside the module.
func genParent(l *listing, models []model, migDir string) string {
	dirs := []string{migDir}
	for _, m := range models {
		dirs = append(dirs, m.Dir)
	}
	return commonDir(l.main.Dir, dirs)
}

// run runs a built program and returns its standard output; a failure is
// one line of its standard error, after what (what the program was
// doing). A timeout above 0 bounds the run: the program runs the user's
// code (init functions, migrations), which may block; blocker says what
// may have.
func run(ctx context.Context, timeout time.Duration, what, blocker, binary string, env []string, args ...string) ([]byte, error) {
	rctx := ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		rctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	cmd := command(rctx, binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		return nil, &startError{what: what, err: err}
	}
	if err := cmd.Wait(); err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case rctx.Err() != nil:
			return nil, fmt.Errorf("%s took longer than %v (--timeout): does %s block?", what, timeout, blocker)
		}
		msg := stderr.String()
		if i := strings.Index(msg, "goroutine "); i > 0 {
			msg = msg[:i] // a panic: its message, not its stack
		}
		return nil, fmt.Errorf("%s: %s", what, oneLine(msg, err))
	}
	return stdout.Bytes(), nil
}

// Migrate runs the migrations of cfg.Migrations, up, on the database
// driverDSN names (in the form its Go driver takes: a postgres:// URL, a
// go-sql-driver/mysql DSN, or "file:path" for SQLite), with the models
// registered first as the application would. It returns the time spent
// building the program (0 when cached).
func Migrate(ctx context.Context, cfg Config, dialect, driverDSN string) (time.Duration, error) {
	if len(cfg.Migrations) == 0 {
		return 0, errors.New("no --migrations package to run")
	}
	cfg, err := cfg.absolute()
	if err != nil {
		return 0, err
	}
	patterns := append(append([]string(nil), cfg.models()...), cfg.Migrations...)
	l, err := goList(ctx, cfg.Dir, patterns)
	if err != nil {
		return 0, err
	}
	c, err := cfg.cache()
	if err != nil {
		return 0, err
	}
	key, err := l.key(generatorVersion, cachedir.ToolID(), "migrate", dialect, strings.Join(patterns, "\x00"), bunview.Source)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	create := func() (cachedMeta, func(string) error, error) {
		cfg.building()
		pkgs, fset, err := loadPackages(ctx, cfg.Dir, cfg.models())
		if err != nil {
			return cachedMeta{}, nil, err
		}
		d, err := discover(pkgs, fset, cfg.Dir)
		if err != nil {
			return cachedMeta{}, nil, err
		}
		migPkg, migVar, migDir, err := findMigrations(ctx, cfg.Dir, cfg.Migrations)
		if err != nil {
			return cachedMeta{}, nil, err
		}
		spec := programSpec{Models: d.Models, Migrate: dialect, MigPackage: migPkg, MigVar: migVar}
		return cachedMeta{Discovery: *d, MigPackage: migPkg, MigVar: migVar}, func(binary string) error {
			return build(ctx, l, spec, genParent(l, d.Models, migDir), binary)
		}, nil
	}
	var built time.Duration
	_, wasBuilt, _, err := c.runProgram(key, cfg.note, create, func(e *entry) ([]byte, error) {
		built = time.Since(start) // the time to here, run after the (last) build
		defer cfg.step("running the migrations")()
		return run(ctx, cfg.Timeout, "running the migrations", "a migration, or an init function of the models' or migrations' packages,", e.binary(), []string{"SCHEMALINT_DRIFT_DSN=" + driverDSN}, "migrate", dialect)
	})
	if !wasBuilt {
		built = 0
	}
	return built, err
}

const migratePkg = "github.com/uptrace/bun/migrate"

// findMigrations finds the package-level *migrate.Migrations variable of
// the migrations packages: exactly one package must have one, and when it
// has several, the one named Migrations is taken.
func findMigrations(ctx context.Context, dir string, patterns []string) (pkgPath, name, pkgDir string, err error) {
	pkgs, _, err := loadPackages(ctx, dir, patterns)
	if err != nil {
		return "", "", "", err
	}
	type found struct{ pkg, name, dir string }
	var all []found
	for _, p := range pkgs {
		scope := p.Types.Scope()
		var vars []string
		for _, n := range scope.Names() {
			v, ok := scope.Lookup(n).(*types.Var)
			if ok && v.Exported() && isMigrations(v.Type()) {
				vars = append(vars, n)
			}
		}
		sort.Strings(vars)
		switch {
		case len(vars) == 1:
			all = append(all, found{p.PkgPath, vars[0], packageDir(p)})
		case len(vars) > 1 && scope.Lookup("Migrations") != nil:
			all = append(all, found{p.PkgPath, "Migrations", packageDir(p)})
		case len(vars) > 1:
			return "", "", "", fmt.Errorf("package %s has several *migrate.Migrations variables (%s): name the one to run Migrations", p.PkgPath, strings.Join(vars, ", "))
		}
	}
	switch len(all) {
	case 0:
		return "", "", "", fmt.Errorf("no package of %s has an exported *migrate.Migrations variable", strings.Join(patterns, " "))
	case 1:
		return all[0].pkg, all[0].name, all[0].dir, nil
	}
	var names []string
	for _, f := range all {
		names = append(names, f.pkg+"."+f.name)
	}
	return "", "", "", fmt.Errorf("several packages register migrations (%s): give --migrations one of them", strings.Join(names, ", "))
}

func isMigrations(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == migratePkg && n.Obj().Name() == "Migrations"
}

// Sources finds where the models of the packages patterns match are
// declared (go/packages, no build), for drift.Options.Sources: a test
// calling drift.Compare gets findings that point at the Go model and
// field. Positions are relative to dir.
func Sources(ctx context.Context, dir string, patterns ...string) (*drift.Sources, error) {
	cfg, err := Config{Dir: dir, Models: patterns}.absolute()
	if err != nil {
		return nil, err
	}
	pkgs, fset, err := loadPackages(ctx, cfg.Dir, cfg.models())
	if err != nil {
		return nil, err
	}
	d, err := discover(pkgs, fset, cfg.Dir)
	if err != nil {
		return nil, err
	}
	return &d.Sources, nil
}
