package lint

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/internal/suggest"
)

// Env is the setting the rules run in: where configuration comes from and
// how findings are spelled. One Env serves one run of one driver (CLI,
// go vet, golangci-lint).
type Env struct {
	// Static, when set, configures every package (golangci-lint plugin
	// settings, or the CLI's --config); otherwise each package's
	// .schemalint.yml is found by walking up from its directory.
	Static *config.Config
	// PrefixID starts each message with the rule ID ("SL005: ..."), for
	// drivers that print nothing but the message.
	PrefixID bool

	rules map[string]*Rule
	ids   []string

	mu     sync.Mutex
	byDir  map[string]*loaded
	byFile map[string]*loaded
}

type loaded struct {
	cfg     *config.Config
	err     error
	options map[string]any // rule ID -> decoded options
}

// NewEnv returns an Env for the given rules.
func NewEnv(rules []*Rule) *Env {
	e := &Env{rules: map[string]*Rule{}, byDir: map[string]*loaded{}, byFile: map[string]*loaded{}}
	for _, r := range rules {
		e.rules[r.ID] = r
		e.ids = append(e.ids, r.ID)
	}
	sort.Strings(e.ids)
	return e
}

// Rules returns the rules of the env, by ID.
func (e *Env) Rules() []*Rule {
	out := make([]*Rule, 0, len(e.ids))
	for _, id := range e.ids {
		out = append(out, e.rules[id])
	}
	return out
}

// Rule returns the rule with the ID, or nil.
func (e *Env) Rule(id string) *Rule { return e.rules[strings.ToUpper(id)] }

// ConfigFor returns the configuration governing a package whose files are
// in dir, validated against the rules.
func (e *Env) ConfigFor(dir string) (*config.Config, error) {
	l := e.load(dir)
	return l.cfg, l.err
}

func (e *Env) load(dir string) *loaded {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.Static != nil {
		return e.validated("\x00static", func() (*config.Config, error) { return e.Static, nil })
	}
	if l, ok := e.byDir[dir]; ok {
		return l
	}
	// Discovery (bunmodel) reads the same file for models:; share its
	// read, then validate once per file against the rules.
	cfg, err := bunmodel.ConfigFor(dir)
	var l *loaded
	if err != nil {
		l = &loaded{err: err}
	} else {
		l = e.validated(cfg.Source, func() (*config.Config, error) { return cfg, nil })
	}
	e.byDir[dir] = l
	return l
}

// ruleHint suggests the rule ID closest to a mistyped one, or lists them
// all when none is close.
func (e *Env) ruleHint(id string) string {
	if h := suggest.Hint(id, e.ids); h != "" {
		return h
	}
	return " (known: " + strings.Join(e.ids, ", ") + ")"
}

// validated loads a configuration once per file and checks it against the
// rules: known IDs, decodable options.
func (e *Env) validated(file string, load func() (*config.Config, error)) *loaded {
	if l, ok := e.byFile[file]; ok {
		return l
	}
	l := &loaded{options: map[string]any{}}
	l.cfg, l.err = load()
	if l.err == nil {
		l.err = e.check(l)
	}
	e.byFile[file] = l
	return l
}

func (e *Env) check(l *loaded) error {
	cfg := l.cfg
	for i := range cfg.Rules {
		rc := &cfg.Rules[i]
		r := e.Rule(rc.ID)
		if r == nil {
			return fmt.Errorf("%s: %s: unknown rule %q%s", source(cfg), cfg.At("rules", i, "id"), rc.ID, e.ruleHint(rc.ID))
		}
		if r.Options == nil {
			if rc.Options.Kind != 0 {
				return fmt.Errorf("%s: rule %s takes no options", source(cfg), r.ID)
			}
			continue
		}
	}
	for _, id := range e.ids {
		r := e.rules[id]
		if r.Options == nil {
			continue
		}
		opts := r.Options()
		if err := cfg.Rule(id).DecodeOptions(source(cfg), opts); err != nil {
			return err
		}
		if v, ok := opts.(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				return fmt.Errorf("%s: options of rule %s: %w", source(cfg), id, err)
			}
		}
		l.options[id] = opts
	}
	for j, ex := range cfg.Exclude {
		for k, id := range ex.Rules {
			if e.Rule(id) == nil {
				return fmt.Errorf("%s: %s: exclude names unknown rule %q%s", source(cfg), cfg.At("exclude", j, "rules", k), id, e.ruleHint(id))
			}
		}
		for _, p := range slices.Concat(ex.Tables, ex.Models) {
			if _, err := filepath.Match(p, ""); err != nil {
				return fmt.Errorf("%s: exclude pattern %q: %w", source(cfg), p, err)
			}
		}
	}
	return nil
}

func source(c *config.Config) string {
	if c.Source == "" {
		return "configuration"
	}
	return c.Source
}

// Severity returns the severity of rule id under cfg, and false when the
// rule is switched off.
func (e *Env) Severity(cfg *config.Config, id string) (config.Severity, bool) {
	r := e.Rule(id)
	if r == nil {
		return "", false
	}
	sev := r.Severity
	if rc := cfg.Rule(id); rc != nil {
		if rc.Enabled != nil && !*rc.Enabled {
			return "", false
		}
		if rc.Severity != "" {
			sev = rc.Severity
		}
	}
	return sev, true
}

// packageDir returns the directory of the package's first Go file.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); name != "" {
			return filepath.Dir(name)
		}
	}
	return "."
}
