package dupcolumn_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/dupcolumn"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

func TestDuplicateColumn(t *testing.T) {
	linttest.Run(t, dupcolumn.Rule)
}

// TestReferenceSchemaClean: the reference schema maps every column to one
// field.
func TestReferenceSchemaClean(t *testing.T) {
	linttest.Clean(t, dupcolumn.Rule, "github.com/schemalint/schemalint/schema")
}
