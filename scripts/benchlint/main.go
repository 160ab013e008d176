// Command benchlint measures schemalint against floors that do not share
// its driver: a no-op analyzer through golang.org/x/tools' singlechecker
// (./noop: the named packages from source, dependencies from export
// data) and `go vet -vettool=schemalint` (the unitchecker protocol, go
// vet's own scheduling and cache). Two modules are generated:
//
//   - models: a package of N conventional models (scripts/genmodels);
//   - heavy: four such models, and a cmd that imports them with pgx, the
//     MySQL driver, modernc SQLite and Atlas, as real applications do.
//
// Each is linted with ./... by every program, alternately; the first run
// of each program is reported as cold (schemalint's result cache is
// empty, in the run's own directory; go vet's cache is fresh because the
// module carries a nonce), the median of the following runs as warm.
// schemalint is measured once more with its cache emptied before every
// run: the median of those runs is the cold figure to compare.
// The pre-commit hook that `schemalint hook install` writes is measured
// too, with nothing changed and with one file of the models package
// changed before each run (restored after it), as is go vet that way. Wall time and peak RSS come from
// wait4's rusage (the largest process of the tree: the tool, go list, or
// for go vet the go command or one vet tool process).
//
//	go run ./scripts/benchlint -n 2000 -runs 5
//	go run ./scripts/benchlint -also before=/tmp/schemalint-main
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type program struct {
	name string
	argv []string // run in the module directory, followed by ./...
	// edit, when set, is a file of the module that gets a new line
	// before each run (a commit touching one file) and is restored after
	// it, so that the other programs see the module unchanged.
	edit string
	// fresh empties schemalint's result cache before each run: every
	// run is a cold one (the Go build cache stays warm), and the median
	// of several says more than the one first run on a noisy machine.
	fresh bool
}

type result struct {
	cold        measurement
	wall        []time.Duration
	rss         []int64
	medianWall  time.Duration
	medianRSSKB int64
}

func main() {
	n := flag.Int("n", 2000, "number of generated models")
	runs := flag.Int("runs", 5, "measured warm runs of each program (at least 3)")
	keep := flag.Bool("keep", false, "keep the generated modules")
	cases := flag.String("cases", "models,heavy", "which modules to measure: models, heavy")
	also := flag.String("also", "", "more programs to measure, name=path[,name=path] (e.g. a schemalint built from another commit)")
	flag.Parse()
	if *runs < 3 {
		log.Fatal("-runs must be at least 3")
	}
	if err := bench(context.Background(), *n, *runs, *keep, strings.Split(*cases, ","), *also); err != nil {
		log.Fatal(err)
	}
}

func bench(ctx context.Context, n, runs int, keep bool, cases []string, also string) error {
	tmp, err := os.MkdirTemp("", "benchlint")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("modules kept in", tmp)
	} else {
		defer func() { _ = os.RemoveAll(tmp) }()
	}
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	schemalint, noop := filepath.Join(tmp, "schemalint"), filepath.Join(tmp, "noop")
	for _, args := range [][]string{
		{"build", "-o", schemalint, "./cmd/schemalint"},
		{"build", "-o", noop, "./scripts/benchlint/noop"},
	} {
		if err := goCmd(ctx, "", args...); err != nil {
			return err
		}
	}
	// schemalint's result cache lives in the run's directory: empty at
	// the first (cold) run, answering the unchanged warm runs.
	if err := os.Setenv("SCHEMALINT_CACHE_DIR", filepath.Join(tmp, "cache")); err != nil {
		return err
	}
	const edited = "models/nonce.go"
	progs := []program{
		{name: "schemalint", argv: []string{schemalint}},
		{name: "floor: no-op singlechecker", argv: []string{noop}},
		{name: "schemalint, our cache emptied before each run", argv: []string{schemalint}, fresh: true},
		{name: "go vet -vettool=schemalint", argv: []string{"go", "vet", "-vettool=" + schemalint}},
		{name: "schemalint --no-cache", argv: []string{schemalint, "--no-cache"}},
		{name: "pre-commit hook, nothing changed", argv: []string{filepath.Join(".git", "hooks", "pre-commit")}},
		{name: "pre-commit hook, one file changed", argv: []string{filepath.Join(".git", "hooks", "pre-commit")}, edit: edited},
		{name: "go vet, one file changed", argv: []string{"go", "vet", "-vettool=" + schemalint}, edit: edited},
	}
	if also != "" {
		for kv := range strings.SplitSeq(also, ",") {
			name, path, ok := strings.Cut(kv, "=")
			if !ok {
				return fmt.Errorf("-also %q: want name=path", kv)
			}
			progs = append(progs, program{name: name, argv: []string{path}})
		}
	}
	nonce := fmt.Sprint(time.Now().UnixNano())
	for _, c := range cases {
		mod := filepath.Join(tmp, c)
		var desc string
		switch c {
		case "models":
			desc = fmt.Sprintf("%d generated models, ./...", n)
			err = goCmd(ctx, "", "run", "./scripts/genmodels", "-n", fmt.Sprint(n), "-out", mod)
		case "heavy":
			desc = "4 models, a cmd importing pgx, MySQL, modernc SQLite and Atlas, ./..."
			err = heavy(ctx, repo, mod)
		default:
			return fmt.Errorf("unknown case %q", c)
		}
		if err != nil {
			return fmt.Errorf("generate %s: %w", c, err)
		}
		// A nonce makes go vet's cache cold for the module's packages;
		// go build warms the build cache (export data) for every program.
		if err := os.WriteFile(filepath.Join(mod, "models", "nonce.go"), []byte("package models\n\n// Nonce "+nonce+"\n"), 0o644); err != nil {
			return err
		}
		if err := goCmd(ctx, mod, "build", "./..."); err != nil {
			return err
		}
		// The hook schemalint hook install writes, in a repository.
		for _, argv := range [][]string{{"git", "init", "-q"}, {schemalint, "hook", "install"}} {
			cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
			cmd.Dir = mod
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %w\n%s", strings.Join(argv, " "), err, out)
			}
		}
		res, err := measureAll(ctx, mod, progs, runs)
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		printCase(desc, progs, res, runs)
	}
	return nil
}

