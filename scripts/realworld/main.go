// Command realworld runs schemalint's whole static check on checkouts of
// real Bun applications and prints, per application, what it saw: the
// models (and the structs left out, by reason), the migrations understood
// (and the places not followed), and the lint findings by rule. It is the
// habit the real-world issue asks for: run it on a corpus of local
// checkouts after every change, then judge the findings by hand.
//
//	go run ./scripts/realworld [-v] [-patterns ./...] DIR...
//
// Each DIR is a module root (its go.mod is used; run `go mod download`
// there first). Nothing is written in it. The lint runs in-process with
// each package's own .schemalint.yml, as `schemalint ./...` would.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/internal/lintrun"
)

func main() {
	verbose := flag.Bool("v", false, "list the structs left out, the places not followed and every finding")
	patterns := flag.String("patterns", "./...", "package patterns, space-separated, relative to each DIR")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: go run ./scripts/realworld [-v] [-patterns P] DIR...\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	var apps []*app
	for _, dir := range flag.Args() {
		a, err := check(context.Background(), dir, strings.Fields(*patterns), *verbose, os.Stdout)
		if err != nil {
			log.Printf("%s: %v", dir, err)
			continue
		}
		apps = append(apps, a)
	}
	table(os.Stdout, apps)
}

// app is what one checkout showed.
type app struct {
	name                   string
	models                 int
	leftOut                map[string]int // reason class -> structs
	migPkgs, migrations    int
	changes, notes, unseen int
	findings               map[string]int // rule -> findings
	total                  int
	wall                   time.Duration
}

func check(ctx context.Context, dir string, patterns []string, verbose bool, w io.Writer) (*app, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	a := &app{name: filepath.Base(abs), leftOut: map[string]int{}, findings: map[string]int{}}
	start := time.Now()
	pkgs, err := lintrun.Load(ctx, abs, false, patterns)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		opts, err := bunmodel.OptionsFor(filepath.Dir(p.GoFiles[0]))
		if err != nil {
			return nil, err
		}
		for _, v := range bunmodel.Discover(p.Fset, p.Syntax, p.TypesInfo, bunmodel.NewReader(), opts) {
			if v.Model {
				a.models++
				continue
			}
			a.leftOut[reasonClass(v.Reason)]++
			if verbose {
				fmt.Fprintf(w, "%s: left out %s.%s: %s\n", a.name, p.PkgPath, v.Obj.Name(), v.Reason)
			}
		}
	}
	schemas, err := declared.Analyze(pkgs)
	if err != nil {
		return nil, err
	}
	for _, s := range schemas {
		if s.Source != "migrations" {
			continue
		}
		a.migPkgs++
		a.migrations += len(s.Migrations)
		for _, m := range s.Migrations {
			a.changes += len(m.Up) + len(m.Down)
		}
		for _, n := range s.Notes {
			a.notes++
			if n.Unseen {
				a.unseen++
			}
			if verbose {
				fmt.Fprintf(w, "%s: %s %s:%d: %s\n", a.name, noteKind(n), rel(abs, n.Pos.File), n.Pos.Line, n.Message)
			}
		}
	}
	env := analyzers.NewEnv()
	rep, err := lintrun.Analyze(env, analyzers.New(env), pkgs, abs)
	if err != nil {
		return nil, err
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		a.findings[f.Rule+" "+string(f.Severity)]++
		a.total++
		if verbose {
			fmt.Fprintf(w, "%s: %s:%d: %s %s: %s\n", a.name, f.Pos.File, f.Pos.Line, f.Rule, f.Severity, f.Message)
		}
	}
	a.wall = time.Since(start)
	return a, nil
}

func noteKind(n *declared.Note) string {
	if n.Unseen {
		return "not followed"
	}
	return "note"
}

func rel(base, file string) string {
	if r, err := filepath.Rel(base, file); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return file
}

// reasonClass groups the reasons discovery gives for leaving a struct
// out: their words before the first name or colon.
func reasonClass(reason string) string {
	for _, c := range []string{"has bun tags", "embedded by", "stored as JSON", "embeds model", "extends"} {
		if strings.HasPrefix(reason, c) {
			return c
		}
	}
	return reason
}

func table(w io.Writer, apps []*app) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "app\tmodels\tleft out\tmigration pkgs\tmigrations\tchanges\tnotes (not followed)\tfindings\tby rule\twall")
	for _, a := range apps {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d\t%d\t%d (%d)\t%d\t%s\t%s\n", a.name, a.models, counts(a.leftOut), a.migPkgs,
			a.migrations, a.changes, a.notes, a.unseen, a.total, counts(a.findings), a.wall.Round(100*time.Millisecond))
	}
	_ = tw.Flush()
}

// counts prints a map as "key n, key n", largest first.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
