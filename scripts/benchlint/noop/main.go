// Command noop is the floor of the lint benchmark: one analyzer that does
// nothing, run by golang.org/x/tools/go/analysis/singlechecker — the
// driver any go/analysis linter without facts gets: the named packages
// from source, their dependencies from export data. It shares no code
// with schemalint's driver, so it cannot pay the same costs.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(noop) }
