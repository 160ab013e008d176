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
