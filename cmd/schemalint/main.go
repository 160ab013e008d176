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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/peterbourgon/ff/v3/ffcli"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/schemalint/schemalint/analyzers"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
	// exitInterrupted is the shell's code for a run ended by SIGINT, used
	// for SIGTERM too: the run was stopped, not failed.
	exitInterrupted = 130
)

func main() {
	if isVetTool(os.Args[1:]) {
		env := analyzers.NewEnv()
		env.PrefixID = true // go vet prints the message only
		unitchecker.Main(analyzers.New(env)...)
	}
	ctx, stop := interruptible()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// errInterrupted is the cause of the root context's cancellation on
// SIGINT or SIGTERM.
var errInterrupted = errors.New("interrupted")

// interruptible returns the root context: the first SIGINT or SIGTERM
// cancels it, so that child processes are killed (drift/load kills their
// process groups) and temporary files removed as the run unwinds; a
// second one exits at once.
func interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			cancel(errInterrupted)
		case <-done:
			return
		}
		select {
		case <-sigs:
			fmt.Fprintln(os.Stderr, "schemalint: interrupted again: exiting without cleaning up")
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
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

// exitError carries an exit code with an error message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitFailure, err: fmt.Errorf(format, args...)}
}

// errFindings means the run found problems at or above the fail level; the
// report has been printed.
var errFindings = &exitError{code: exitFindings, err: errors.New("findings")}

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
		Subcommands: []*ffcli.Command{lint.command(), newDriftCommand(stdout, stderr), newMigrateCommand(stdout, stderr), newRulesCommand(stdout), newHookCommand(stdout), newVersionCommand(stdout)},
		Exec:        lint.exec,
	}
	root.Subcommands = append(root.Subcommands, newHelpCommand(root, stdout))
	root.UsageFunc = usage
	var setUsage func(cs []*ffcli.Command)
	setUsage = func(cs []*ffcli.Command) {
		for _, sub := range cs {
			sub.UsageFunc = usage
			setUsage(sub.Subcommands)
		}
	}
	setUsage(root.Subcommands)
	return root
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(stdout, stderr)
	for _, fs := range []*flag.FlagSet{root.FlagSet} {
		fs.SetOutput(stderr)
	}
	if err := root.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return exitFailure
	}
	err := root.Run(ctx)
	if errors.Is(context.Cause(ctx), errInterrupted) {
		// Whatever the run made of its cancelled context.
		fmt.Fprintln(stderr, "schemalint: interrupted")
		return exitInterrupted
	}
	if err != nil {
		if ee, ok := errors.AsType[*exitError](err); ok {
			if ee != errFindings {
				fmt.Fprintf(stderr, "schemalint: %v\n", ee.err)
			}
			return ee.code
		}
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// usage prints a command's help: usage line, description, subcommands and
// flags with their defaults.
func usage(c *ffcli.Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n", c.ShortUsage)
	if c.LongHelp != "" {
		fmt.Fprintf(&b, "\n%s\n", c.LongHelp)
	} else if c.ShortHelp != "" {
		fmt.Fprintf(&b, "\n%s\n", c.ShortHelp)
	}
	if len(c.Subcommands) > 0 {
		b.WriteString("\nCommands:\n")
		for _, s := range c.Subcommands {
			fmt.Fprintf(&b, "  %-10s %s\n", s.Name, s.ShortHelp)
		}
	}
	if c.FlagSet != nil {
		n := 0
		c.FlagSet.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			b.WriteString("\nFlags:\n")
			c.FlagSet.VisitAll(func(f *flag.Flag) {
				def := ""
				if f.DefValue != "" && f.DefValue != "false" {
					def = fmt.Sprintf(" (default %s)", f.DefValue)
				}
				// One-letter flags are spelled with one dash (-v), as
				// the README and other Go tools spell them.
				dash := "--"
				if len(f.Name) == 1 {
					dash = "-"
				}
				fmt.Fprintf(&b, "  %-18s %s%s\n", dash+f.Name, f.Usage, def)
			})
		}
	}
	return b.String()
}

// newHelpCommand prints the help of the root or of the named command:
// "schemalint help", "schemalint help drift migrations".
func newHelpCommand(root *ffcli.Command, stdout io.Writer) *ffcli.Command {
	return &ffcli.Command{
		Name:       "help",
		ShortUsage: "schemalint help [command ...]",
		ShortHelp:  "print the help of schemalint or of a command",
		Exec: func(_ context.Context, args []string) error {
			cmd := root
			for _, name := range args {
				var next *ffcli.Command
				for _, sub := range cmd.Subcommands {
					if sub.Name == name {
						next = sub
					}
				}
				if next == nil {
					return usageErr("help: no command %q (commands: %s)", strings.Join(args, " "), commandNames(cmd))
				}
				cmd = next
			}
			_, err := fmt.Fprintln(stdout, cmd.UsageFunc(cmd))
			return err
		},
	}
}

func commandNames(cmd *ffcli.Command) string {
	var names []string
	for _, sub := range cmd.Subcommands {
		names = append(names, sub.Name)
	}
	return strings.Join(names, ", ")
}
