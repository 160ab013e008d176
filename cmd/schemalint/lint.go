package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/fixes"
	"github.com/schemalint/schemalint/internal/lintrun"
	"github.com/schemalint/schemalint/internal/report"
)

type lintCommand struct {
	flags          *flag.FlagSet
	stdout, stderr io.Writer

	format    string
	failLevel string
	fix       bool
	tests     bool
	noColor   bool
	config    string

	baseline      string
	baselineWrite string
	showVersion   bool
	// sub is the lint subcommand's flag set (c.flags is the root's).
	sub     *flag.FlagSet
	noCache bool
	verbose bool
}

func newLintCommand(stdout, stderr io.Writer) *lintCommand {
	c := &lintCommand{stdout: stdout, stderr: stderr}
	c.flags = c.newFlags("schemalint")
	c.flags.BoolVar(&c.showVersion, "version", false, "print the version and exit")
	return c
}

func (c *lintCommand) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&c.failLevel, "fail-level", "warning", "exit 1 when a finding is at least this severe: error, warning, info")
	fs.StringVar(&c.failLevel, "fail-on", "warning", "the same as --fail-level (drift's name for it)")
	fs.BoolVar(&c.fix, "fix", false, "apply suggested fixes, type-check and lint the fixed code (restoring the files if it does not compile) and report what remains")
	fs.BoolVar(&c.tests, "tests", true, "also check models in _test.go files")
	fs.BoolVar(&c.noColor, "no-color", false, "never colour text output (NO_COLOR does the same)")
	fs.StringVar(&c.config, "config", "", "use this configuration file for every package instead of the nearest .schemalint.yml")
	fs.StringVar(&c.baseline, "baseline", "", "report only findings not recorded in this baseline file (default: the baseline: key of .schemalint.yml)")
	fs.StringVar(&c.baselineWrite, "baseline-write", "", "record today's findings in this baseline file and exit 0")
	fs.BoolVar(&c.noCache, "no-cache", false, "neither read nor write the result cache (--fix never uses it)")
	fs.BoolVar(&c.verbose, "v", false, "tell on standard error what the run took and whether the cache answered")
	return fs
}

// command is the explicit "lint" subcommand, sharing the flags.
func (c *lintCommand) command() *ffcli.Command {
	c.sub = c.newFlags("lint")
	return &ffcli.Command{
		Name:       "lint",
		ShortUsage: "schemalint lint [flags] <packages>",
		ShortHelp:  "check Bun models (the default command)",
		LongHelp: strings.TrimSpace(`
Check the Bun models of the packages (go list patterns, e.g. ./...) against
the rules, each package configured by the nearest .schemalint.yml above it.`),
		FlagSet: c.sub,
		Exec:    c.exec,
	}
}

