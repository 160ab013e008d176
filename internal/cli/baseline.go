package cli

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/internal/baseline"
	"github.com/schemalint/schemalint/internal/report"
)

// notFindingFlags are the flags that change how findings are shown or
// judged, not which are found: the command that rewrites a baseline leaves
// them out.
var notFindingFlags = []string{"baseline", "baseline-write", "format", "fail-level", "fail-on", "fix", "no-color", "version", "v", "quiet", "no-cache"}

// RewriteCommand is the command that rewrites a baseline at path: this
// run's command with the flags that choose the findings, writing the file
// instead of reading it.
func RewriteCommand(sub string, sets []*flag.FlagSet, path string, positional []string) string {
	words := []string{"schemalint"}
	if sub != "" {
		words = append(words, sub)
	}
	seen := map[string]bool{}
	for _, fs := range sets {
		fs.Visit(func(f *flag.Flag) {
			if seen[f.Name] || slices.Contains(notFindingFlags, f.Name) {
				return
			}
			seen[f.Name] = true
			values := []string{f.Value.String()}
			if l, ok := f.Value.(*StringList); ok { // repeatable: --models a --models b
				values = *l
			}
			for _, v := range values {
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && v == "true" {
					words = append(words, "--"+f.Name)
					continue
				}
				words = append(words, ShellQuote("--"+f.Name+"="+v))
			}
		})
	}
	words = append(words, "--baseline-write", ShellQuote(path))
	for _, p := range positional {
		words = append(words, ShellQuote(p))
	}
	return strings.Join(words, " ")
}

// ConfigBaseline returns the baseline: key of the lint configuration
// (--config, or the .schemalint.yml of the working directory or a parent),
// resolved against the configuration file's directory and given relative to
// the working directory when it is below it; "" when none is set.
func ConfigBaseline(explicit, cwd string) (string, error) {
	file := explicit
	if file == "" {
		found, err := config.Find(cwd)
		if err != nil || found == "" {
			return "", err
		}
		file = found
	}
	cfg, err := config.Load(file)
	if err != nil || cfg.Baseline == "" {
		return "", err
	}
	return FromConfig(file, cfg.Baseline, cwd), nil
}

// FromConfig resolves p, a path written in the configuration file, against
// the file's directory, and gives it relative to cwd when it is below it.
func FromConfig(file, p, cwd string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(file), p)
	}
	if rel, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// WriteBaseline records the report's findings.
func WriteBaseline(stderr io.Writer, path string, rep *report.Report) error {
	b := baseline.New(rep.Findings)
	if err := b.Write(path); err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	fmt.Fprintf(stderr, "schemalint: recorded %d findings (%d entries) in %s\n", len(rep.Findings), len(b.Entries), path)
	return nil
}

// ApplyBaseline drops the findings the baseline holds. Entries that match
// nothing any more (paid-down debt) are told about in one line with the
// command that rewrites the file (rewrite), listed only when verbose, so
// that a hook running on every commit is not noisy about them.
func ApplyBaseline(stderr io.Writer, path string, rep *report.Report, rewrite string, verbose bool) error {
	b, err := baseline.Read(path)
	if err != nil {
		return err
	}
	fresh, stale := b.Filter(rep.Findings)
	rep.Findings = fresh
	switch {
	case len(stale) == 0:
	case len(stale) == len(b.Entries) && slices.EqualFunc(stale, b.Entries, func(x, y baseline.Entry) bool { return x.Count == y.Count }):
		fmt.Fprintf(stderr, "schemalint: baseline %s is paid down (none of its %s matches): delete it, or rewrite it: %s\n", path, entries(len(b.Entries)), rewrite)
	default:
		fmt.Fprintf(stderr, "schemalint: baseline %s: %d of its %s match nothing (fixed, or changed); shrink it: %s\n", path, len(stale), entries(len(b.Entries)), rewrite)
	}
	if verbose {
		for _, e := range stale {
			fmt.Fprintf(stderr, "\t%s %s: %s (x%d)\n", e.Rule, cmp.Or(e.Subject, e.Object), e.Message, e.Count)
		}
	}
	return nil
}
