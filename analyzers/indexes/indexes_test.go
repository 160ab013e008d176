package indexes_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/indexes"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// Each rule runs over its fixture packages of testdata (a module
// requiring the real Bun): // want comments give the findings, .golden
// files the source after the fixes.

func TestFKIndex(t *testing.T) {
	linttest.Run(t, indexes.FKIndex, "./fk", "./fkdirective", "./fkimported/...")
}

func TestSoftDeleteUnique(t *testing.T) { linttest.Run(t, indexes.SoftDeleteUnique, "./softdelete") }

func TestRedundantIndex(t *testing.T) { linttest.Run(t, indexes.RedundantIndex, "./redundant") }

func TestIndexTarget(t *testing.T) {
	linttest.Run(t, indexes.IndexTarget, "./target", "./targetmodels", "./notessummary", "./downnames/...")
}

func TestUnmigratedModel(t *testing.T) { linttest.Run(t, indexes.UnmigratedModel, "./unmigrated/...") }

func TestMigrationDown(t *testing.T) { linttest.Run(t, indexes.MigrationDown, "./down") }

// TestQuietWithoutMigrations runs every index rule over a package of
// models with neither migrations nor directives: no finding.
func TestQuietWithoutMigrations(t *testing.T) {
	for _, r := range indexes.Rules {
		t.Run(r.ID, func(t *testing.T) { linttest.Run(t, r, "./plain") })
	}
}