func (c *lintCommand) exec(ctx context.Context, args []string) error {
	// Flags may follow the patterns, as golangci-lint and go vet allow.
	patterns, err := cli.Interleaved(c.flags, args)
	if err != nil {
		return cli.UsageErr("%v", err)
	}
	if c.showVersion {
		return cli.PrintVersion(c.stdout)
	}
	if len(patterns) == 0 {
		return cli.UsageErr("no packages given: try schemalint ./...")
	}
	if err := checkDirs(patterns); err != nil {
		return err
	}
	failLevel, err := config.ParseSeverity(c.failLevel)
	if err != nil {
		return cli.UsageErr("--fail-level: %v", err)
	}
	if !slices.Contains(report.Formats, c.format) {
		return cli.UsageErr("--format %q: want %s", c.format, strings.Join(report.Formats, ", "))
	}
	env := analyzers.NewEnv()
	if c.config != "" {
		cfg, err := config.Load(c.config)
		if err != nil {
			return &cli.ExitError{Code: cli.ExitFailure, Err: err}
		}
		env.Static = cfg
		bunmodel.UseConfig(cfg)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	// --fix bypasses the cache: fixes are applied from this run's
	// analysis of the files as they are, and the fixed code is linted
	// again from source.
	opts := lintrun.Options{Dir: cwd, Tests: c.tests, Patterns: patterns, ConfigFile: c.config, NoCache: c.noCache || c.fix}
	run := func() (*report.Report, error) {
		start := time.Now()
		rep, st, err := lintrun.Run(ctx, opts, env, analyzers.New(env))
		if c.verbose {
			c.timings(st, time.Since(start))
		}
		return rep, err
	}
	rep, err := run()
	if err != nil {
		return &cli.ExitError{Code: cli.ExitFailure, Err: err}
	}
	if c.fix {
		if rep, err = c.applyFixes(rep, run); err != nil {
			return &cli.ExitError{Code: cli.ExitFailure, Err: err}
		}
	}
	rep.Version = cli.Version()
	if c.baselineWrite != "" {
		return cli.WriteBaseline(c.stderr, c.baselineWrite, rep)
	}
	if c.baseline == "" {
		// The committed baseline: key, so that the hook and CI honour it.
		if c.baseline, err = cli.ConfigBaseline(c.config, cwd); err != nil {
			return &cli.ExitError{Code: cli.ExitFailure, Err: err}
		}
	}
	if c.baseline != "" {
		rewrite := cli.RewriteCommand("", []*flag.FlagSet{c.flags, c.sub}, c.baseline, patterns)
		if err := cli.ApplyBaseline(c.stderr, c.baseline, rep, rewrite, false); err != nil {
			return &cli.ExitError{Code: cli.ExitFailure, Err: err}
		}
	}
	useColor := c.format == "text" && !c.noColor && !color.NoColor && os.Getenv("NO_COLOR") == ""
	if err := report.Write(c.stdout, c.format, rep, useColor); err != nil {
		return err
	}
	if rep.AtLeast(failLevel) > 0 {
		return cli.ErrFindings
	}
	return nil
}

// timings tells, for -v, what the run took and whether the cache answered.
func (c *lintCommand) timings(st lintrun.Stats, total time.Duration) {
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	if st.Cache == "hit" {
		fmt.Fprintf(c.stderr, "schemalint: cache hit (key %v); total %v\n", ms(st.KeyTime), ms(total))
		return
	}
	fmt.Fprintf(c.stderr, "schemalint: cache %s; key %v, load %v (%d packages from source), analysis %v; total %v\n",
		st.Cache, ms(st.KeyTime), ms(st.LoadTime), st.FromSource, ms(st.AnalyzeTime), ms(total))
}

// applyFixes applies the fixes, checks that the fixed code still
// compiles (else puts every file back) and returns the lint of the fixed
// code: what remains is reported as in any run.
func (c *lintCommand) applyFixes(rep *report.Report, relint func() (*report.Report, error)) (*report.Report, error) {
	out, err := fixes.Fix(rep, relint)
	if err != nil {
		return nil, fmt.Errorf("--fix: %w", err)
	}
	if out.Applied > 0 {
		fmt.Fprintf(c.stderr, "schemalint: applied %d fixes to %d files; the fixed code compiles and was checked again: %d findings remain\n",
			out.Applied, len(out.Files), len(out.Report.Findings))
	}
	if out.Skipped > 0 {
		fmt.Fprintf(c.stderr, "schemalint: %d fixes overlapped others and were not applied; run again with --fix\n", out.Skipped)
	}
	return out.Report, nil
}

// checkDirs reports a pattern naming a directory that does not exist as
// such, not as packages that do not compile.
func checkDirs(patterns []string) error {
	for _, p := range patterns {
		if !strings.HasPrefix(p, ".") && !filepath.IsAbs(p) {
			continue // an import path
		}
		dir := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
		if dir == "" {
			dir = "/"
		}
		st, err := os.Stat(dir)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return cli.UsageErr("%s: no such directory", p)
		case err == nil && !st.IsDir():
			return cli.UsageErr("%s: not a directory (give a package directory or a pattern such as ./...)", p)
		}
	}
	return nil
}
