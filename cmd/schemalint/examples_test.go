package main

import (
	"io"
	"testing"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/internal/clitest"
)

// TestExampleWorkflows checks the lint commands of the workflow
// templates under examples/ with the real command tree (drift's are
// checked by cmd/schemalint-drift's test).
func TestExampleWorkflows(t *testing.T) {
	t.Parallel()
	n := clitest.CheckExamples(t, func() *ffcli.Command { return newRootCommand(io.Discard, io.Discard) },
		func(args []string) bool { return !forwarded(args) })
	if n < 3 {
		t.Errorf("checked %d lint commands, want the templates' commands", n)
	}
}
