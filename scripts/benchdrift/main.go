// Command benchdrift measures schemalint drift end to end against Atlas's
// own inspection, on each database, in the same run: it creates the
// benchmark schema of drift/live/benchschema (1,000 tables of 18 columns,
// 3,000 secondary indexes, 2,000 foreign keys by default) in a fresh
// database, generates a module whose Bun models and migrations declare
// exactly that schema, builds schemalint, runs drift once cold (building
// the program that reads the models, extracting the migrations; it must
// report nothing), then alternately a warm `schemalint drift` (the real
// binary, wall time) and Atlas's InspectSchema of the same database in a
// read-only transaction. It prints medians and a Markdown table for
// docs/BENCHMARKS.md.
//
//	go run ./scripts/benchdrift -n 1000 -runs 7
//
// The servers come from SCHEMALINT_TEST_POSTGRES and SCHEMALINT_TEST_MYSQL
// (administrator URLs, as for the tests); SQLite needs nothing.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/live/benchschema"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

func main() {
	n := flag.Int("n", 1000, "number of tables")
	runs := flag.Int("runs", 7, "measured runs of each side (at least 3)")
	dialects := flag.String("dialects", "pg,mysql,sqlite", "databases to measure")
	keep := flag.Bool("keep", false, "keep the generated modules and databases, and print how to run drift on them")
	flag.Parse()
	if *runs < 3 {
		log.Fatal("-runs must be at least 3")
	}
	rows, err := benchAll(context.Background(), *n, *runs, strings.Split(*dialects, ","), *keep)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\n| database | `schemalint drift`, warm, end to end | its inspection (`live.Inspect`) | Atlas `InspectSchema` | inspection speed-up | cold run (build + extraction) |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Println(r)
	}
}

// benchAll builds schemalint and measures each dialect; unless keep is
// set, its temporary files are removed whatever happens.
func benchAll(ctx context.Context, n, runs int, dialects []string, keep bool) ([]string, error) {
	tmp, err := os.MkdirTemp("", "benchdrift")
	if err != nil {
		return nil, err
	}
	if !keep {
		defer func() { _ = os.RemoveAll(tmp) }()
	}
	// schemalint drift runs schemalint-drift from beside itself.
	bin := filepath.Join(tmp, "schemalint")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", tmp+string(filepath.Separator), "./cmd/schemalint", "./cmd/schemalint-drift").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build schemalint: %w\n%s", err, out)
	}
	var rows []string
	for _, d := range dialects {
		row, err := bench(ctx, tmp, bin, d, n, runs, keep)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d, err)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// bench measures one dialect and returns its table row.
