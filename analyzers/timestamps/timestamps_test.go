package timestamps_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/timestamps"
)

func TestTimestamps(t *testing.T) { linttest.Run(t, timestamps.Rule) }
