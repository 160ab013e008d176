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
	opts DiscoverOptions
	err  error
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

// OptionsFor returns the discovery options for a package in dir: those
// of the configuration UseConfig installed, else of the nearest
// .schemalint.yml above dir (the defaults when there is none).
func OptionsFor(dir string) (DiscoverOptions, error) {
	staticMu.Lock()
	s := static
	staticMu.Unlock()
	if s != nil {
		return DiscoverOptions{Tagged: s.Models.Tagged}, nil
	}
	if dir == "" {
		return DiscoverOptions{}, nil
	}
	if v, ok := byDir.Load(dir); ok {
		l := v.(modelsLookup)
		return l.opts, l.err
	}
	var l modelsLookup
	file, err := config.Find(dir)
	switch {
	case err != nil:
		l.err = err
	case file != "":
		cfg, err := config.Load(file)
		if err != nil {
			l.err = err
		} else {
			l.opts = DiscoverOptions{Tagged: cfg.Models.Tagged}
		}
	}
	byDir.Store(dir, l)
	return l.opts, l.err
}
