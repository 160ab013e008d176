package main

import (
	"context"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fatih/color"
	"github.com/peterbourgon/ff/v3/ffcli"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
	"github.com/schemalint/schemalint/internal/fixes"
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
}

func newLintCommand(stdout, stderr io.Writer) *lintCommand {
	c := &lintCommand{stdout: stdout, stderr: stderr}
	c.flags = c.newFlags("schemalint")
	return c
}

func (c *lintCommand) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&c.failLevel, "fail-level", "warning", "exit 1 when a finding is at least this severe: error, warning, info")
	fs.BoolVar(&c.fix, "fix", false, "apply suggested fixes to the source files")
	fs.BoolVar(&c.tests, "tests", true, "also check models in _test.go files")
	fs.BoolVar(&c.noColor, "no-color", false, "never colour text output (NO_COLOR does the same)")
	fs.StringVar(&c.config, "config", "", "use this configuration file for every package instead of the nearest .schemalint.yml")
	return fs
}

// command is the explicit "lint" subcommand, sharing the flags.
func (c *lintCommand) command() *ffcli.Command {
	return &ffcli.Command{
		Name:       "lint",
		ShortUsage: "schemalint lint [flags] <packages>",
		ShortHelp:  "check Bun models (the default command)",
		LongHelp: strings.TrimSpace(`
Check the Bun models of the packages (go list patterns, e.g. ./...) against
the rules, each package configured by the nearest .schemalint.yml above it.`),
		FlagSet: c.newFlags("lint"),
		Exec:    c.exec,
	}
}

func (c *lintCommand) exec(ctx context.Context, patterns []string) error {
	if len(patterns) == 0 {
		return usageErr("no packages given: try schemalint ./...")
	}
	failLevel, err := config.ParseSeverity(c.failLevel)
	if err != nil {
		return usageErr("--fail-level: %v", err)
	}
	if !contains(report.Formats, c.format) {
		return usageErr("--format %q: want %s", c.format, strings.Join(report.Formats, ", "))
	}
	env := analyzers.NewEnv()
	if c.config != "" {
		cfg, err := config.Load(c.config)
		if err != nil {
			return &exitErr{code: exitError, err: err}
		}
		env.Static = cfg
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	pkgs, err := loadPackages(ctx, cwd, c.tests, patterns)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	rep, err := analyze(env, pkgs, cwd)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if c.fix {
		if err := c.applyFixes(rep); err != nil {
			return &exitErr{code: exitError, err: err}
		}
	}
	useColor := c.format == "text" && !c.noColor && !color.NoColor && os.Getenv("NO_COLOR") == ""
	if err := report.Write(c.stdout, c.format, rep, useColor); err != nil {
		return err
	}
	if rep.AtLeast(failLevel) > 0 {
		return findingsErr
	}
	return nil
}

// applyFixes applies fixes and drops the findings they fixed from the
// report.
func (c *lintCommand) applyFixes(rep *report.Report) error {
	res, err := fixes.Apply(rep.Findings)
	if err != nil {
		return err
	}
	fixed := map[*report.Finding]bool{}
	for _, f := range res.Applied {
		fixed[f] = true
	}
	var left []report.Finding
	for i := range rep.Findings {
		if !fixed[&rep.Findings[i]] {
			left = append(left, rep.Findings[i])
		}
	}
	rep.Findings = left
	if len(res.Applied) > 0 {
		fmt.Fprintf(c.stderr, "schemalint: applied %d fixes to %d files\n", len(res.Applied), len(res.Files))
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(c.stderr, "schemalint: %d fixes overlapped others and were not applied; run again with --fix\n", len(res.Skipped))
	}
	return nil
}

// loadPackages loads the packages with everything the analyzers need, and
// turns every load and type error into one message listing them.
func loadPackages(ctx context.Context, dir string, tests bool, patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{Context: ctx, Mode: packages.LoadAllSyntax, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	var msgs []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			m := e.Error()
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, "\t"+relMsg(dir, m))
			}
		}
	})
	if len(msgs) > 0 {
		const max = 20
		more := ""
		if len(msgs) > max {
			more = fmt.Sprintf("\n\t... and %d more", len(msgs)-max)
			msgs = msgs[:max]
		}
		return nil, fmt.Errorf("packages do not compile, so they cannot be checked:\n%s%s", strings.Join(msgs, "\n"), more)
	}
	return pkgs, nil
}

// relMsg shortens absolute paths under dir in a message.
func relMsg(dir, msg string) string {
	return strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
}

// analyze runs every analyzer and turns the diagnostics into a report.
func analyze(env *lint.Env, pkgs []*packages.Package, cwd string) (*report.Report, error) {
	as := analyzers.New(env)
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		return nil, err
	}
	rep := newReport(env)
	seen := map[string]bool{}
	var errs []string
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			// An analyzer whose prerequisite failed repeats that failure.
			if msg := act.Err.Error(); !strings.HasPrefix(msg, "failed prerequisites") && !seen["err:"+msg] {
				seen["err:"+msg] = true
				errs = append(errs, msg)
			}
			continue
		}
		for _, d := range act.Diagnostics {
			f := finding(env, act.Package.Fset, act.Package.PkgPath, d, cwd)
			key := fmt.Sprintf("%s|%s|%s", f.Pos, f.Rule, f.Message)
			if !seen[key] { // test variants of a package report twice
				seen[key] = true
				rep.Findings = append(rep.Findings, f)
			}
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	rep.Sort()
	return rep, nil
}

func newReport(env *lint.Env) *report.Report {
	rep := &report.Report{Tool: "schemalint", Version: version()}
	for _, r := range env.Rules() {
		rep.Rules = append(rep.Rules, report.Rule{ID: r.ID, Name: r.Name, Summary: r.Summary,
			Help: lint.Markdown(r.Doc, 3), URL: r.URL(), Severity: r.Severity})
	}
	return rep
}

func finding(env *lint.Env, fset *token.FileSet, pkg string, d analysis.Diagnostic, cwd string) report.Finding {
	id, sev, subject := lint.ParseCategory(d.Category)
	f := report.Finding{Rule: id, Severity: sev, Message: strings.TrimPrefix(d.Message, id+": "),
		Pos: position(fset, d.Pos, cwd), Package: pkg, Subject: subject, URL: d.URL}
	if r := env.Rule(id); r != nil {
		f.Name = r.Name
	}
	if d.End.IsValid() && d.End != d.Pos {
		end := position(fset, d.End, cwd)
		f.End = &end
	}
	for _, rel := range d.Related {
		f.Related = append(f.Related, report.Related{Pos: position(fset, rel.Pos, cwd), Message: rel.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := report.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start, end := position(fset, e.Pos, cwd), position(fset, e.End, cwd)
			if !e.End.IsValid() {
				end = start
			}
			fix.Edits = append(fix.Edits, report.Edit{File: start.File, Start: start, End: end, NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

func position(fset *token.FileSet, pos token.Pos, cwd string) report.Position {
	if !pos.IsValid() {
		return report.Position{}
	}
	p := fset.Position(pos)
	file := p.Filename
	if rel, err := filepath.Rel(cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return report.Position{File: filepath.ToSlash(file), Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
