// Command schemalint checks that Bun models follow a team's schema
// conventions, and (drift) that a live database matches them.
//
//	schemalint [flags] <packages>        lint (the default command)
//	schemalint lint [flags] <packages>
//	schemalint drift (--dsn URL | --dsn-env VAR) [flags]
//	schemalint drift migrations --migrations PATTERN [flags]
//	schemalint migrate new --migrations PATTERN [flags] NAME
//	schemalint rules [--format text|json|markdown] [ID...]
//	schemalint hook install [--force] [-- lint flags and packages]
//	schemalint version
//
// It is also a go vet tool: go vet -vettool=$(which schemalint) ./...
//
// Exit codes: 0 nothing at or above the fail level, 1 findings (drift: the
// database drifted), 2 usage, configuration or load error (drift: could
// not check), 130 interrupted (SIGINT or SIGTERM).
package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/internal/cli"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Lint's heap is mostly the type-checked packages, live to the
		// end; collecting at 75% growth instead of 100% keeps the peak
		// near them. On 2,000 models: median peak RSS 89 -> 77 MiB,
		// wall time unchanged (docs/BENCHMARKS.md).
		debug.SetGCPercent(75)
	}
	if isVetTool(os.Args[1:]) {
		env := analyzers.NewEnv()
		env.PrefixID = true // go vet prints the message only
		unitchecker.Main(analyzers.New(env)...)
	}
	if forwarded(os.Args[1:]) {
		execDrift(os.Args[1:]) // returns only where the process cannot be replaced
	}
	ctx, stop := cli.Interruptible()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// isVetTool reports whether go vet is driving the binary: it asks for the
// version (-V=full) or the flags (-flags), or passes a .cfg file.
func isVetTool(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// newRootCommand builds the command tree: lint at the root, and the
// subcommands.
func newRootCommand(stdout, stderr io.Writer) *ffcli.Command {
	lint := newLintCommand(stdout, stderr)
	root := &ffcli.Command{
		Name:       "schemalint",
		ShortUsage: "schemalint [flags] <packages>   (or: schemalint <command> ...)",
		ShortHelp:  "check Bun models against schema conventions",
		LongHelp: strings.TrimSpace(`
schemalint checks Bun ORM models (structs embedding bun.BaseModel, or that
their package uses as models) in the given packages against the rules
listed by "schemalint rules", configured by the nearest .schemalint.yml
above each package.

Without a command it lints: "schemalint ./..." is "schemalint lint ./...".
"schemalint drift" compares the models with a live database instead;
"schemalint migrate snapshot" writes the schema snapshot that "schemalint
drift migrations" checks, and "schemalint migrate new NAME" writes the
migration a model change needs.
It also runs as a go vet tool: go vet -vettool=$(which schemalint) ./...

Exit codes: 0 nothing at or above --fail-level, 1 findings, 2 usage,
configuration or load error, 130 interrupted (SIGINT, SIGTERM).`),
		FlagSet:     lint.flags,
		Subcommands: []*ffcli.Command{lint.command(), driftStub("drift"), driftStub("migrate"), newRulesCommand(stdout), newHookCommand(stdout), cli.VersionCommand(stdout)},
		Exec:        lint.exec,
	}
	cli.SetUsage(root, stdout)
	return root
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if forwarded(args) {
		return forwardDrift(ctx, args, stdout, stderr)
	}
	return cli.Run(ctx, newRootCommand(stdout, stderr), args, stderr)
}
