// Command schemalint-drift runs schemalint's drift and migrate commands:
// schemalint drift ... and schemalint migrate ... run it with their
// arguments unchanged. It is a binary of its own so that lint, which
// runs on every commit, does not load the database drivers, SQLite and
// Atlas that drift needs. Install both:
//
//	go install github.com/schemalint/schemalint/cmd/...@latest
//
// Running it directly is the same as running schemalint:
//
//	schemalint-drift drift (--dsn URL | --dsn-env VAR) [flags]
//	schemalint-drift drift migrations --migrations PATTERN [flags]
//	schemalint-drift migrate snapshot --migrations PATTERN [flags]
//	schemalint-drift migrate new --migrations PATTERN [flags] NAME
//
// Exit codes: 0 no drift at or above --fail-on, 1 drift, 2 could not
// check (usage, configuration, connection), 130 interrupted.
package main

import (
	"context"
	"flag"
	"io"
	"os"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/internal/cli"
)

func main() {
	ctx, stop := cli.Interruptible()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return cli.Run(ctx, newRootCommand(stdout, stderr), args, stderr)
}

// newRootCommand builds the command tree of drift and migrate, named as
// schemalint's, whose help and messages these are.
func newRootCommand(stdout, stderr io.Writer) *ffcli.Command {
	root := &ffcli.Command{
		Name:       "schemalint",
		ShortUsage: "schemalint drift|migrate ...   (schemalint-drift is the program schemalint runs for them)",
		ShortHelp:  "compare Bun models with a database, and write migrations",
		LongHelp: strings.TrimSpace(`
schemalint-drift runs "schemalint drift" and "schemalint migrate":
schemalint runs it for those commands. "schemalint drift" compares the
models with a live database; "schemalint drift migrations" with the schema
the migrations produce; "schemalint migrate snapshot" writes the schema
snapshot that "schemalint drift migrations" checks, and "schemalint migrate
new NAME" writes the migration a model change needs.

Exit codes: 0 no drift at or above --fail-on, 1 drift, 2 could not check
(usage, configuration, connection), 130 interrupted (SIGINT, SIGTERM).`),
		FlagSet:     flag.NewFlagSet("schemalint-drift", flag.ContinueOnError),
		Subcommands: []*ffcli.Command{newDriftCommand(stdout, stderr), newMigrateCommand(stdout, stderr), cli.VersionCommand(stdout)},
	}
	root.Exec = func(context.Context, []string) error {
		_, _ = io.WriteString(stderr, root.UsageFunc(root))
		return cli.UsageErr("name a command: drift or migrate")
	}
	cli.SetUsage(root, stdout)
	return root
}
