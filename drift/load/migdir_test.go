package load

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrationsDir: the snapshot's directory is the migrations package's,
// whether the patterns match it alone or with other packages; patterns
// matching no migrations package are an error naming them.
func TestMigrationsDir(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "migrations")
	for _, patterns := range [][]string{{"./migrations"}, {"./schema", "./migrations"}} {
		got, err := MigrationsDir(context.Background(), Config{Dir: root, Migrations: patterns})
		if err != nil || got != want {
			t.Errorf("%v: %q, %v; want %q", patterns, got, err, want)
		}
	}
	_, err = MigrationsDir(context.Background(), Config{Dir: root, Migrations: []string{"./schema", "./internal/dsn"}})
	if err == nil || !strings.Contains(err.Error(), "no package of ./schema ./internal/dsn has an exported *migrate.Migrations variable") {
		t.Errorf("no migrations package: %v", err)
	}
}
