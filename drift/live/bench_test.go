package live

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"testing"

	"github.com/schemalint/schemalint/drift/live/benchschema"
	"github.com/schemalint/schemalint/internal/testdb"
)

// envBenchTables names the variable holding the number of tables
// BenchmarkInspect generates. Without it the benchmark is skipped: creating
// 1,000 tables takes tens of seconds per database.
const envBenchTables = "SCHEMALINT_BENCH_TABLES"

// BenchmarkInspect compares Atlas's InspectSchema with Inspect on a fresh
// database of each dialect holding a generated schema (package
// benchschema), both in a read-only transaction:
//
//	SCHEMALINT_BENCH_TABLES=1000 go test ./drift/live -run '^$' -bench Inspect -count 6 -benchtime 1x -timeout 60m | tee bench.txt
//	benchstat -col /impl bench.txt
//
// The schema is created once per dialect; -count repeats each inspection.
func BenchmarkInspect(b *testing.B) {
	n, err := strconv.Atoi(os.Getenv(envBenchTables))
	if err != nil || n < 1 {
		b.Skipf("set %s to the number of tables to generate (e.g. 1000) to run this benchmark", envBenchTables)
	}
	ctx := context.Background()
	for _, d := range testdb.Dialects {
		b.Run("db="+d, func(b *testing.B) {
			db := testdb.New(b, d)
			if err := benchschema.Create(ctx, db.SQL(), d, n); err != nil {
				b.Fatal(err)
			}
			b.Run("impl=atlas", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					tx, err := db.SQL().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
					if err != nil {
						b.Fatal(err)
					}
					drv, err := openAtlas(d, tx)
					if err != nil {
						b.Fatal(err)
					}
					s, err := drv.InspectSchema(ctx, "", nil)
					if err != nil {
						b.Fatal(err)
					}
					_ = tx.Rollback()
					if len(s.Tables) != n {
						b.Fatalf("Atlas found %d tables, want %d", len(s.Tables), n)
					}
				}
			})
			b.Run("impl=ours", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s, err := Inspect(ctx, db.SQL(), d, Options{})
					if err != nil {
						b.Fatal(err)
					}
					if len(s.Tables) != n {
						b.Fatalf("Inspect found %d tables, want %d", len(s.Tables), n)
					}
				}
			})
		})
	}
}
