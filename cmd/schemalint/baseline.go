package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
)

// notFindingFlags are the flags that change how findings are shown or
// judged, not which are found: the command that rewrites a baseline leaves
// them out.
var notFindingFlags = []string{"baseline", "baseline-write", "format", "fail-level", "fail-on", "fix", "no-color", "version", "v", "quiet", "no-cache"}

// rewriteCommand is the command that rewrites a baseline at path: this
// run's command with the flags that choose the findings, writing the file
// instead of reading it.
func rewriteCommand(sub string, sets []*flag.FlagSet, path string, positional []string) string {
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
			if l, ok := f.Value.(*stringList); ok { // repeatable: --models a --models b
				values = *l
			}
			for _, v := range values {
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && v == "true" {
					words = append(words, "--"+f.Name)
					continue
				}
				words = append(words, shellQuote("--"+f.Name+"="+v))
			}
		})
	}
	words = append(words, "--baseline-write", shellQuote(path))
	for _, p := range positional {
		words = append(words, shellQuote(p))
	}
	return strings.Join(words, " ")
}

// configBaseline returns the baseline: key of the lint configuration
// (--config, or the .schemalint.yml of the working directory or a parent),
// resolved against the configuration file's directory and given relative to
// the working directory when it is below it; "" when none is set.
func configBaseline(explicit, cwd string) (string, error) {
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
	return fromConfig(file, cfg.Baseline, cwd), nil
}

// fromConfig resolves p, a path written in the configuration file, against
// the file's directory, and gives it relative to cwd when it is below it.
func fromConfig(file, p, cwd string) string {
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
