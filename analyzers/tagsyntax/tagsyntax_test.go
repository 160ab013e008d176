package tagsyntax_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/tagsyntax"
)

func TestTagSyntax(t *testing.T) {
	linttest.Run(t, tagsyntax.Rule)
}

// TestReferenceSchemaClean: the reference schema is the house style, so
// SL100 must find nothing in it.
func TestReferenceSchemaClean(t *testing.T) {
	linttest.Clean(t, tagsyntax.Rule, "github.com/schemalint/schemalint/schema")
}
