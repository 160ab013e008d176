// Command noop is the floor of the lint benchmark: schemalint's own driver
// (internal/lintrun: go/packages loading, the go/analysis checker, the
// report) running one analyzer that does nothing. What schemalint costs
// beyond it is the cost of its rules.
package main

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/internal/lintrun"
	"github.com/schemalint/schemalint/internal/report"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	pkgs, err := lintrun.Load(context.Background(), cwd, true, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	rep, err := lintrun.Analyze(analyzers.NewEnv(), []*analysis.Analyzer{noop}, pkgs, cwd)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := report.WriteText(os.Stdout, rep, false); err != nil {
		os.Exit(2)
	}
}
