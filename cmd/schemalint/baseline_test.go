package main

import (
	"flag"
	"io"
	"path/filepath"
	"testing"
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
	got := rewriteCommand("drift", []*flag.FlagSet{fs}, "drift baseline.json", nil)
	want := "schemalint drift --dsn-env=DATABASE_URL '--exclude=legacy *' --models=./models/... --models=./more/... --relation-fks --baseline-write 'drift baseline.json'"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l := newLintCommand(io.Discard, io.Discard)
	l.command()
	if _, err := interleaved(l.flags, []string{"./...", "--tests=false", "--format", "json"}); err != nil {
		t.Fatal(err)
	}
	if got, want := rewriteCommand("", []*flag.FlagSet{l.flags, l.sub}, ".schemalint-baseline.json", []string{"./..."}),
		"schemalint --tests=false --baseline-write .schemalint-baseline.json ./..."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestConfigBaseline(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".schemalint.yml"), "dialect: pg\nbaseline: ci/baseline.json\n")
	sub := filepath.Join(root, "app")
	write(t, filepath.Join(sub, "x.go"), "package app\n")
	for _, tc := range []struct{ explicit, cwd, want string }{
		{"", root, filepath.Join("ci", "baseline.json")},
		// Relative to the configuration file, not to where lint runs.
		{"", sub, filepath.Join(root, "ci", "baseline.json")},
		{filepath.Join(root, ".schemalint.yml"), root, filepath.Join("ci", "baseline.json")},
	} {
		got, err := configBaseline(tc.explicit, tc.cwd)
		if err != nil || got != tc.want {
			t.Errorf("configBaseline(%q, %q) = %q, %v; want %q", tc.explicit, tc.cwd, got, err, tc.want)
		}
	}
	none := t.TempDir()
	write(t, filepath.Join(none, ".schemalint.yml"), "dialect: pg\n")
	if got, err := configBaseline("", none); got != "" || err != nil {
		t.Errorf("no baseline: key: %q, %v", got, err)
	}
	write(t, filepath.Join(none, "bad.yml"), "baseline: [a]\n")
	if _, err := configBaseline(filepath.Join(none, "bad.yml"), none); err == nil {
		t.Error("a malformed configuration gave no error")
	}
}

// drift's baseline: key, like lint's, is relative to the configuration
// file, not to where drift runs.
func TestDriftConfigBaseline(t *testing.T) {
	root := t.TempDir()
	cfg := filepath.Join(root, ".schemalint.yml")
	write(t, cfg, "drift:\n  baseline: ci/drift-baseline.json\n")
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
