package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/internal/cli"
)

// hookMarker identifies hooks this command wrote, so it may replace them.
const hookMarker = "# installed by `schemalint hook install`"

func newHookCommand(stdout io.Writer) *ffcli.Command {
	fs := flag.NewFlagSet("hook install", flag.ContinueOnError)
	force := fs.Bool("force", false, "replace an existing pre-commit hook that schemalint did not write")
	install := &ffcli.Command{
		Name:       "install",
		ShortUsage: "schemalint hook install [--force] [-- lint flags and packages]",
		ShortHelp:  "write a git pre-commit hook that runs schemalint",
		LongHelp: strings.TrimSpace(`
Write .git/hooks/pre-commit (honouring core.hooksPath) so that every commit
runs schemalint with the lint flags and packages given after -- (default
./...), e.g. schemalint hook install -- --fail-level error ./models/...;
a finding at or above the fail level blocks the commit and is printed
(a committed baseline named by baseline: in .schemalint.yml applies).
The hook lints the working tree, as go vet would. Skip it once with
git commit --no-verify; uninstall by deleting the file.`),
		FlagSet: fs,
		Exec: func(ctx context.Context, args []string) error {
			return installHook(ctx, stdout, *force, args)
		},
	}
	return &ffcli.Command{
		Name:        "hook",
		ShortUsage:  "schemalint hook install [--force] [-- lint flags and packages]",
		ShortHelp:   "install a git pre-commit hook",
		Subcommands: []*ffcli.Command{install},
		Exec: func(context.Context, []string) error {
			return cli.UsageErr("hook: missing subcommand: schemalint hook install")
		},
	}
}

func installHook(ctx context.Context, stdout io.Writer, force bool, args []string) error {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	dir, err := gitOutput(ctx, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return &cli.ExitError{Code: cli.ExitFailure, Err: fmt.Errorf("not in a git repository: %w", err)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil { //nolint:gosec // the mode git itself gives .git/hooks
		return err
	}
	path := filepath.Join(dir, "pre-commit")
	if old, err := os.ReadFile(path); err == nil && !strings.Contains(string(old), hookMarker) && !force {
		return cli.UsageErr("%s exists and was not written by schemalint: merge it by hand, or use --force to replace it", path)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		exe = "schemalint"
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = cli.ShellQuote(a)
	}
	script := fmt.Sprintf(`#!/bin/sh
%s
# Lints the working tree with the repository's .schemalint.yml; findings at
# or above the fail level block the commit. Skip once: git commit --no-verify.
# Uninstall: delete this file.
SCHEMALINT=${SCHEMALINT:-%s}
[ -x "$SCHEMALINT" ] || SCHEMALINT=schemalint
cd "$(git rev-parse --show-toplevel)" || exit 1
exec "$SCHEMALINT" %s
`, hookMarker, cli.ShellQuote(exe), strings.Join(quoted, " "))
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil { //nolint:gosec // git runs only executable hooks
		return err
	}
	fmt.Fprintf(stdout, "installed %s: runs schemalint %s before each commit\n", path, strings.Join(args, " "))
	return nil
}

func gitOutput(ctx context.Context, args ...string) (string, error) {
	out, err := exec.CommandContext(ctx, "git", args...).Output()
	if err != nil {
		if ee, ok := errors.AsType[*exec.ExitError](err); ok {
			return "", errors.New(strings.TrimSpace(string(ee.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
