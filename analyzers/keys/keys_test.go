package keys_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/keys"
	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

func TestPrimaryKey(t *testing.T) { linttest.Run(t, keys.PrimaryKey, "./pk") }

func TestFKType(t *testing.T) { linttest.Run(t, keys.FKType, "./fktype", "./fkpattern", "./fknatural") }

func TestFKNullability(t *testing.T) { linttest.Run(t, keys.FKNullability, "./fknull") }
