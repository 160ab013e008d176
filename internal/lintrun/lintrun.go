// Package lintrun is the lint driver shared by the schemalint command and
// its benchmark: load packages with go/packages, run analyzers with the
// go/analysis checker, and turn diagnostics into a report.
package lintrun

import (
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/lint"
	"github.com/schemalint/schemalint/internal/report"
)

// LoadAllSyntax is the former driver: every package, dependencies and
// the standard library included, parsed and type-checked from source. It
// is kept as the reference the tests compare Load's findings with.
func LoadAllSyntax(ctx context.Context, dir string, tests bool, patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{Context: ctx, Mode: packages.LoadAllSyntax, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	if err := loadErrors(dir, pkgs); err != nil {
		return nil, err
	}
	return pkgs, nil
}

// loadErrors turns every load and type error of the packages and their
// dependencies into one message listing them.
func loadErrors(dir string, pkgs []*packages.Package) error {
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
		const limit = 20
		more := ""
		if len(msgs) > limit {
			more = fmt.Sprintf("\n\t... and %d more", len(msgs)-limit)
			msgs = msgs[:limit]
		}
		return fmt.Errorf("packages do not compile, so they cannot be checked:\n%s%s", strings.Join(msgs, "\n"), more)
	}
	return nil
}

// relMsg shortens absolute paths under dir in a message.
func relMsg(dir, msg string) string {
	return strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
}

// Analyze runs the analyzers (built in env) over the packages and turns
// their diagnostics into a report, positions relative to cwd.
func Analyze(env *lint.Env, as []*analysis.Analyzer, pkgs []*packages.Package, cwd string) (*report.Report, error) {
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		return nil, err
	}
	rep := newReport(env)
	seen := map[string]bool{}
	var errs []string
	for act := range graph.All() {
		if act.Err != nil {
			// An analyzer whose prerequisite failed repeats that failure;
			// the prerequisite (bunmodel, say) is not a root, so errors
			// are taken from every action.
			if msg := act.Err.Error(); !strings.HasPrefix(msg, "failed prerequisites") && !seen["err:"+msg] {
				seen["err:"+msg] = true
				errs = append(errs, msg)
			}
			continue
		}
		if !act.IsRoot {
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
	rep := &report.Report{Tool: "schemalint"}
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
