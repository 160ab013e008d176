package bunmodel

import (
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/config"
)

// The models: section of the configuration decides discovery, so the
// analyzer that every rule depends on reads it: from the nearest
// .schemalint.yml of the package, or from the configuration a driver
// installs for every package (golangci-lint settings, --config).

var (
	staticMu sync.Mutex
	static   *config.Config
	byDir    sync.Map // dir -> modelsLookup
)

type modelsLookup struct {
	cfg *config.Config
	err error
}

// UseConfig makes cfg configure discovery in every package, as
// lint.Env.Static configures the rules; nil goes back to each package's
// nearest .schemalint.yml.
func UseConfig(cfg *config.Config) {
	staticMu.Lock()
	defer staticMu.Unlock()
	static = cfg
}

func discoverOptions(pass *analysis.Pass) (DiscoverOptions, error) {
	if len(pass.Files) == 0 {
		return OptionsFor("")
	}
	return OptionsFor(filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name()))
}

// OptionsFor returns the discovery options for a package in dir.
func OptionsFor(dir string) (DiscoverOptions, error) {
	cfg, err := ConfigFor(dir)
	if err != nil {
		return DiscoverOptions{}, err
	}
	return DiscoverOptions{Tagged: cfg.Models.Tagged}, nil
}

// ConfigFor returns the configuration governing a package in dir: the one
// UseConfig installed, else the nearest .schemalint.yml above dir (an
// empty one when there is none). Analyzers that are not rules (discovery,
// the key index) read their settings through it.
func ConfigFor(dir string) (*config.Config, error) {
	staticMu.Lock()
	s := static
	staticMu.Unlock()
	if s != nil {
		return s, nil
	}
	if dir == "" {
		return &config.Config{}, nil
	}
	if v, ok := byDir.Load(dir); ok {
		l := v.(modelsLookup)
		return l.cfg, l.err
	}
	l := modelsLookup{cfg: &config.Config{}}
	file, err := config.Find(dir)
	switch {
	case err != nil:
		l.err = err
	case file != "":
		l.cfg, l.err = config.Load(file)
	}
	byDir.Store(dir, l)
	return l.cfg, l.err
}
