package relation_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/relation"
)

func TestRelation(t *testing.T) {
	linttest.Run(t, relation.Rule)
}

// TestReferenceSchemaClean: every relation of the reference schema
// resolves.
func TestReferenceSchemaClean(t *testing.T) {
	linttest.Clean(t, relation.Rule, "github.com/schemalint/schemalint/schema")
}
