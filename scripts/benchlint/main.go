// Command benchlint measures schemalint against the floor of its own
// driver: it generates a package of N conventional models, builds
// schemalint and the no-op driver (./noop), and runs them alternately,
// recording wall time and peak RSS of each run. It prints medians, ratios
// and a Markdown table for docs/BENCHMARKS.md.
//
//	go run ./scripts/benchlint -n 2000 -runs 7
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
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 2000, "number of generated models")
	runs := flag.Int("runs", 7, "measured runs of each program (at least 5)")
	keep := flag.Bool("keep", false, "keep the generated module")
	flag.Parse()
	if *runs < 5 {
		log.Fatal("-runs must be at least 5")
	}
	if err := bench(context.Background(), *n, *runs, *keep); err != nil {
		log.Fatal(err)
	}
}

// bench prints the measurements; unless keep is set, its temporary files
// are removed whatever happens.
func bench(ctx context.Context, n, runs int, keep bool) error {
	tmp, err := os.MkdirTemp("", "benchlint")
	if err != nil {
		return err
	}
	if !keep {
		defer func() { _ = os.RemoveAll(tmp) }()
	}
	mod := filepath.Join(tmp, "module")
	schemalint, noop := filepath.Join(tmp, "schemalint"), filepath.Join(tmp, "noop")
	for _, args := range [][]string{
		{"run", "./scripts/genmodels", "-n", fmt.Sprint(n), "-out", mod},
		{"build", "-o", schemalint, "./cmd/schemalint"},
		{"build", "-o", noop, "./scripts/benchlint/noop"},
	} {
		if err := run(ctx, "", "go", args...); err != nil {
			return err
		}
	}

	// Warm the build cache (export data of Bun and the standard library)
	// and check both programs succeed, and that the models lint clean.
	for _, prog := range []string{schemalint, noop} {
		if out, err := measure(ctx, prog, mod); err != nil {
			return fmt.Errorf("%s: %w\n%s", filepath.Base(prog), err, out.output)
		}
	}
	var lintWall, noopWall []time.Duration
	var lintRSS, noopRSS []int64
	for range runs {
		for _, prog := range []string{schemalint, noop} {
			m, err := measure(ctx, prog, mod)
			if err != nil {
				return fmt.Errorf("%s: %w\n%s", filepath.Base(prog), err, m.output)
			}
			if prog == schemalint {
				lintWall, lintRSS = append(lintWall, m.wall), append(lintRSS, m.rss)
			} else {
				noopWall, noopRSS = append(noopWall, m.wall), append(noopRSS, m.rss)
			}
		}
	}
	lw, nw := median(lintWall), median(noopWall)
	lr, nr := median(lintRSS), median(noopRSS)
	fmt.Printf("models: %d, runs: %d each, alternating\n", n, runs)
	fmt.Printf("schemalint: wall %v (runs %v), peak RSS %d MiB\n", lw.Round(time.Millisecond), rounded(lintWall), lr>>10)
	fmt.Printf("no-op:      wall %v (runs %v), peak RSS %d MiB\n", nw.Round(time.Millisecond), rounded(noopWall), nr>>10)
	fmt.Printf("ratio: wall %.2fx (target <= 1.30x), peak RSS %.2fx (target <= 1.30x)\n", float64(lw)/float64(nw), float64(lr)/float64(nr))
	fmt.Printf("\n| program | median wall | median peak RSS |\n|---|---|---|\n")
	fmt.Printf("| schemalint | %v | %d MiB |\n| no-op driver | %v | %d MiB |\n| ratio | %.2f× | %.2f× |\n",
		lw.Round(time.Millisecond), lr>>10, nw.Round(time.Millisecond), nr>>10, float64(lw)/float64(nw), float64(lr)/float64(nr))
	return nil
}

type measurement struct {
	wall   time.Duration
	rss    int64 // KiB
	output string
}

func measure(ctx context.Context, prog, dir string) (measurement, error) {
	cmd := exec.CommandContext(ctx, prog, "./...")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	m := measurement{wall: time.Since(start), output: out.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rss = ru.Maxrss
	}
	if err == nil && out.Len() > 0 {
		err = fmt.Errorf("the generated models should lint clean")
	}
	return m, err
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func rounded(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(10 * time.Millisecond)
	}
	return out
}

func run(ctx context.Context, dir, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	return cmd.Run()
}
