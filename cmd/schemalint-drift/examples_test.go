package main

import (
	"io"
	"slices"
	"testing"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/internal/clitest"
)

// TestExampleWorkflows checks the drift and migrate commands of the
// workflow templates under examples/ with the real command tree.
func TestExampleWorkflows(t *testing.T) {
	t.Parallel()
	n := clitest.CheckExamples(t, func() *ffcli.Command { return newRootCommand(io.Discard, io.Discard) },
		func(args []string) bool {
			return len(args) > 0 && slices.Contains([]string{"drift", "migrate"}, args[0])
		})
	if n < 4 {
		t.Errorf("checked %d drift commands, want the templates' commands", n)
	}
}
