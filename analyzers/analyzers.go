// Package analyzers is schemalint's registry: every rule, and the
// go/analysis analyzers that run them. The CLI, the go vet tool, the
// golangci-lint plugin and the documentation all take the rules from here.
package analyzers

import (
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/coltype"
	"github.com/schemalint/schemalint/analyzers/dupcolumn"
	"github.com/schemalint/schemalint/analyzers/indexes"
	"github.com/schemalint/schemalint/analyzers/keys"
	"github.com/schemalint/schemalint/analyzers/lint"
	"github.com/schemalint/schemalint/analyzers/relation"
	"github.com/schemalint/schemalint/analyzers/softdelete"
	"github.com/schemalint/schemalint/analyzers/tablename"
	"github.com/schemalint/schemalint/analyzers/tagsyntax"
	"github.com/schemalint/schemalint/analyzers/tenant"
	"github.com/schemalint/schemalint/analyzers/timestamps"
)

// Rules returns every rule, ordered by ID; SL000 (suppression directives)
// first.
func Rules() []*lint.Rule {
	rules := []*lint.Rule{
		lint.SuppressionRule,
		keys.PrimaryKey, keys.FKType, keys.FKNullability,
		timestamps.Rule,
		softdelete.Rule,
		tenant.Rule,
		coltype.JSONType,
		tablename.Rule,
		coltype.SQLType,
		tagsyntax.Rule,
		dupcolumn.Rule,
		relation.Rule,
	}
	rules = append(rules, indexes.Rules...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// NewEnv returns an environment knowing every rule, configured by
// .schemalint.yml files.
func NewEnv() *lint.Env { return lint.NewEnv(Rules()) }

// New returns the analyzers of every rule in env: one per rule, then SL000,
// which runs after them to report unused suppressions.
func New(env *lint.Env) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range env.Rules() {
		if r == lint.SuppressionRule {
			continue
		}
		out = append(out, lint.NewAnalyzer(env, r))
	}
	return append(out, lint.NewSuppressionAnalyzer(env, out))
}
