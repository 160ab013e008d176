package main

import (
	"flag"
	"io"
	"testing"

	"github.com/schemalint/schemalint/internal/cli"
)

// The command printed for a stale lint baseline keeps the patterns and
// the flags that choose the findings, wherever they were given.
func TestRewriteCommand(t *testing.T) {
	l := newLintCommand(io.Discard, io.Discard)
	l.command()
	if _, err := cli.Interleaved(l.flags, []string{"./...", "--tests=false", "--format", "json"}); err != nil {
		t.Fatal(err)
	}
	if got, want := cli.RewriteCommand("", []*flag.FlagSet{l.flags, l.sub}, ".schemalint-baseline.json", []string{"./..."}),
		"schemalint --tests=false --baseline-write .schemalint-baseline.json ./..."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
