package main

import (
	"flag"
	"io"
	"path/filepath"
	"testing"

	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/clitest"
)

// The command printed for a stale baseline keeps the flags that choose the
// findings, in a form a shell reads back, and drops the ones about output.
func TestRewriteCommand(t *testing.T) {
	c := &driftCommand{stderr: io.Discard}
	fs := c.flags("drift")
	if err := fs.Parse([]string{"--models", "./models/...", "--models", "./more/...", "--dsn-env", "DATABASE_URL",
		"--relation-fks", "--format", "sarif", "--fail-on", "error", "-v", "--baseline", "b.json", "--exclude", "legacy *"}); err != nil {
		t.Fatal(err)
	}
	got := cli.RewriteCommand("drift", []*flag.FlagSet{fs}, "drift baseline.json", nil)
	want := "schemalint drift --dsn-env=DATABASE_URL '--exclude=legacy *' --models=./models/... --models=./more/... --relation-fks --baseline-write 'drift baseline.json'"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// drift's baseline: key, like lint's, is relative to the configuration
// file, not to where drift runs.
func TestDriftConfigBaseline(t *testing.T) {
	root := t.TempDir()
	cfg := filepath.Join(root, ".schemalint.yml")
	clitest.Write(t, cfg, "drift:\n  baseline: ci/drift-baseline.json\n")
	c := &driftCommand{stderr: io.Discard, configFile: cfg, set: map[string]bool{}}
	if err := c.applyConfig(); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "ci", "drift-baseline.json"); c.baseline != want {
		t.Errorf("baseline %q, want %q", c.baseline, want)
	}
	c = &driftCommand{stderr: io.Discard, configFile: cfg, set: map[string]bool{"baseline": true}, baseline: "mine.json"}
	if err := c.applyConfig(); err != nil || c.baseline != "mine.json" {
		t.Errorf("--baseline given: %q, %v", c.baseline, err)
	}
}
