package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

func TestForwarded(t *testing.T) {
	for args, want := range map[string]bool{
		"drift --dsn x":             true,
		"drift migrations":          true,
		"migrate new add_bio":       true,
		"help drift":                true,
		"help migrate new":          true,
		"help":                      false,
		"./...":                     false,
		"rules DR003":               false,
		"lint ./drift":              false,
		"--format json drift":       false, // lint flags first: the stub says what to do
		"hook install -- ./migrate": false,
	} {
		if got := forwarded(strings.Fields(args)); got != want {
			t.Errorf("forwarded(%q) = %v, want %v", args, got, want)
		}
	}
}

// schemalint drift runs schemalint-drift beside schemalint; without it,
// exit 2 and the go install command that installs it.
func TestDriftBinaryMissing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	alone := filepath.Join(dir, "schemalint")
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, b, 0o755); err != nil {
		t.Fatal(err)
	}
	r := clitest.Run(t.Context(), t, alone, dir, []string{"PATH=" + filepath.Dir(goBin(t))}, "drift", "--dsn", "sqlite://x.db")
	if r.Code != 2 || !strings.Contains(r.Stderr, "schemalint-drift, which is not beside") ||
		!strings.Contains(r.Stderr, "go install github.com/schemalint/schemalint/cmd/schemalint-drift@") {
		t.Errorf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	// Lint needs nothing else.
	if r := clitest.Run(t.Context(), t, alone, dir, nil, "version"); r.Code != 0 {
		t.Errorf("version without schemalint-drift: exit %d\n%s", r.Code, r.Stderr)
	}
}

// run called in-process (not through main, which replaces the process)
// runs schemalint-drift as a child, found on PATH, with its output and
// exit code.
func TestForwardDriftChild(t *testing.T) {
	t.Setenv("PATH", filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"help", "drift"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Usage: schemalint drift") {
		t.Errorf("help drift: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"drift", "--no-such-flag"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "no-such-flag") {
		t.Errorf("a bad flag: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}

// goBin is the directory of the go command, for a PATH without
// schemalint-drift.
func goBin(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
