package softdelete_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/softdelete"
)

func TestSoftDelete(t *testing.T) {
	linttest.Run(t, softdelete.Rule)
}
