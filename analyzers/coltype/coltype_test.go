package coltype_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/coltype"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

func TestJSONType(t *testing.T) { linttest.Run(t, coltype.JSONType, "./json", "./jsonpg") }

func TestSQLType(t *testing.T) { linttest.Run(t, coltype.SQLType, "./sqltype") }