// heavy writes a module whose models package is small but whose cmd
// imports the database drivers and Atlas, at this repository's versions.
func heavy(ctx context.Context, repo, mod string) error {
	if err := goCmd(ctx, "", "run", "./scripts/genmodels", "-n", "4", "-out", mod); err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Path}} {{.Version}}",
		"github.com/jackc/pgx/v5", "github.com/go-sql-driver/mysql", "modernc.org/sqlite", "ariga.io/atlas",
		"github.com/uptrace/bun/dialect/pgdialect").Output()
	if err != nil {
		return fmt.Errorf("go list -m: %w", err)
	}
	gomod, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		return err
	}
	gomod = append(gomod, "\nrequire (\n"...)
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		gomod = append(gomod, "\t"+line+"\n"...)
	}
	gomod = append(gomod, ")\n"...)
	// This repository's go.sum has every sum tidy needs, so no network.
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		return err
	}
	for name, content := range map[string][]byte{
		"go.mod": gomod, "go.sum": sum, filepath.Join("cmd", "app", "main.go"): []byte(heavyMain),
	} {
		p := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			return err
		}
	}
	return goCmd(ctx, mod, "mod", "tidy")
}

const heavyMain = `// Command app opens its database with the driver named in its
// environment and inspects it with Atlas, as real applications do.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	_ "modernc.org/sqlite"

	"example.com/generated/models"
)

func main() {
	sqldb, err := sql.Open(os.Getenv("DRIVER"), os.Getenv("DSN"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	db := bun.NewDB(sqldb, pgdialect.New())
	db.RegisterModel((*models.App)(nil))
	open := map[string]func() error{
		"pgx":    func() error { _, err := postgres.Open(sqldb); return err },
		"mysql":  func() error { _, err := mysql.Open(sqldb); return err },
		"sqlite": func() error { _, err := sqlite.Open(sqldb); return err },
	}
	if f := open[os.Getenv("DRIVER")]; f != nil {
		if err := f(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	var n int
	_ = db.NewSelect().Model((*models.App)(nil)).ColumnExpr("count(*)").Scan(context.Background(), &n)
}
`

func measureAll(ctx context.Context, mod string, progs []program, runs int) ([]result, error) {
	res := make([]result, len(progs))
	for i := range runs + 1 {
		for j, p := range progs {
			m, err := measure(ctx, p, mod)
			if err != nil {
				return nil, fmt.Errorf("%s: %w\n%s", p.name, err, m.output)
			}
			if i == 0 {
				res[j].cold = m
				continue
			}
			res[j].wall = append(res[j].wall, m.wall)
			res[j].rss = append(res[j].rss, m.rss)
		}
	}
	for j := range res {
		res[j].medianWall, res[j].medianRSSKB = median(res[j].wall), median(res[j].rss)
	}
	return res, nil
}

func printCase(desc string, progs []program, res []result, runs int) {
	floor := res[1]
	fmt.Printf("\n%s (cold: first run; warm: median of %d alternating runs)\n\n", desc, runs)
	fmt.Println("| program | cold wall | cold peak RSS | warm wall | warm peak RSS | warm ÷ floor (wall, RSS) |")
	fmt.Println("|---|---|---|---|---|---|")
	for j, p := range progs {
		r := res[j]
		fmt.Printf("| %s | %v | %d MiB | %v | %d MiB | %.2f×, %.2f× |\n", p.name,
			r.cold.wall.Round(10*time.Millisecond), r.cold.rss>>10,
			r.medianWall.Round(10*time.Millisecond), r.medianRSSKB>>10,
			float64(r.medianWall)/float64(floor.medianWall), float64(r.medianRSSKB)/float64(floor.medianRSSKB))
	}
	for j, p := range progs {
		fmt.Printf("  %s warm runs: %v\n", p.name, rounded(res[j].wall))
	}
}

type measurement struct {
	wall   time.Duration
	rss    int64 // KiB
	output string
}

// edits numbers the edits of programs with an edit file, so that each
// run sees content no run saw before.
var edits int

func measure(ctx context.Context, p program, dir string) (measurement, error) {
	if p.fresh {
		if err := os.RemoveAll(os.Getenv("SCHEMALINT_CACHE_DIR")); err != nil {
			return measurement{}, err
		}
	}
	if p.edit != "" {
		file := filepath.Join(dir, p.edit)
		orig, err := os.ReadFile(file)
		if err != nil {
			return measurement{}, err
		}
		edits++
		if err := os.WriteFile(file, fmt.Appendf(slices.Clone(orig), "\n// edit %d\n", edits), 0o644); err != nil {
			return measurement{}, err
		}
		defer func() { _ = os.WriteFile(file, orig, 0o644) }()
	}
	argv := append(slices.Clone(p.argv), "./...")
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
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
		err = errors.New("the generated module should lint clean")
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

// goCmd runs the go command in dir, its errors on our standard error.
func goCmd(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	return cmd.Run()
}
