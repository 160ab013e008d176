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
	bin, err := filepath.Abs(*gcl)
	must(err)
	repo, err := os.Getwd()
	must(err)
	tmp, err := os.MkdirTemp("", "benchgcl")
	must(err)
	defer os.RemoveAll(tmp)
	gen := filepath.Join(tmp, "module")
	cmd := exec.Command("go", "run", "./scripts/genmodels", "-n", fmt.Sprint(*n), "-out", gen)
	cmd.Stderr = os.Stderr
	must(cmd.Run())
	without, with := filepath.Join(tmp, "without.yml"), filepath.Join(tmp, "with.yml")
	must(os.WriteFile(without, []byte(base), 0o644))
	must(os.WriteFile(with, []byte(withSchemalint), 0o644))

	fmt.Printf("| target | standard linters | + schemalint | ratio |\n|---|---|---|---|\n")
	for _, target := range []struct {
		name, dir string
		pkgs      []string
	}{
		{"reference schema (42 models + migrations)", repo, []string{"./schema/...", "./migrations/..."}},
		{fmt.Sprintf("generated package (%d models)", *n), gen, []string{"./..."}},
	} {
		var a, b []time.Duration
		for i := 0; i < *runs+1; i++ { // the first round warms the build cache
			da := measure(bin, target.dir, without, target.pkgs)
			db := measure(bin, target.dir, with, target.pkgs)
			if i > 0 {
				a, b = append(a, da), append(b, db)
			}
		}
		ma, mb := median(a), median(b)
		fmt.Printf("| %s | %v | %v | %.2f× |\n", target.name, ma.Round(10*time.Millisecond), mb.Round(10*time.Millisecond), float64(mb)/float64(ma))
	}
}

func measure(bin, dir, config string, pkgs []string) time.Duration {
	cache, err := os.MkdirTemp("", "gclcache")
	must(err)
	defer os.RemoveAll(cache)
	args := append([]string{"run", "-c", config}, pkgs...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %v in %s: %v\n%s", bin, args, dir, err, out.String())
	}
	return time.Since(start)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
