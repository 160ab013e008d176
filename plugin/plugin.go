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
//
// Related places (where a field or a foreign key is declared) end the
// message, "(see ../models/user.go:12: User.OrgID is declared here)":
// golangci-lint would make each one an issue of its own, which --fix leaves
// behind when it fixes the finding.
package plugin

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

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

// BuildAnalyzers returns every rule's analyzer, its reports adapted to
// golangci-lint.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := analyzers.New(p.env)
	for _, a := range as {
		adaptReports(a)
	}
	return as, nil
}

// adaptReports passes a's diagnostics through inlineRelated and localFixes
// before golangci-lint sees them. The analyzers are this plugin's own (New
// makes them afresh), so their Run is changed in place and the analyzers
// that require them see the same objects.
func adaptReports(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) { report(localFixes(pass.Fset, inlineRelated(pass.Fset, d))) }
		return run(pass)
	}
}

// localFixes drops the fixes that edit a file other than d's: golangci-lint
// applies only the edits inside the file and drops the others
// without a word, which would leave half a fix. Without it the finding is
// reported as not fixable; schemalint --fix applies the whole fix.
func localFixes(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	file := fset.File(d.Pos)
	fixes := d.SuggestedFixes[:0:0]
	for _, fix := range d.SuggestedFixes {
		if !slices.ContainsFunc(fix.TextEdits, func(e analysis.TextEdit) bool { return fset.File(e.Pos) != file }) {
			fixes = append(fixes, fix)
		}
	}
	d.SuggestedFixes = fixes
	return d
}

// inlineRelated makes d carry its related places in the message instead of
// in Diagnostic.Related. golangci-lint turns each related place into an
// issue ("(related information)") without the finding's fix: usually hidden
// by uniq-by-line, it is what remains after --fix fixes the finding, and it
// keeps the exit code at 1.
//
// Each place is a path relative to d's file ("line 12" in the same file),
// so the text does not depend on the directory golangci-lint runs in (it
// caches diagnostics).
func inlineRelated(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	at := fset.Position(d.Pos)
	var see []string
	for _, r := range d.Related {
		pos := fset.Position(r.Pos)
		switch {
		case !pos.IsValid():
			see = append(see, r.Message)
		case pos.Filename == at.Filename:
			see = append(see, fmt.Sprintf("line %d: %s", pos.Line, r.Message))
		default:
			name := pos.Filename
			if rel, err := filepath.Rel(filepath.Dir(at.Filename), name); err == nil && at.IsValid() {
				name = filepath.ToSlash(rel)
			}
			see = append(see, fmt.Sprintf("%s:%d: %s", name, pos.Line, r.Message))
		}
	}
	d.Message += " (see " + strings.Join(see, "; ") + ")"
	d.Related = nil
	return d
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
