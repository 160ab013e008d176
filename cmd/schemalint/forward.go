package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/internal/cli"
)

// drift and migrate live in a second binary, schemalint-drift: its
// database drivers, SQLite and Atlas would otherwise be loaded by every
// lint run, at 14 MiB and a few milliseconds of start-up each (see
// docs/BENCHMARKS.md). schemalint runs it for these commands, passing the
// arguments on unchanged.
var driftCommands = []string{"drift", "migrate"}

const driftBinaryName = "schemalint-drift"

// forwarded reports whether args run a command of schemalint-drift:
// "drift ...", "migrate ...", or their help ("help drift ...").
func forwarded(args []string) bool {
	if len(args) > 1 && args[0] == "help" {
		args = args[1:]
	}
	return len(args) > 0 && slices.Contains(driftCommands, args[0])
}

// driftBinary finds schemalint-drift: beside this executable, where
// go install ./cmd/... and the release archives put both, else on PATH.
func driftBinary() (string, error) {
	name := driftBinaryName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	self, err := os.Executable()
	if err == nil {
		if resolved, err := filepath.EvalSymlinks(self); err == nil {
			self = resolved
		}
		beside := filepath.Join(filepath.Dir(self), name)
		if st, err := os.Stat(beside); err == nil && !st.IsDir() {
			return beside, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	where := "on PATH"
	if self != "" {
		where = "beside " + self + " or on PATH"
	}
	return "", fmt.Errorf("drift and migrate are run by %s, which is not %s; install it with: go install github.com/schemalint/schemalint/cmd/%s@%s",
		name, where, driftBinaryName, installVersion())
}

// installVersion is the version to install schemalint-drift at: this
// binary's, or latest for a development build.
func installVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "latest"
}

// forwardDrift runs schemalint-drift as a child process and returns its exit
// code: where the process cannot be replaced (Windows), and when run is
// called in-process. The first interruption is passed on, so that drift
// cleans up as it would have run alone.
func forwardDrift(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	path, err := driftBinary()
	if err != nil {
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return cli.ExitFailure
	}
	cmd := exec.CommandContext(ctx, path, args...) //nolint:gosec // schemalint-drift beside this binary or on PATH, as the shell would run it
	// An interruption is passed on as one (not Go's default kill), so
	// that drift cleans up as it would run alone; Windows, whose console
	// interrupts both processes, cannot send it.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	err = cmd.Run()
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		if code := ee.ExitCode(); code >= 0 {
			return code
		}
		return cli.ExitInterrupted // killed by a signal
	}
	if err != nil {
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return cli.ExitFailure
	}
	return cli.ExitOK
}

// driftStub lists a schemalint-drift command in the help. It runs only
// when lint flags come before the command ("schemalint -v drift"), which
// forwarding does not read.
func driftStub(name string) *ffcli.Command {
	summary := map[string]string{
		"drift":   "compare the models with a live database, read-only (run by schemalint-drift)",
		"migrate": "write the schema snapshot, or the migration a model change needs (run by schemalint-drift)",
	}[name]
	return &ffcli.Command{
		Name:       name,
		ShortUsage: "schemalint " + name + " [flags] ...",
		ShortHelp:  summary,
		Exec: func(context.Context, []string) error {
			return cli.UsageErr("%s: put the command first, its flags after it: schemalint %s [flags] (see schemalint help %s)", name, name, name)
		},
	}
}
