// Package plugin registers schemalint as a golangci-lint v2 module plugin.
//
//	# .custom-gcl.yml
//	version: v2.15.0
//	plugins:
//	  - module: github.com/schemalint/schemalint
//	    import: github.com/schemalint/schemalint/plugin
//	    version: latest
//
//	# .golangci.yml
//	linters:
//	  enable: [schemalint]
//	  settings:
//	    custom:
//	      schemalint:
//	        type: module
//	        settings:              # optional: the same keys as .schemalint.yml
//	          dialect: postgres
//	          rules:
//	            - id: SL008
//	              enabled: false
//
// Without settings, each package is configured by its nearest
// .schemalint.yml, as with the schemalint command; with settings, they
// configure every package and files are not read. Messages start with the
// rule ID ("SL005: ..."), so exclusion rules can match one rule by text.
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

func init() {
	register.Plugin("schemalint", New)
}

type plugin struct {
	env *lint.Env
}

var _ register.LinterPlugin = (*plugin)(nil)

// New decodes the plugin settings (strictly: an unknown key fails the run
// with a message naming it) and returns the plugin.
func New(settings any) (register.LinterPlugin, error) {
	env := analyzers.NewEnv()
	env.PrefixID = true
	if !empty(settings) {
		cfg, err := config.FromSettings(settings)
		if err != nil {
			return nil, fmt.Errorf("schemalint: %w", err)
		}
		env.Static = cfg
		bunmodel.UseConfig(cfg)
		if _, err := env.ConfigFor(""); err != nil {
			return nil, fmt.Errorf("schemalint: %w", err)
		}
	}
	return &plugin{env: env}, nil
}

// BuildAnalyzers returns every rule's analyzer.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.New(p.env), nil
}

// GetLoadMode asks for type information: the rules read go/types.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func empty(settings any) bool {
	switch s := settings.(type) {
	case nil:
		return true
	case map[string]any:
		return len(s) == 0
	}
	return false
}
