//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"

	"github.com/schemalint/schemalint/internal/cli"
)

// execDrift replaces this process with schemalint-drift, which then
// owns the terminal, the signals and the exit code as if run directly.
// It returns only when it cannot.
func execDrift(args []string) {
	path, err := driftBinary()
	if err != nil {
		fmt.Fprintf(os.Stderr, "schemalint: %v\n", err)
		os.Exit(cli.ExitFailure)
	}
	argv := append([]string{path}, args...)
	if err := syscall.Exec(path, argv, os.Environ()); err != nil { //nolint:gosec // schemalint-drift beside this binary or on PATH, as the shell would run it
		fmt.Fprintf(os.Stderr, "schemalint: run %s: %v\n", path, err)
		os.Exit(cli.ExitFailure)
	}
}
