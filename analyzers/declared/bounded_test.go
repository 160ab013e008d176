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

// dirFSModule writes a module whose package odd discovers the SQL
// migrations of odd/migrations through os.DirFS, with one readable
// migration (20240101000001_orgs); it returns the module and the
// migrations directory.
func dirFSModule(t *testing.T) (dir, migs string) {
	t.Helper()
	dir = t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), string(b))
	}
	pkg := filepath.Join(dir, "odd")
	migs = filepath.Join(pkg, "migrations")
	if err := os.MkdirAll(migs, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(pkg, "migrations.go"), `package odd

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
	writeFile(t, filepath.Join(migs, "20240101000001_orgs.up.sql"), "CREATE TABLE orgs (id varchar(20) PRIMARY KEY);\n")
	return dir, migs
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// analyzeOdd extracts package odd of the module, failing on a hang.
func analyzeOdd(t *testing.T, dir string) *Schema {
	t.Helper()
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
		t.Fatal("the extraction hangs")
	}
	if r.err != nil || len(r.s) != 1 {
		t.Fatalf("Analyze: %d schemas, %v", len(r.s), r.err)
	}
	return r.s[0]
}

func notesOf(s *Schema) string {
	var notes []string
	for _, n := range s.Notes {
		kind := "note"
		if n.Unseen {
			kind = "unseen"
		}
		notes = append(notes, kind+" "+n.Migration+": "+n.Message)
	}
	return strings.Join(notes, "\n")
}

// A repository can commit a SQL migration that is a symlink to /dev/zero,
// or hold a FIFO under a migration's name: the extraction notes that it
// cannot read them, and neither exhausts memory nor hangs.
func TestSQLMigrationFilesAreReadBounded(t *testing.T) {
	dir, migs := dirFSModule(t)
	if err := os.Symlink("/dev/zero", filepath.Join(migs, "20240101000002_zero.up.sql")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(migs, "20240101000003_fifo.up.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := analyzeOdd(t, dir)
	all := notesOf(s)
	for _, want := range []string{
		"unseen 20240101000002: cannot read this SQL migration: read " + filepath.Join(migs, "20240101000002_zero.up.sql") + ": is not a regular file (a character device)",
		"unseen 20240101000003: cannot read this SQL migration: read " + filepath.Join(migs, "20240101000003_fifo.up.sql") + ": is not a regular file (a named pipe)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if len(s.Migrations) == 0 || s.Migrations[0].Name != "20240101000001" || len(s.Migrations[0].Up) == 0 {
		t.Errorf("the readable migration is not extracted: %+v", s.Migrations)
	}
}

// Bun renders a SQL migration as a Go template when the migrator has
// template data (Bun's own example/migrate does): its statements are not
// seen, which the note says, instead of "does not parse".
func TestSQLTemplateMigration(t *testing.T) {
	dir, migs := dirFSModule(t)
	writeFile(t, filepath.Join(migs, "20240101000002_tpl.up.sql"), "CREATE TABLE {{.Prefix}}test (id bigint PRIMARY KEY);\n")
	s := analyzeOdd(t, dir)
	all := notesOf(s)
	if want := "unseen 20240101000002: this SQL file is a Go template ({{...}}) that Bun renders at run time"; !strings.Contains(all, want) || strings.Contains(all, "does not parse") {
		t.Errorf("notes:\n%s\nwant %q and no parse error", all, want)
	}
}
