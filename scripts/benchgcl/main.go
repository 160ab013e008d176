// Command benchgcl measures what schemalint adds to a golangci-lint run:
// the custom golangci-lint binary (scripts/golangci-lint-custom.sh) runs the
// standard linters with and without schemalint, alternately, each run with
// an empty golangci-lint cache, on the reference schema and on a generated
// package of N models. Target: at most 1.2x.
//
//	go run ./scripts/benchgcl -gcl bin/custom-gcl -n 2000 -runs 7
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

const base = `version: "2"
run:
  tests: false
linters:
  default: standard
`

const withSchemalint = base + `  enable: [schemalint]
  settings:
    custom:
      schemalint:
        type: module
`

func main() {
	gcl := flag.String("gcl", "bin/custom-gcl", "custom golangci-lint binary with schemalint")
	n := flag.Int("n", 2000, "generated models")
	runs := flag.Int("runs", 7, "measured runs of each configuration (at least 5)")
	flag.Parse()
	if *runs < 5 {
		log.Fatal("-runs must be at least 5")
	}
	if err := bench(context.Background(), *gcl, *n, *runs); err != nil {
		log.Fatal(err)
	}
}

// bench prints the table; its temporary files are removed whatever
// happens.
func bench(ctx context.Context, gcl string, n, runs int) error {
	bin, err := filepath.Abs(gcl)
	if err != nil {
		return err
	}
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchgcl")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	gen := filepath.Join(tmp, "module")
	cmd := exec.CommandContext(ctx, "go", "run", "./scripts/genmodels", "-n", fmt.Sprint(n), "-out", gen)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return err
	}
	without, with := filepath.Join(tmp, "without.yml"), filepath.Join(tmp, "with.yml")
	if err := os.WriteFile(without, []byte(base), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(with, []byte(withSchemalint), 0o644); err != nil {
		return err
	}

	fmt.Printf("| target | standard linters | + schemalint | ratio |\n|---|---|---|---|\n")
	for _, target := range []struct {
		name, dir string
		pkgs      []string
	}{
		{"reference schema (42 models + migrations)", repo, []string{"./schema/...", "./migrations/..."}},
		{fmt.Sprintf("generated package (%d models)", n), gen, []string{"./..."}},
	} {
		var a, b []time.Duration
		for i := 0; i < runs+1; i++ { // the first round warms the build cache
			da, err := measure(ctx, bin, target.dir, without, target.pkgs)
			if err != nil {
				return err
			}
			db, err := measure(ctx, bin, target.dir, with, target.pkgs)
			if err != nil {
				return err
			}
			if i > 0 {
				a, b = append(a, da), append(b, db)
			}
		}
		ma, mb := median(a), median(b)
		fmt.Printf("| %s | %v | %v | %.2f× |\n", target.name, ma.Round(10*time.Millisecond), mb.Round(10*time.Millisecond), float64(mb)/float64(ma))
	}
	return nil
}

func measure(ctx context.Context, bin, dir, config string, pkgs []string) (time.Duration, error) {
	cache, err := os.MkdirTemp("", "gclcache")
	if err != nil {
		return 0, err
	}
	defer func() { _ = os.RemoveAll(cache) }()
	args := append([]string{"run", "-c", config}, pkgs...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s %v in %s: %w\n%s", bin, args, dir, err, out.String())
	}
	return time.Since(start), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
