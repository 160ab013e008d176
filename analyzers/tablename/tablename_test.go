package tablename_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/tablename"
)

func TestTableNaming(t *testing.T) { linttest.Run(t, tablename.Rule) }
