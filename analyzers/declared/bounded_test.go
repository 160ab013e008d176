package declared

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// A repository can commit a SQL migration that is a symlink to /dev/zero,
// or hold a FIFO under a migration's name: the extraction notes that it
// cannot read them, and neither exhausts memory nor hangs.
func TestSQLMigrationFilesAreReadBounded(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg := filepath.Join(dir, "odd")
	migs := filepath.Join(pkg, "migrations")
	if err := os.MkdirAll(migs, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(pkg, "migrations.go"), `package odd

import (
	"os"

	"github.com/uptrace/bun/migrate"
)

var Migrations = migrate.NewMigrations()

func init() {
	if err := Migrations.Discover(os.DirFS("migrations")); err != nil {
		panic(err)
	}
}
`)
	write(filepath.Join(migs, "20240101000001_orgs.up.sql"), "CREATE TABLE orgs (id varchar(20) PRIMARY KEY);\n")
	if err := os.Symlink("/dev/zero", filepath.Join(migs, "20240101000002_zero.up.sql")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(migs, "20240101000003_fifo.up.sql"), 0o644); err != nil {
		t.Fatal(err)
	}

	type result struct {
		s   []*Schema
		err error
	}
	done := make(chan result, 1)
	go func() {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./odd")
		if err != nil {
			done <- result{err: err}
			return
		}
		s, err := Analyze(pkgs)
		done <- result{s, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the extraction hangs on a FIFO or /dev/zero")
	}
	if r.err != nil || len(r.s) != 1 {
		t.Fatalf("Analyze: %d schemas, %v", len(r.s), r.err)
	}
	var notes []string
	for _, n := range r.s[0].Notes {
		notes = append(notes, n.Migration+": "+n.Message)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		"20240101000002: cannot read this SQL migration: read " + filepath.Join(migs, "20240101000002_zero.up.sql") + ": is not a regular file (a character device)",
		"20240101000003: cannot read this SQL migration: read " + filepath.Join(migs, "20240101000003_fifo.up.sql") + ": is not a regular file (a named pipe)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if len(r.s[0].Migrations) == 0 || r.s[0].Migrations[0].Name != "20240101000001" || len(r.s[0].Migrations[0].Up) == 0 {
		t.Errorf("the readable migration is not extracted: %+v", r.s[0].Migrations)
	}
}
