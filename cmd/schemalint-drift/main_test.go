package main

import (
	"os"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

// bin is the schemalint binary built for the tests, with schemalint-drift
// beside it: the tests run drift and migrate as users do, through
// schemalint.
var bin string

func TestMain(m *testing.M) { os.Exit(clitest.Main(m, &bin)) }

type result = clitest.Result

// schemalint runs the binary in dir.
func schemalint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return clitest.Run(t.Context(), t, bin, dir, nil, args...)
}

// schemalintEnv runs the binary in dir with env added to the environment.
func schemalintEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return clitest.Run(t.Context(), t, bin, dir, env, args...)
}

// mod is lint's fixture module, whose models and migrations drift reads
// too.
const mod = "../schemalint/testdata/mod"
