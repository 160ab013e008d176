package cli

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
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitFailure  = 2
	// ExitInterrupted is the shell's code for a run ended by SIGINT, used
	// for SIGTERM too: the run was stopped, not failed.
	ExitInterrupted = 130
)

// ExitError carries an exit code with an error message.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }

// UsageErr is a usage, configuration or load error: exit 2.
func UsageErr(format string, args ...any) error {
	return &ExitError{Code: ExitFailure, Err: fmt.Errorf(format, args...)}
}

// ErrFindings means the run found problems at or above the fail level; the
// report has been printed.
var ErrFindings = &ExitError{Code: ExitFindings, Err: errors.New("findings")}

// errInterrupted is the cause of the root context's cancellation on
// SIGINT or SIGTERM.
var errInterrupted = errors.New("interrupted")

// Interruptible returns the root context: the first SIGINT or SIGTERM
// cancels it, so that child processes are killed (drift/load kills their
// process groups) and temporary files removed as the run unwinds; a
// second one exits at once.
func Interruptible() (context.Context, func()) {
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
			os.Exit(ExitInterrupted)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// Run parses args with root, runs the command and returns the exit code,
// having printed any error on stderr.
func Run(ctx context.Context, root *ffcli.Command, args []string, stderr io.Writer) int {
	root.FlagSet.SetOutput(stderr)
	if err := root.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return ExitFailure
	}
	err := root.Run(ctx)
	if errors.Is(context.Cause(ctx), errInterrupted) {
		// Whatever the run made of its cancelled context.
		fmt.Fprintln(stderr, "schemalint: interrupted")
		return ExitInterrupted
	}
	if err != nil {
		if ee, ok := errors.AsType[*ExitError](err); ok {
			if ee != ErrFindings {
				fmt.Fprintf(stderr, "schemalint: %v\n", ee.Err)
			}
			return ee.Code
		}
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(stderr, "schemalint: %v\n", err)
		return ExitFailure
	}
	return ExitOK
}

// SetUsage makes Usage the help of root and of every command below it,
// and adds the help command.
func SetUsage(root *ffcli.Command, stdout io.Writer) {
	root.Subcommands = append(root.Subcommands, helpCommand(root, stdout))
	var set func(c *ffcli.Command)
	set = func(c *ffcli.Command) {
		c.UsageFunc = Usage
		for _, sub := range c.Subcommands {
			set(sub)
		}
	}
	set(root)
}

// Usage prints a command's help: usage line, description, subcommands and
// flags with their defaults.
func Usage(c *ffcli.Command) string {
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

// helpCommand prints the help of the root or of the named command:
// "schemalint help", "schemalint help drift migrations".
func helpCommand(root *ffcli.Command, stdout io.Writer) *ffcli.Command {
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
					return UsageErr("help: no command %q (commands: %s)", strings.Join(args, " "), commandNames(cmd))
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