func bench(ctx context.Context, tmp, bin, dialect string, n, runs int, keep bool) (string, error) {
	d, drop, err := freshDatabase(ctx, tmp, dialect)
	if err != nil {
		return "", err
	}
	if !keep {
		defer drop()
	}
	db, err := d.Open()
	if err != nil {
		return "", err
	}
	defer func() { _ = db.Close() }()
	start := time.Now()
	if err := benchschema.Create(ctx, db, dialect, n); err != nil {
		return "", err
	}
	log.Printf("%s: created %d tables in %v", dialect, n, time.Since(start).Round(time.Millisecond))
	mod := filepath.Join(tmp, "mod-"+dialect)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return "", fmt.Errorf("run benchdrift from the repository root: %w", err)
	}
	if err := benchschema.WriteModule(ctx, mod, dialect, n, sum); err != nil {
		return "", err
	}
	cache := filepath.Join(tmp, "cache-"+dialect)
	drift := func() (time.Duration, error) {
		cmd := exec.CommandContext(ctx, bin, "drift", "--dsn-env", "BENCH_DSN", "--models", "./models", "--migrations", "./migrations", "--timeout", "5m")
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "BENCH_DSN="+d.URL(), "SCHEMALINT_CACHE_DIR="+cache, "NO_COLOR=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		if err != nil || out.Len() > 0 {
			return 0, fmt.Errorf("schemalint drift must report nothing on the benchmark schema: %w\n%s", err, firstLines(out.String(), 20))
		}
		return elapsed, nil
	}
	cold, err := drift()
	if err != nil {
		return "", err
	}
	log.Printf("%s: cold run %v", dialect, cold.Round(time.Millisecond))
	var ours, inspect, atlas []time.Duration
	for i := range runs {
		t, err := drift()
		if err != nil {
			return "", err
		}
		ours = append(ours, t)
		start := time.Now()
		s, err := live.Inspect(ctx, db, dialect, live.Options{})
		if err != nil {
			return "", err
		}
		if len(s.Tables) != n {
			return "", fmt.Errorf("live.Inspect found %d tables, want %d", len(s.Tables), n)
		}
		inspect = append(inspect, time.Since(start))
		if t, err = atlasInspect(ctx, db, dialect, n); err != nil {
			return "", err
		}
		atlas = append(atlas, t)
		log.Printf("%s: run %d: drift %v (its inspection alone %v), Atlas %v", dialect, i+1,
			ours[i].Round(time.Millisecond), inspect[i].Round(time.Millisecond), atlas[i].Round(time.Millisecond))
	}
	if keep {
		log.Printf("%s: kept: cd %s && BENCH_DSN='%s' SCHEMALINT_CACHE_DIR=%s %s drift -v --dsn-env BENCH_DSN --models ./models --migrations ./migrations",
			dialect, mod, d.Redacted, cache, bin)
	}
	mo, mi, ma := median(ours), median(inspect), median(atlas)
	return fmt.Sprintf("| %s | %.3f s | %.3f s | %.3f s | %.1f× | %.1f s |", title(dialect), mo.Seconds(), mi.Seconds(), ma.Seconds(),
		ma.Seconds()/mi.Seconds(), cold.Seconds()), nil
}

// atlasInspect times Atlas's own InspectSchema, in a read-only
// transaction as drift's inspection runs.
func atlasInspect(ctx context.Context, db *sql.DB, dialect string, n int) (time.Duration, error) {
	start := time.Now()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	var drv migrate.Driver
	switch dialect {
	case dsn.Postgres:
		drv, err = postgres.Open(tx)
	case dsn.MySQL:
		drv, err = mysql.Open(tx)
	default:
		drv, err = sqlite.Open(tx)
	}
	if err != nil {
		return 0, err
	}
	s, err := drv.InspectSchema(ctx, "", nil)
	if err != nil {
		return 0, err
	}
	if len(s.Tables) != n {
		return 0, fmt.Errorf("atlas found %d tables, want %d", len(s.Tables), n)
	}
	return time.Since(start), nil
}

// freshDatabase creates an empty database and returns the function that
// drops it.
func freshDatabase(ctx context.Context, tmp, dialect string) (dsn.DSN, func(), error) {
	if dialect == dsn.SQLite {
		d, err := dsn.Parse("sqlite://" + filepath.Join(tmp, "bench.db"))
		return d, func() {}, err
	}
	env := testdb.EnvPostgres
	create, dropStmt := "CREATE DATABASE %s", "DROP DATABASE IF EXISTS %s WITH (FORCE)"
	if dialect == dsn.MySQL {
		env, create, dropStmt = testdb.EnvMySQL, "CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "DROP DATABASE IF EXISTS %s"
	}
	admin, err := dsn.Parse(testdb.AdminURL(env))
	if err != nil {
		return dsn.DSN{}, nil, err
	}
	adb, err := admin.Open()
	if err != nil {
		return dsn.DSN{}, nil, err
	}
	name := fmt.Sprintf("sl_benchdrift_%d", time.Now().UnixNano()%1e9)
	if _, err := adb.ExecContext(ctx, fmt.Sprintf(create, name)); err != nil {
		_ = adb.Close()
		return dsn.DSN{}, nil, fmt.Errorf("%s (%s): %w", env, admin, err)
	}
	return admin.WithDatabase(name), func() {
		if _, err := adb.ExecContext(context.Background(), fmt.Sprintf(dropStmt, name)); err != nil {
			log.Printf("drop %s: %v", name, err)
		}
		_ = adb.Close()
	}, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func title(d string) string {
	switch d {
	case dsn.Postgres:
		return "PostgreSQL 15"
	case dsn.MySQL:
		return "MariaDB 10.11"
	}
	return "SQLite (modernc)"
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
